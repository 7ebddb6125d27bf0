/**
 * The cron's archive pass: every site of a database, one after another, each within the chunk
 * budget of event-archive.ts. A site whose put failed, or that has more to archive than one run
 * takes, resumes from its oldest remaining event in the next run.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { archiveSiteEvents, type ArchiveOptions, type ArchiveReport } from './event-archive.ts'

export async function archiveExpiredEvents(
  db: Database,
  bucket: R2Bucket,
  now: number,
  options: ArchiveOptions = {},
): Promise<ArchiveReport[]> {
  const sites = await db.all<{ id: string; eventRetentionDays: number }>(sql`
    SELECT id, event_retention_days AS eventRetentionDays FROM sites ORDER BY id`)
  const reports: ArchiveReport[] = []
  for (const site of sites) {
    const report = await archiveSiteEvents(db, bucket, site, now, options)
    if (report.archived > 0 || report.error) reports.push(report)
  }
  return reports
}
