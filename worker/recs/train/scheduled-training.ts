/**
 * The cron trigger's job: retrain every site that received events since its model was trained,
 * the stalest model first. Sites train one after another, so one large site cannot starve the
 * rest of the invocation's memory, and within a time budget, so the invocation's CPU limit is not
 * reached; a site beyond the in-Worker limits trains with `npm run train` instead (README).
 * Every site left untrained has the reason in its status, which the dashboard shows.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { noteNotRetrained, trainSite } from './train-site.ts'

/**
 * Wall time after which no further site starts training in this invocation (shared by the site
 * databases, which train one after another). Training is CPU work, within the invocation's CPU
 * limit (wrangler.toml's `limits.cpu_ms`, 5 minutes): a site's run is bounded by the in-Worker
 * interaction limit, and the sites left over train first in the next run, which takes the
 * stalest models first.
 */
export const CRON_TRAINING_BUDGET_MS = 12 * 60_000

export async function trainChangedSites(
  db: Database,
  maxInteractions: number,
  options: { budgetMs?: number; now?: () => number } = {},
): Promise<{ siteId: string; outcome: string }[]> {
  const now = options.now ?? Date.now
  const started = now()
  const budget = options.budgetMs ?? CRON_TRAINING_BUDGET_MS
  const sites = await db.all<{ id: string }>(sql`
    SELECT s.id FROM sites s
    LEFT JOIN rec_status st ON st.site_id = s.id
    LEFT JOIN rec_models m ON m.site_id = s.id AND m.version = st.active_version
    WHERE EXISTS (SELECT 1 FROM events e WHERE e.site_id = s.id
      AND e.received_at > coalesce(m.trained_at, 0))
    ORDER BY coalesce(m.trained_at, 0), s.id`)
  const report: { siteId: string; outcome: string }[] = []
  for (const { id } of sites) {
    if (report.length > 0 && now() - started > budget) {
      const reason = `Not retrained in this run: its time budget (${Math.round(budget / 60_000)} min of the cron's CPU) went to sites with staler models; this one trains first in the next run.`
      await noteNotRetrained(db, id, reason)
      report.push({ siteId: id, outcome: `deferred to the next run: ${reason}` })
      continue
    }
    try {
      const outcome = await trainSite(db, id, { maxInteractions })
      report.push({
        siteId: id,
        outcome: outcome.trained ? `trained ${outcome.version}` : outcome.reason,
      })
    } catch (err) {
      report.push({
        siteId: id,
        outcome: `failed: ${err instanceof Error ? err.message : String(err)}`,
      })
    }
  }
  return report
}
