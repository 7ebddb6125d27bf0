/**
 * Alerts go out once per change of state. Each watched subject (an experiment phase's sample
 * ratio, a treatment's sequential test, a bandit, training) keeps its last state in
 * `alert_states`; a new observation that changes it into an alerting state writes one delivery
 * row per receiver in the same D1 batch. The state update is conditional (`WHERE state <> new`)
 * and the deliveries are keyed by the change (`subject@changed_at`), so two readers observing the
 * same change at once write it once, and observing an unchanged state writes nothing.
 */
import { sql, type SQL } from 'drizzle-orm'
import { batch, type Database } from '../db/database.ts'
import type { Alert } from './alert.ts'
import type { AlertReceiver } from './alert-settings.ts'

export type Observation = {
  subject: string
  state: string
  /** The alert to send if the state changed to this one; null for states nobody is told of. */
  alert: Alert | null
}

/** Records the observations; answers how many alerts were queued. */
export async function observe(
  db: Database,
  siteId: string,
  receivers: AlertReceiver[],
  observations: Observation[],
  now: number,
): Promise<number> {
  const statements: SQL[] = []
  const queues: number[] = []
  for (const o of observations) {
    statements.push(sql`INSERT INTO alert_states (site_id, subject, state, changed_at)
      VALUES (${siteId}, ${o.subject}, ${o.state}, ${now})
      ON CONFLICT DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at
      WHERE alert_states.state <> excluded.state`)
    if (!o.alert || receivers.length === 0) continue
    queues.push(statements.length)
    statements.push(sql`INSERT INTO alert_deliveries (site_id, alert_id, url, format, alert,
        created_at)
      SELECT ${siteId}, ${`${o.subject}@${now}`}, r.value ->> 'url', r.value ->> 'format',
        ${JSON.stringify(o.alert)}, ${now}
      FROM json_each(${JSON.stringify(receivers)}) r
      WHERE EXISTS (SELECT 1 FROM alert_states s WHERE s.site_id = ${siteId}
        AND s.subject = ${o.subject} AND s.state = ${o.state} AND s.changed_at = ${now})
      ON CONFLICT DO NOTHING`)
  }
  if (statements.length === 0) return 0
  const results = await batch(db, statements)
  return queues.reduce((n, i) => n + ((results[i]?.meta.changes ?? 0) > 0 ? 1 : 0), 0)
}
