/**
 * Splits an Online Retail CSV by invoice date into a training and a test file, keeping the
 * header and each line byte-for-byte, so both halves import and evaluate like the original.
 *
 *   node scripts/split-online-retail.ts --input data.csv[.gz] --split 2011-07-01 \
 *     --train train.csv --test test.csv [--from 2010-12-01] [--until 2011-09-01]
 *
 * Lines whose date cannot be read go to neither file (reported on stderr).
 */

import { createReadStream, createWriteStream } from 'node:fs'
import type { WriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { createGunzip } from 'node:zlib'

import { parseCsvLine } from '../worker/import/csv.ts'
import { readLines } from '../worker/import/lines.ts'
import { parseTimestamp } from '../worker/import/timestamps.ts'

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    split: { type: 'string' },
    train: { type: 'string' },
    test: { type: 'string' },
    from: { type: 'string' },
    until: { type: 'string' },
  },
})
if (!values.input || !values.split || !values.train || !values.test) {
  process.stderr.write(
    'usage: node scripts/split-online-retail.ts --input F --split YYYY-MM-DD --train T --test S [--from D] [--until D]\n',
  )
  process.exit(2)
}

const day = (text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback
  const at = parseTimestamp(text)
  if (at === undefined) throw new Error(`not a date: ${text}`)
  return at
}
const split = day(values.split, 0)
const from = day(values.from, -Infinity)
const until = day(values.until, Infinity)

const raw = createReadStream(values.input)
const input = values.input.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
const trainOut = createWriteStream(values.train)
const testOut = createWriteStream(values.test)
const write = async (out: WriteStream, line: string): Promise<void> => {
  if (!out.write(`${line}\n`)) await once(out, 'drain')
}

let dateColumn = 4
let lineNumber = 0
const counts = { train: 0, test: 0, outside: 0, unreadable: 0 }
for await (const line of readLines(input)) {
  lineNumber++
  const fields = parseCsvLine(line)
  if (lineNumber === 1 && fields?.some((f) => f.trim().toLowerCase() === 'invoicedate')) {
    dateColumn = fields.findIndex((f) => f.trim().toLowerCase() === 'invoicedate')
    await write(trainOut, line)
    await write(testOut, line)
    continue
  }
  const at = parseTimestamp((fields?.[dateColumn] ?? '').trim())
  if (at === undefined) {
    if (line.trim() !== '') counts.unreadable++
    continue
  }
  if (at < from || at >= until) counts.outside++
  else if (at < split) {
    counts.train++
    await write(trainOut, line)
  } else {
    counts.test++
    await write(testOut, line)
  }
}
trainOut.end()
testOut.end()
await Promise.all([once(trainOut, 'finish'), once(testOut, 'finish')])
process.stderr.write(`${JSON.stringify(counts)}\n`)
