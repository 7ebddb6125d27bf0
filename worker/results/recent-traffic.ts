/**
 * An experiment's recent traffic: new visitors exposed per day in its current phase over the last
 * 7 days (or since the phase started, when that is more recent), counted from the
 * `assignments_exposed` index. New visitors, not page views, because they are what a sample size
 * counts; and this experiment's, because its URL targeting and coverage decide who enters it.
 */
import { sql } from 'drizzle-orm'
import type { Duration } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import { DAY_MS, HOUR_MS } from '../../shared/durations.ts'

export const TRAFFIC_WINDOW_DAYS = 7
/** A phase younger than this is averaged over this long, so its first visitor is not a rate. */
const MIN_WINDOW_MS = HOUR_MS

export type RecentTraffic = { visitorsPerDay: number | null; windowDays: number }

export async function recentTraffic(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number; phaseStartedAt: number },
  now: number,
): Promise<RecentTraffic> {
  const since = Math.max(now - TRAFFIC_WINDOW_DAYS * DAY_MS, where.phaseStartedAt)
  const windowMs = Math.max(MIN_WINDOW_MS, now - since)
  const row = await db.get<{ visitors: number }>(sql`
    SELECT count(*) AS visitors FROM assignments
    WHERE site_id = ${where.siteId} AND experiment_key = ${where.experimentKey}
      AND phase = ${where.phase} AND exposed_at >= ${since}`)
  const visitors = row?.visitors ?? 0
  const windowDays = windowMs / DAY_MS
  return { visitorsPerDay: visitors > 0 ? visitors / windowDays : null, windowDays }
}

/**
 * How many days `visitorsNeeded` (all variations together) take at the recent rate; null
 * without a plan. Whole days, rounded up: a plan is met on a day, not part-way through one.
 *
 * @example durationAt({ visitorsPerDay: 500, windowDays: 7 }, 3200) // { ..., days: 7 }
 */
export function durationAt(traffic: RecentTraffic, visitorsNeeded: number | null): Duration {
  const { visitorsPerDay, windowDays } = traffic
  if (visitorsPerDay === null) {
    return { visitorsPerDay: null, windowDays, days: null, reason: 'no_recent_traffic' }
  }
  const days = visitorsNeeded === null ? null : Math.ceil(visitorsNeeded / visitorsPerDay)
  return { visitorsPerDay, windowDays, days }
}
