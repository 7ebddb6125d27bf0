/**
 * The cron's bandit updates: every running bandit whose current allocation period is at least
 * its `updateHours` old is reweighed. One failing experiment (a concurrent change, D1 trouble) is
 * reported and does not stop the others.
 */
import { and, desc, eq, max } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { banditPeriods, experiments } from '../db/schema.ts'
import { updateBandit } from './bandit-update.ts'
import { experimentFromRow } from './experiment.ts'
import { HOUR_MS } from '../../shared/durations.ts'

export type BanditScheduleReport = { checked: number; updated: number; failed: number }

export async function updateDueBandits(db: Database, now: number): Promise<BanditScheduleReport> {
  const rows = await db
    .select({ experiment: experiments, lastStart: max(banditPeriods.startedAt) })
    .from(experiments)
    .leftJoin(
      banditPeriods,
      and(
        eq(banditPeriods.siteId, experiments.siteId),
        eq(banditPeriods.experimentKey, experiments.key),
        eq(banditPeriods.phase, experiments.phase),
      ),
    )
    .where(and(eq(experiments.status, 'running'), eq(experiments.type, 'bandit')))
    .groupBy(experiments.siteId, experiments.key)
    .orderBy(desc(experiments.updatedAt))
    .all()
  const report: BanditScheduleReport = { checked: rows.length, updated: 0, failed: 0 }
  for (const row of rows) {
    const exp = experimentFromRow(row.experiment)
    const hours = exp.bandit?.updateHours ?? 1
    if (row.lastStart !== null && now - row.lastStart < hours * HOUR_MS) continue
    try {
      const outcome = await updateBandit(db, row.experiment.siteId, exp, now)
      if (outcome.updated) report.updated++
    } catch (err) {
      report.failed++
      console.warn(`bandit ${row.experiment.siteId}/${exp.key} not updated`, err)
    }
  }
  return report
}
