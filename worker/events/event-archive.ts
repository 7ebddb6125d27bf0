/**
 * Retention: raw events older than a site's retention leave D1 for R2, as gzipped NDJSON
 * (archived-event.ts) under `events/<siteId>/<YYYY-MM-DD>/<digest>.ndjson.gz`, one object per chunk
 * of a site's UTC day. Results never need them: they read assignment rows, which stay.
 *
 * A chunk is deleted from D1 only after R2 answered its put with an object of the chunk's size; a
 * failed put deletes nothing and the next run starts again from the oldest rows still in D1. An
 * object's name is the digest of its event ids, so a chunk written again after a failed deletion
 * overwrites itself with the same rows, and a chunk that differs never overwrites another.
 *
 * The deletion and the folding of the chunk into its visitors' histories (visitor-history.ts) are
 * one transaction: a visitor's first visit and orders outlive the rows, counted once.
 */
import { sql } from 'drizzle-orm'
import { batch, type Database } from '../db/database.ts'
import { sha256Hex } from '../crypto/hex.ts'
import { ARCHIVED_COLUMNS, type ArchivedEvent } from './archived-event.ts'
import { EVENT_TYPES } from './event-schema.ts'
import { foldIntoHistory } from './visitor-history.ts'
import { DAY_MS } from '../../shared/durations.ts'

export const DEFAULT_RETENTION_DAYS = 90
/**
 * The shortest retention: the recommendations' recency window, the bandit's periods and the open
 * sessions all fall inside it. Intent training (a 365-day window) learns from fewer sessions once
 * older ones are archived; a visitor's past purchases and whether they are returning stay, in
 * their history; results are unaffected (assignments are never archived).
 */
export const MIN_RETENTION_DAYS = 30
export const MAX_RETENTION_DAYS = 3650
/** Rows per archived object: one read, one gzip in memory and one put. */
export const ARCHIVE_CHUNK_ROWS = 2000
/** Rows per DELETE statement: each stays a short write, whatever the day's size. */
export const DELETE_BATCH_ROWS = 500
/** Chunks per site and run: what one cron invocation spends on a site before the next one. */
export const ARCHIVE_CHUNKS_PER_RUN = 50

/** Later than any stored time: stands in for "no event of this type" inside min(). */
const NO_TIME = sql.raw('9000000000000000')

export type ArchiveOptions = {
  chunkRows?: number
  maxChunks?: number
}

export type ArchiveReport = {
  siteId: string
  archived: number
  objects: string[]
  /** False when events past retention remain (the chunk budget ran out, or a put failed). */
  done: boolean
  error?: string
}

/** The first instant (UTC midnight) that is kept: whole days older than the retention go. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return Math.floor((now - retentionDays * DAY_MS) / DAY_MS) * DAY_MS
}

/** Archives and deletes one site's events older than its retention, oldest day first. */
export async function archiveSiteEvents(
  db: Database,
  bucket: R2Bucket,
  site: { id: string; eventRetentionDays: number },
  now: number,
  options: ArchiveOptions = {},
): Promise<ArchiveReport> {
  const chunkRows = options.chunkRows ?? ARCHIVE_CHUNK_ROWS
  const maxChunks = options.maxChunks ?? ARCHIVE_CHUNKS_PER_RUN
  const cutoff = retentionCutoff(now, site.eventRetentionDays)
  const report: ArchiveReport = { siteId: site.id, archived: 0, objects: [], done: false }
  for (let chunk = 0; chunk < maxChunks; chunk++) {
    const oldest = await oldestEventBefore(db, site.id, cutoff)
    if (oldest === null) {
      report.done = true
      return report
    }
    const dayStart = Math.floor(oldest / DAY_MS) * DAY_MS
    const rows = await db.all<ArchivedEvent>(sql`
      SELECT ${ARCHIVED_COLUMNS} FROM events
      WHERE site_id = ${site.id} AND type IN ${EVENT_TYPES}
        AND at >= ${dayStart} AND at < ${Math.min(dayStart + DAY_MS, cutoff)}
      LIMIT ${chunkRows}`)
    rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const key = await objectKey(site.id, dayStart, rows)
    const body = await gzip(rows.map((row) => JSON.stringify(row)).join('\n') + '\n')
    try {
      const stored = await bucket.put(key, body, {
        httpMetadata: { contentType: 'application/gzip' },
        customMetadata: { rows: String(rows.length) },
      })
      if (stored?.size !== body.byteLength) throw new Error(`R2 stored ${stored?.size} bytes`)
    } catch (err) {
      report.error = `archive put of ${key} failed: ${String(err)}`
      return report
    }
    await batch(db, [
      foldIntoHistory(site.id, rows),
      ...deleteArchived(
        site.id,
        rows.map((row) => row.id),
      ),
    ])
    report.archived += rows.length
    report.objects.push(key)
  }
  report.done = (await oldestEventBefore(db, site.id, cutoff)) === null
  return report
}

/**
 * The time of the site's oldest event before `cutoff`, or null: one look-up per event type on the
 * (site, type, at) index, where a plain min(at) over the site would read all its events. D1 caps
 * compound SELECTs, so the per-type answers meet in one scalar min() instead of a UNION.
 */
async function oldestEventBefore(db: Database, siteId: string, cutoff: number) {
  const perType = EVENT_TYPES.map(
    (type) =>
      sql`coalesce((SELECT min(at) FROM events WHERE site_id = ${siteId} AND type = ${type}
        AND at < ${cutoff}), ${NO_TIME})`,
  )
  const row = await db.get<{ oldest: number | null }>(
    sql`SELECT nullif(min(${sql.join(perType, sql`, `)}, ${NO_TIME}), ${NO_TIME}) AS oldest`,
  )
  return row?.oldest ?? null
}

/** The deletions of the archived rows, DELETE_BATCH_ROWS ids per statement. */
function deleteArchived(siteId: string, ids: string[]) {
  const statements = []
  for (let i = 0; i < ids.length; i += DELETE_BATCH_ROWS) {
    const part = JSON.stringify(ids.slice(i, i + DELETE_BATCH_ROWS))
    statements.push(sql`DELETE FROM events WHERE site_id = ${siteId}
      AND id IN (SELECT value FROM json_each(${part}))`)
  }
  return statements
}

async function objectKey(siteId: string, dayStart: number, rows: ArchivedEvent[]) {
  const day = new Date(dayStart).toISOString().slice(0, 10)
  const digest = await sha256Hex(rows.map((row) => row.id).join('\n'))
  return `${archivePrefix(siteId)}${day}/${digest.slice(0, 32)}.ndjson.gz`
}

/** Where a site's archived events are in the bucket. */
export function archivePrefix(siteId: string): string {
  return `events/${siteId}/`
}

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
