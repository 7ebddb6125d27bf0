/**
 * `npm run import -- --file orders.csv [--format online-retail|ndjson] [--api URL] [--admin sk_...]`
 * Backfills history into a running edgelift (default http://localhost:$PORT or 8787, key sk_demo or
 * EDGELIFT_ADMIN_KEY), with a progress bar and a final summary: imported, duplicates, and the
 * skipped lines with their numbers and reasons. Accepts .gz files; re-running changes nothing.
 */
import { existsSync, statSync } from 'node:fs'
import { ImportError, importFile } from './lib/import-file.ts'
import { DEFAULT_API, failWith, parseFlags } from './lib/cli.ts'
import { progressBar } from './lib/progress.ts'

const USAGE =
  'usage: npm run import -- --file FILE [--format online-retail|ndjson] [--api URL] [--admin sk_...]'

const fail: (message: string) => never = failWith(USAGE)

const { values } = parseFlags(
  {
    options: {
      file: { type: 'string' },
      format: { type: 'string' },
      api: { type: 'string', default: DEFAULT_API },
      admin: { type: 'string', default: process.env.EDGELIFT_ADMIN_KEY ?? 'sk_demo' },
    },
  },
  fail,
)
const file = values.file ?? fail('--file is required.')
if (!existsSync(file)) fail(`${file} does not exist.`)
const format = values.format ?? (/\.(nd)?jsonl?(\.gz)?$/.test(file) ? 'ndjson' : 'online-retail')
if (format !== 'online-retail' && format !== 'ndjson')
  fail(`Unknown --format ${format}; use online-retail or ndjson.`)

const bar = progressBar('  import', statSync(file).size)
try {
  const totals = await importFile({
    file,
    format,
    api: values.api.replace(/\/$/, ''),
    adminKey: values.admin,
    onBytes: (bytes, t) => bar.update(bytes, `${t.imported} imported`),
  })
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
} catch (err) {
  if (err instanceof ImportError) fail(err.message)
  throw err
}
