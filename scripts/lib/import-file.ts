/**
 * Sending a history file to a running edgelift's `POST /v1/admin/import/events`, in requests of at
 * most 9 MB cut at line boundaries (a CSV's header is repeated in each). Imports are idempotent,
 * so a request that failed on the way (a restart, a 503) is simply sent again.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { retailDateOrder } from '../../worker/import/online-retail.ts'
import type { DateEvidence, DateOrder } from '../../worker/import/timestamps.ts'
import type { ImportFormat } from '../../worker/import/import-formats.ts'
import { unreachable } from './cli.ts'

/** Below the route's 10 MB cap, leaving room for multi-byte characters and the header. */
const REQUEST_BYTES = 9 * 1024 * 1024
const ATTEMPTS = 3

export type ImportTotals = {
  imported: number
  duplicates: number
  skippedCount: number
  skipped: { line: number; reason: string }[]
  skippedByReason: Record<string, number>
}

/** Why an import stopped, with what it had done by then: requests before it were written. */
export class ImportError extends Error {
  readonly rowsSent: number
  readonly totals: ImportTotals | undefined
  constructor(message: string, rowsSent = 0, totals?: ImportTotals) {
    super(message)
    this.rowsSent = rowsSent
    this.totals = totals
  }
}

export type ImportFileOptions = {
  file: string
  format: ImportFormat
  /** How the file writes slashed dates (online-retail); the route reads month first without it. */
  dateOrder?: DateOrder
  api: string
  adminKey: string
  /** Hears after each written request how many of the file's rows have been sent. */
  onRows?: (rowsSent: number, totals: ImportTotals) => void
}

export async function importFile(options: ImportFileOptions): Promise<ImportTotals> {
  const { file, format } = options
  const totals: ImportTotals = {
    imported: 0,
    duplicates: 0,
    skippedCount: 0,
    skipped: [],
    skippedByReason: {},
  }
  let lineOffset = 0
  let rowsSent = 0

  async function send(lines: string[], header: string | undefined): Promise<void> {
    const body = (header ? [header, ...lines] : lines).join('\n')
    let result: ImportTotals
    try {
      result = await postImport(options, body)
    } catch (err) {
      if (err instanceof ImportError) throw new ImportError(err.message, rowsSent, totals)
      throw err
    }
    // Line numbers in the answer count from this request's body; map them back to the file's.
    addToTotals(totals, result, lineOffset - (header ? 1 : 0))
    lineOffset += lines.length
    rowsSent += lines.length
    options.onRows?.(rowsSent, totals)
  }

  let header: string | undefined
  let batch: string[] = []
  let batchBytes = 0
  for await (const line of fileLines(file)) {
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
  return totals
}

/** Adds one request's answer to the totals, its skipped lines moved down by `lineShift`. */
function addToTotals(totals: ImportTotals, result: ImportTotals, lineShift: number): void {
  totals.imported += result.imported
  totals.duplicates += result.duplicates
  totals.skippedCount += result.skippedCount
  for (const [reason, n] of Object.entries(result.skippedByReason)) {
    totals.skippedByReason[reason] = (totals.skippedByReason[reason] ?? 0) + n
  }
  for (const s of result.skipped)
    totals.skipped.push({ line: s.line + lineShift, reason: s.reason })
}

/**
 * Posts one request's body and answers the route's totals for it. A refusal (a 4xx with the
 * JSON error envelope) is final; a network failure or any other answer (a 5xx, a proxy's page)
 * is tried again, up to `ATTEMPTS` times with a growing pause.
 */
export async function postImport(
  {
    api,
    adminKey,
    format,
    dateOrder,
  }: Pick<ImportFileOptions, 'api' | 'adminKey' | 'format' | 'dateOrder'>,
  body: string,
): Promise<ImportTotals> {
  const query = `format=${format}${dateOrder ? `&dates=${dateOrder}` : ''}`
  for (let attempt = 1; ; attempt++) {
    let res: Response | undefined
    try {
      res = await fetch(`${api}/v1/admin/import/events?${query}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${adminKey}`,
          'content-type': format === 'online-retail' ? 'text/csv' : 'application/x-ndjson',
        },
        body,
      })
    } catch {
      if (attempt >= ATTEMPTS) throw new ImportError(unreachable(api))
    }
    if (res) {
      const text = await res.text()
      const parsed = parseJson(text) as (ImportTotals & { error?: { message: string } }) | undefined
      if (res.ok && parsed) return parsed
      if (res.status < 500 && parsed) {
        throw new ImportError(
          `The import was refused (${res.status}): ${parsed.error?.message ?? ''}`,
        )
      }
      if (attempt >= ATTEMPTS)
        throw new ImportError(`The import failed (${res.status}): ${text.slice(0, 200)}`)
    }
    await new Promise((r) => setTimeout(r, 1000 * attempt))
  }
}

/** A file's lines, gunzipped when it ends in .gz. */
function fileLines(file: string): AsyncIterable<string> {
  const raw = createReadStream(file)
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  return createInterface({ input, crlfDelay: Infinity })
}

/** How many rows `importFile` sends from the file: every line, less a CSV's header. */
export async function countRows(file: string, format: ImportFormat): Promise<number> {
  let lines = 0
  for await (const _ of fileLines(file)) lines++
  return format === 'online-retail' ? Math.max(0, lines - 1) : lines
}

/**
 * How an Online Retail file writes its dates, read from the whole file before anything is sent:
 * the first date that reads only month first and the first that reads only day first, and how
 * many slashed dates it has (with no evidence, every one of them reads both ways).
 */
export async function scanDateOrder(
  file: string,
): Promise<{ evidence: DateEvidence[]; slashedDates: number }> {
  const scan = retailDateOrder()
  for await (const line of fileLines(file)) scan.push(line)
  return { evidence: scan.evidence(), slashedDates: scan.slashedDates() }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
