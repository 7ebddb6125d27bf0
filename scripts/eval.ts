/**
 * Offline evaluation CLI: trains the production recommender on one file and scores it, the
 * recent-popularity baseline and item-kNN on another. Prints one JSON object on stdout; progress
 * goes to stderr.
 *
 *   node scripts/eval.ts --train A.csv --test B.csv [--format online-retail|user-item] [--k 10]
 * Without --format, a file that is not the Online Retail CSV is read as user,item[,rating[,ts]].
 *
 * Files may be gzip-compressed (`.gz`).
 */

import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createGunzip } from 'node:zlib'

import { readLines } from '../worker/import/lines.ts'
import { createOnlineRetailParser } from '../worker/import/online-retail.ts'
import { createUserItemParser } from './eval/user-item.ts'
import { evaluateHoldout } from './eval/recs/holdout.ts'
import type { Interaction, Progress } from '../worker/recs/types.ts'

/** Input formats the CLI reads. */
export type EvalFormat = 'online-retail' | 'user-item'

/** Reads a file (gunzipping `.gz`) into purchase interactions with the import parsers. */
export async function readInteractions(path: string, format: EvalFormat): Promise<Interaction[]> {
  const raw = createReadStream(path)
  const bytes = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  const out: Interaction[] = []
  let skipped = 0
  if (format === 'online-retail') {
    const parser = createOnlineRetailParser()
    for await (const line of readLines(bytes)) {
      const outcome = parser.push(line)
      if (outcome && 'event' in outcome) {
        const { visitorId, itemId, at, quantity } = outcome.event
        out.push({ visitorId, itemId, type: 'purchase', at, quantity })
      } else if (outcome) skipped++
    }
  } else {
    const parser = createUserItemParser()
    for await (const line of readLines(bytes)) {
      const outcome = parser.push(line)
      if (outcome && 'row' in outcome) {
        const { visitorId, itemId, at } = outcome.row
        out.push({ visitorId, itemId, type: 'purchase', at: at ?? 0 })
      } else if (outcome) skipped++
    }
  }
  process.stderr.write(`${path}: ${out.length} interactions, ${skipped} lines skipped\n`)
  return out
}

/** Prints a progress line to stderr, at most one per stage change or ~5% step. */
export function progressLogger(): (p: Progress) => void {
  let last = ''
  return ({ stage, done, total }) => {
    const step = `${stage}:${Math.floor((20 * done) / Math.max(1, total))}`
    if (step === last) return
    last = step
    process.stderr.write(`  ${stage} ${done}/${total}\n`)
  }
}

/** Without --format: the Online Retail CSV, or else a user,item[,rating[,timestamp]] file. */
async function readEitherFormat(path: string): Promise<Interaction[]> {
  const retail = await readInteractions(path, 'online-retail')
  if (retail.length > 0) return retail
  process.stderr.write(`${path}: not the Online Retail CSV; reading it as user,item\n`)
  return readInteractions(path, 'user-item')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      format: { type: 'string' },
      k: { type: 'string', default: '10' },
    },
  })
  const format = values.format
  const k = Number(values.k)
  const known = format === undefined || format === 'online-retail' || format === 'user-item'
  if (!values.train || !values.test || !known) {
    process.stderr.write(
      'usage: node scripts/eval.ts --train A.csv --test B.csv [--format online-retail|user-item] [--k 10]\n',
    )
    process.exit(2)
  }
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`--k must be a positive integer, got ${values.k}`)
  const read = format ? (path: string) => readInteractions(path, format) : readEitherFormat
  const train = await read(values.train)
  const test = await read(values.test)
  for (const [path, rows] of [
    [values.train, train],
    [values.test, test],
  ] as const) {
    if (rows.length === 0) {
      process.stderr.write(
        `No interactions in ${path}${format ? ` read as --format ${format}` : ''}: see the lines skipped above.\n`,
      )
      process.exit(2)
    }
  }
  const report = evaluateHoldout(train, test, { k, onProgress: progressLogger() })
  const round = (x: number): number => Math.round(x * 1e6) / 1e6
  const clean = (m: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(m).map(([key, x]) => [key, round(x)]))
  process.stdout.write(
    `${JSON.stringify({
      k: report.k,
      users: report.model.users,
      model: clean(report.model),
      popularity: clean(report.popularity),
      itemKnn: clean(report.itemKnn),
    })}\n`,
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
