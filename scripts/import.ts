/**
 * `npm run import -- --file orders.csv [--format online-retail|ndjson] [--site pk_demo]`
 * Backfills history into a running edgelift through `POST /v1/admin/import/events`, in requests of
 * at most 10 MB cut at line boundaries (a CSV's header is repeated in each), with a progress bar
 * and a final summary. Accepts .gz files. Re-running the same import changes nothing.
 *
 * Options: --api http://localhost:8787  --admin sk_demo (or EDGELIFT_ADMIN_KEY)
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createGunzip } from 'node:zlib'
import { progressBar } from './lib/progress.ts'

const USAGE =
  'usage: npm run import -- --file FILE [--format online-retail|ndjson] [--api URL] [--admin sk_...]'
/** Below the route's 10 MB cap, leaving room for multi-byte characters and the header. */
const REQUEST_BYTES = 9 * 1024 * 1024

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

function parse() {
  try {
    return parseArgs({
      options: {
        file: { type: 'string' },
        format: { type: 'string' },
        api: { type: 'string', default: 'http://localhost:8787' },
        admin: { type: 'string', default: process.env.EDGELIFT_ADMIN_KEY ?? 'sk_demo' },
      },
    }).values
  } catch (err) {
    fail((err as Error).message)
  }
}
const values = parse()
const file = values.file ?? fail('--file is required.')
if (!existsSync(file)) fail(`${file} does not exist.`)
const format =
  values.format ?? (/\.ndjson(\.gz)?$|\.jsonl(\.gz)?$/.test(file) ? 'ndjson' : 'online-retail')
if (format !== 'online-retail' && format !== 'ndjson') fail(`Unknown --format ${format}.`)

const totals = {
  imported: 0,
  duplicates: 0,
  skippedCount: 0,
  skipped: [] as { line: number; reason: string }[],
}
const size = statSync(file).size
const bar = progressBar('  import', size)
let readBytes = 0
let lineOffset = 0

async function send(lines: string[], header: string | undefined) {
  const body = (header ? [header, ...lines] : lines).join('\n')
  // Imports are idempotent, so a request that failed on the way (a restart, a 503) is resent.
  let result: (typeof totals & { error?: { message: string } }) | undefined
  for (let attempt = 1; !result; attempt++) {
    let res: Response
    try {
      res = await fetch(`${values.api}/v1/admin/import/events?format=${format}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${values.admin}`,
          'content-type': format === 'ndjson' ? 'application/x-ndjson' : 'text/csv',
        },
        body,
      })
    } catch {
      if (attempt >= 3) fail(`Cannot reach edgelift at ${values.api}; is \`npm start\` running?`)
      await new Promise((r) => setTimeout(r, 1000 * attempt))
      continue
    }
    const text = await res.text()
    let parsed: (typeof totals & { error?: { message: string } }) | undefined
    try {
      parsed = JSON.parse(text) as typeof totals & { error?: { message: string } }
    } catch {
      parsed = undefined
    }
    if (res.ok && parsed) result = parsed
    else if (res.status < 500 && parsed)
      fail(`The import was refused (${res.status}): ${parsed.error?.message ?? ''}`)
    else if (attempt >= 3) fail(`The import failed (${res.status}): ${text.slice(0, 200)}`)
    else await new Promise((r) => setTimeout(r, 1000 * attempt))
  }
  totals.imported += result.imported
  totals.duplicates += result.duplicates
  totals.skippedCount += result.skippedCount
  for (const [reason, n] of Object.entries(result.skippedByReason)) {
    totals.skippedByReason[reason] = (totals.skippedByReason[reason] ?? 0) + n
  }
  // Line numbers in the answer count from this request's body; map them back to the file's.
  const shift = lineOffset - (header ? 1 : 0)
  for (const s of result.skipped) totals.skipped.push({ line: s.line + shift, reason: s.reason })
  lineOffset += lines.length
}

const raw = createReadStream(file)
raw.on('data', (chunk) => {
  readBytes += chunk.length
  bar.update(readBytes, `${totals.imported} imported`)
})
const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
let header: string | undefined
let batch: string[] = []
let batchBytes = 0
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  if (format === 'online-retail' && header === undefined) {
    header = line
    lineOffset = 1
    continue
  }
  batch.push(line)
  batchBytes += Buffer.byteLength(line) + 1
  if (batchBytes >= REQUEST_BYTES) {
    await send(batch, header)
    batch = []
    batchBytes = 0
  }
}
if (batch.length > 0) await send(batch, header)
bar.finish(`${totals.imported} imported`)

console.log(
  JSON.stringify(
    {
      imported: totals.imported,
      duplicates: totals.duplicates,
      skipped: totals.skippedCount,
      skippedByReason: totals.skippedByReason,
      firstSkipped: totals.skipped.slice(0, 20),
    },
    null,
    2,
  ),
)
