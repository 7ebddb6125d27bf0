/**
 * Importing an archived day (`format=archive`): each line is a stored row (archived-event.ts), put
 * back as it was, with its own receive time, exposure phase and variation. Nothing is derived
 * again: the assignment rows these events once produced were never archived. Rows already in D1
 * are duplicates, and a forgotten visitor's rows are skipped. The orders put back leave their
 * visitors' archived history (visitor-history.ts), which would otherwise count them twice. Like
 * every import, a request is written whole (one D1 batch) or not at all.
 */
import { batch, type Database, type Statement } from '../db/database.ts'
import { sha256Hex } from '../crypto/hex.ts'
import { MAX_JSON_PARAMETER_BYTES } from '../db/json-chunks.ts'
import { splitLines } from '../import/lines.ts'
import { archivedEventSchema, insertArchivedEvents, type ArchivedEvent } from './archived-event.ts'
import { forgottenAmong } from './forgotten.ts'
import { unfoldFromHistory } from './visitor-history.ts'
import { importReport, type ImportResult } from './import-report.ts'

/** Rows per insert statement, and their source characters (the JSON parameter's cap, halved). */
const BATCH = 1000
const BATCH_BYTES = MAX_JSON_PARAMETER_BYTES / 2

export async function importArchive(
  db: Database,
  siteId: string,
  text: string,
): Promise<ImportResult> {
  const { result, skip } = importReport()
  const chunks: { rows: ArchivedEvent[]; bytes: number }[] = [{ rows: [], bytes: 0 }]
  let lineNumber = 0
  for (const line of splitLines(text)) {
    lineNumber++
    if (line.trim() === '') continue
    const row = parseLine(line)
    if (typeof row === 'string') {
      skip(lineNumber, row)
      continue
    }
    let chunk = chunks[chunks.length - 1]
    if (!chunk || chunk.rows.length >= BATCH || chunk.bytes >= BATCH_BYTES) {
      chunk = { rows: [], bytes: 0 }
      chunks.push(chunk)
    }
    chunk.rows.push(row)
    chunk.bytes += line.length
  }
  const rows = chunks.flatMap((c) => c.rows)
  const hashes = new Map<string, string>()
  for (const row of rows) {
    if (!hashes.has(row.visitorId)) hashes.set(row.visitorId, await sha256Hex(row.visitorId))
  }
  const forgotten = await forgottenAmong(db, siteId, [...hashes.values()])
  const statements: Statement[] = []
  let kept = 0
  for (const chunk of chunks) {
    const withHash = chunk.rows
      .map((row) => ({ ...row, visitorHash: hashes.get(row.visitorId) ?? '' }))
      .filter((row) => !forgotten.has(row.visitorHash))
    result.skippedCount += chunk.rows.length - withHash.length
    if (chunk.rows.length > withHash.length) {
      result.skippedByReason.visitor_forgotten =
        (result.skippedByReason.visitor_forgotten ?? 0) + chunk.rows.length - withHash.length
    }
    if (withHash.length === 0) continue
    kept += withHash.length
    statements.push(unfoldFromHistory(siteId, withHash), insertArchivedEvents(siteId, withHash))
  }
  if (statements.length > 0) {
    const results = await batch(db, statements)
    // The inserts answer the ids they stored; the history updates answer no rows.
    for (const r of results) result.imported += r.results.length
    result.duplicates = kept - result.imported
  }
  return result
}

function parseLine(line: string): ArchivedEvent | string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return 'malformed_json'
  }
  const parsed = archivedEventSchema.safeParse(value)
  return parsed.success ? parsed.data : 'not_an_archived_event'
}
