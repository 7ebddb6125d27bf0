/**
 * The audit log's rows: written before a change as unconfirmed, confirmed once the change
 * succeeded, deleted when it failed. Read newest first in pages keyed by the row's sequence.
 */
import { and, desc, eq, lt } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { auditLog } from '../db/schema.ts'
import type { AuditAction, AuditEntry, AuditPage } from '../../shared/admin-types.ts'
import type { AdminCaller } from './admin-keys.ts'

/** Records a change about to be made; answers the row's id to confirm or drop it after. */
export async function beginEntry(
  db: Database,
  siteId: string,
  caller: AdminCaller,
  action: AuditAction,
  now: number,
): Promise<number> {
  const [row] = await db
    .insert(auditLog)
    .values({ siteId, at: now, keyId: caller.keyId, keyName: caller.name, ...action })
    .returning({ seq: auditLog.seq })
  if (!row) throw new Error('audit_log insert returned no row')
  return row.seq
}

/** Marks a change as done, with what it did in a few words. */
export async function confirmEntry(
  db: Database,
  siteId: string,
  id: number,
  summary: string | null,
): Promise<void> {
  await db
    .update(auditLog)
    .set({ confirmed: 1, summary })
    .where(and(eq(auditLog.siteId, siteId), eq(auditLog.seq, id)))
}

/** Removes the entry of a change that was refused or failed: nothing changed. */
export async function dropEntry(db: Database, siteId: string, id: number): Promise<void> {
  await db.delete(auditLog).where(and(eq(auditLog.siteId, siteId), eq(auditLog.seq, id)))
}

/** One page of a site's entries, newest first, older than `before` when given. */
export async function listEntries(
  db: Database,
  siteId: string,
  options: { before?: number; limit: number },
): Promise<AuditPage> {
  const { before, limit } = options
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.siteId, siteId), before === undefined ? undefined : lt(auditLog.seq, before)),
    )
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    entries: page.map(({ seq, siteId: _, confirmed, ...row }) => ({
      id: seq,
      ...row,
      confirmed: confirmed === 1,
    })),
    nextCursor: rows.length > limit && last ? String(last.seq) : null,
  }
}
