/**
 * Posting queued alerts. A sender claims undelivered rows first (so two crons or results reads
 * never post the same alert at once), posts each with a timeout and without following redirects,
 * and marks it delivered on a 2xx. A failure leaves it undelivered and unclaimed for the next cron
 * or results read, up to MAX_ATTEMPTS; a delivered row is never sent again, so a retry after a
 * failed delivery reaches only the receivers that did not get it.
 */
import { sql } from 'drizzle-orm'
import { batch, type Database } from '../db/database.ts'
import { alertBody, type Alert, type AlertFormat } from './alert.ts'
import { alertUrlProblem } from './alert-url.ts'

export const MAX_ATTEMPTS = 5
/** A receiver that has not answered in this long has failed this attempt. */
export const ALERT_TIMEOUT_MS = 5000
/** A claim older than this belongs to a sender that died: the row may be claimed again. */
const CLAIM_MS = 60_000
/** Rows one call sends at most. */
const BATCH_ROWS = 20

type Row = { alert_id: string; url: string; format: AlertFormat; alert: string }

export type DeliveryReport = { delivered: number; failed: number }

/** Sends the site's undelivered alerts. */
export async function deliverAlerts(
  db: Database,
  siteId: string,
  options: { now: number; allowLoopback: boolean; timeoutMs?: number },
): Promise<DeliveryReport> {
  const { now } = options
  const [claimed] = await batch(db, [
    sql`UPDATE alert_deliveries SET claimed_at = ${now}, attempts = attempts + 1
      WHERE rowid IN (SELECT rowid FROM alert_deliveries
        WHERE site_id = ${siteId} AND delivered_at IS NULL AND attempts < ${MAX_ATTEMPTS}
          AND (claimed_at IS NULL OR claimed_at < ${now - CLAIM_MS})
        ORDER BY created_at LIMIT ${BATCH_ROWS})
      RETURNING alert_id, url, format, alert`,
  ])
  const rows = (claimed?.results ?? []) as Row[]
  const outcomes = await Promise.all(
    rows.map(async (row) => ({ row, error: await post(row, options) })),
  )
  const statements = outcomes.map(({ row, error }) =>
    error === null
      ? sql`UPDATE alert_deliveries SET delivered_at = ${now}, claimed_at = NULL, last_error = NULL
          WHERE site_id = ${siteId} AND alert_id = ${row.alert_id} AND url = ${row.url}`
      : sql`UPDATE alert_deliveries SET claimed_at = NULL, last_error = ${error.slice(0, 200)}
          WHERE site_id = ${siteId} AND alert_id = ${row.alert_id} AND url = ${row.url}`,
  )
  if (statements.length > 0) await batch(db, statements)
  const failed = outcomes.filter((o) => o.error !== null).length
  return { delivered: outcomes.length - failed, failed }
}

/** Posts one alert; null when the receiver took it, else why not. */
async function post(
  row: Row,
  options: { allowLoopback: boolean; timeoutMs?: number },
): Promise<string | null> {
  const problem = alertUrlProblem(row.url, options.allowLoopback)
  if (problem) return `url ${problem}`
  try {
    const res = await fetch(row.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'edgelift-alerts' },
      body: alertBody(JSON.parse(row.alert) as Alert, row.format),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? ALERT_TIMEOUT_MS),
    })
    await res.body?.cancel()
    return res.ok ? null : `answered ${res.status}`
  } catch (err) {
    return err instanceof Error && err.name === 'TimeoutError'
      ? 'timed out'
      : `unreachable: ${err instanceof Error ? err.message : String(err)}`
  }
}
