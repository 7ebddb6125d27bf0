/**
 * The cron trigger's job: retrain every site that received events since its model was trained.
 * Sites train one after another, so one large site cannot starve the rest of the invocation's
 * memory; a site beyond the in-Worker limits should train with `npm run train` instead (README).
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { trainSite } from './train-site.ts'

export async function trainChangedSites(
  db: Database,
  maxInteractions: number,
): Promise<{ siteId: string; outcome: string }[]> {
  const sites = await db.all<{ id: string }>(sql`
    SELECT s.id FROM sites s
    LEFT JOIN rec_status st ON st.site_id = s.id
    LEFT JOIN rec_models m ON m.site_id = s.id AND m.version = st.active_version
    WHERE EXISTS (SELECT 1 FROM events e WHERE e.site_id = s.id
      AND e.received_at > coalesce(m.trained_at, 0))`)
  const report: { siteId: string; outcome: string }[] = []
  for (const { id } of sites) {
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
