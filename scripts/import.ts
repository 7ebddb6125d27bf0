/**
 * `npm run import -- --file orders.csv [--format online-retail|ndjson|archive|google-merchant]
 *   [--dates month-first|day-first] [--api URL] [--admin sk_...]`
 * Backfills history into a running edgelift (default http://localhost:$PORT or 8787, key sk_demo or
 * EDGELIFT_ADMIN_KEY), with a progress bar and a final summary: imported, duplicates, and the
 * skipped lines with their numbers and reasons. Accepts .gz files; re-running changes nothing.
 * Before sending an Online Retail file it reads the dates of the whole file to settle whether
 * they are month first (the UCI file, US exports) or day first (UK and European exports).
 */
import { existsSync } from 'node:fs'
import { DATE_ORDERS, type DateOrder } from '../worker/import/timestamps.ts'
import { countRows, ImportError, importFile, scanDateOrder } from './lib/import-file.ts'
import { importFeed } from './lib/import-feed.ts'
import { FeedFormatError } from '../worker/catalog/merchant-feed.ts'
import { DEFAULT_API, failWith, parseFlags } from './lib/cli.ts'
import { progressBar } from './lib/progress.ts'

const USAGE =
  'usage: npm run import -- --file FILE [--format online-retail|ndjson|archive|google-merchant] [--dates month-first|day-first] [--api URL] [--admin sk_...]'

const fail: (message: string) => never = failWith(USAGE)

const { values } = parseFlags(
  {
    options: {
      file: { type: 'string' },
      format: { type: 'string' },
      dates: { type: 'string' },
      api: { type: 'string', default: DEFAULT_API },
      admin: { type: 'string', default: process.env.EDGELIFT_ADMIN_KEY ?? 'sk_demo' },
    },
  },
  fail,
)
const file = values.file ?? fail('--file is required.')
if (!existsSync(file)) fail(`${file} does not exist.`)
const format = values.format ?? defaultFormat(file)
if (format === 'google-merchant') await importMerchantFeed(file)
if (format !== 'online-retail' && format !== 'ndjson' && format !== 'archive')
  fail(`Unknown --format ${format}; use online-retail, ndjson, archive or google-merchant.`)

if (values.dates !== undefined && !(DATE_ORDERS as readonly string[]).includes(values.dates)) {
  fail(`Unknown --dates ${values.dates}; use ${DATE_ORDERS.join(' or ')}.`)
}
if (values.dates !== undefined && format !== 'online-retail') {
  fail('--dates is for --format online-retail: NDJSON events carry their time as `ts`.')
}
const dateOrder = format === 'online-retail' ? await settleDateOrder(values.dates) : undefined

const rows = await countRows(file, format)
const bar = progressBar('  import: rows sent', rows)
try {
  const totals = await importFile({
    file,
    format,
    dateOrder,
    api: values.api.replace(/\/$/, ''),
    adminKey: values.admin,
    onRows: (sent, t) => bar.update(sent, `${t.imported} imported`),
  })
  bar.finish(`${totals.imported} imported`)
  console.log(
    `  Sent ${rows} rows of ${file}: ${totals.imported} events imported, ${totals.duplicates} already there, ${totals.skippedCount} lines skipped.`,
  )
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
  if (totals.imported > 0) {
    console.error(
      'Customers are stored under opaque ids, not the ids in the file: POST /v1/admin/import/visitor-ids answers a customer’s (see README, "Imported customers get opaque ids").',
    )
  }
} catch (err) {
  if (err instanceof ImportError) fail(`${err.message}\n${whatWasDone(err, rows)}`)
  throw err
}

/**
 * The format a file's name implies: an object of the R2 event archive (`<digest>.ndjson.gz`, see
 * worker/events/event-archive.ts) holds stored rows, other NDJSON holds events as sent.
 */
function defaultFormat(path: string): string {
  if (/(^|\/)[0-9a-f]{32}\.ndjson\.gz$/.test(path)) return 'archive'
  return /\.(nd)?jsonl?(\.gz)?$/.test(path) ? 'ndjson' : 'online-retail'
}

/** What an import that stopped had written: each request is all or nothing, so re-running is safe. */
function whatWasDone(err: ImportError, rows: number): string {
  if (err.rowsSent === 0) return `Nothing was imported (0 of ${rows} rows sent).`
  return `${err.rowsSent} of ${rows} rows were sent and written (${err.totals?.imported ?? 0} events imported) before it stopped; importing the file again adds only the rest.`
}

/**
 * The file's date order: `--dates` if given, else what its dates say. A day-first file read month
 * first would put 1 December in January without a word, so the whole file is read first.
 */
async function settleDateOrder(flag: string | undefined): Promise<DateOrder> {
  if (flag !== undefined) return flag as DateOrder
  const { evidence, slashedDates } = await scanDateOrder(file)
  const [first, second] = evidence
  const seen = (e: typeof first) => `line ${e?.line}: ${e?.text}`
  if (first && second) {
    fail(
      `Dates are written both ways: ${seen(first)} reads only ${first.order}, ${seen(second)} only ${second.order}. Make them one order (ISO is safest) and import again.`,
    )
  }
  if (first) {
    console.log(`  dates: ${first.order.replace('-', ' ')} (${seen(first)})`)
    return first.order
  }
  if (slashedDates > 0) {
    // Guessing would be for good: the events' ids come from their lines, so an import corrected
    // later would find the misdated rows as duplicates.
    fail(
      `No date in ${file} reads only one way (no day above 12), so its order cannot be told: pass --dates month-first (US, the UCI file) or --dates day-first (UK, Europe).`,
    )
  }
  return 'month-first'
}

/** A Merchant Center feed into the catalog (scripts/lib/import-feed.ts); exits when done. */
async function importMerchantFeed(path: string): Promise<never> {
  if (values.dates !== undefined) fail('--dates is for --format online-retail.')
  try {
    const totals = await importFeed({
      file: path,
      api: values.api.replace(/\/$/, ''),
      adminKey: values.admin,
      onItems: (sent, total) => console.error(`  catalog: ${sent} of ${total} items written`),
    })
    console.log(
      JSON.stringify(
        {
          upserted: totals.upserted,
          skipped: totals.skippedCount,
          firstSkipped: totals.skipped.slice(0, 20),
        },
        null,
        2,
      ),
    )
    process.exit(0)
  } catch (err) {
    if (err instanceof FeedFormatError || err instanceof Error) fail(err.message)
    throw err
  }
}
