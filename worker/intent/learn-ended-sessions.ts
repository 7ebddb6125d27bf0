/**
 * Learning from sessions as they end: the scheduled handler takes each site's sessions whose last
 * event is over 30 minutes old and that it has not learnt from, oldest first and a bounded number
 * a run, scores each with the current model and online layer, writes that score with the outcome
 * to intent_outcomes (progressive validation: every score is made before its label is seen), and
 * takes one SGD step of the online layer on it. The outcomes and the new layer are written in one
 * transaction that checks no other run learnt meanwhile, so no session is learnt from twice.
 */
import { sql } from 'drizzle-orm'
import { batch, type Database } from '../db/database.ts'
import { jsonChunks } from '../db/json-chunks.ts'
import { bandOf } from './bands.ts'
import { featureVector } from './features.ts'
import { forgetCachedIntent, loadSiteIntent, refreshCuts } from './intent-store.ts'
import { updateOnlineLayer, type OnlineOptions } from './online-layer.ts'
import { scoreIntent } from './score.ts'
import type { LabelledSessions } from './session-source.ts'
import { SESSION_GAP_MS } from './sessions.ts'
import { DAY_MS } from '../../shared/durations.ts'

/** How far back a run looks for ended sessions not yet learnt from. */
export const LEARN_LOOKBACK_MS = 2 * DAY_MS
/** Sessions one site learns from in one run; the rest wait for the next run, oldest first. */
export const MAX_SESSIONS_PER_RUN = 500

export type LearnOutcome = {
  /** Sessions scored and logged. */
  learnt: number
  /** Of those, steps skipped as non-finite. */
  skipped: number
  /** Ended sessions left for the next run. */
  remaining: number
  /** Why nothing was learnt, when nothing was. */
  reason?: string
}

export type LearnOptions = {
  now: number
  sgd: OnlineOptions
  sessions: LabelledSessions
  limit?: number
}

export async function learnEndedSessions(
  db: Database,
  siteId: string,
  options: LearnOptions,
): Promise<LearnOutcome> {
  const { now, sgd } = options
  const limit = options.limit ?? MAX_SESSIONS_PER_RUN
  const state = await loadSiteIntent(db, siteId)
  if (state.problem) return { learnt: 0, skipped: 0, remaining: 0, reason: state.problem }
  const from = now - LEARN_LOOKBACK_MS
  const endedBy = now - SESSION_GAP_MS
  const [sessions, done] = await Promise.all([
    options.sessions(db, siteId, from, now),
    db.all<{ visitor_id: string; session_start: number }>(sql`
      SELECT visitor_id, session_start FROM intent_outcomes
      WHERE site_id = ${siteId} AND session_end >= ${from}`),
  ])
  const seen = new Set(done.map((d) => `${d.session_start}\n${d.visitor_id}`))
  const ended = sessions
    .filter((s) => s.end < endedBy && !seen.has(`${s.start}\n${s.visitorId}`))
    .sort((a, b) => a.end - b.end || a.start - b.start)
  const todo = ended.slice(0, limit)
  if (todo.length === 0) return { learnt: 0, skipped: 0, remaining: 0 }

  let layer = state.layer
  let skipped = 0
  const rows: [string, number, number, number, string, number][] = []
  for (const s of todo) {
    const x = featureVector(s.session)
    const { probability, ensembleLogit } = scoreIntent(state.scorer, x, layer)
    rows.push([s.visitorId, s.start, s.end, probability, bandOf(probability, state.cuts), s.bought])
    const step = updateOnlineLayer(layer, ensembleLogit, x, s.bought, sgd)
    if (step.updated) layer = step.layer
    else skipped++
  }

  const before = state.onlineUpdates
  const unchanged = sql`EXISTS (SELECT 1 FROM intent_status WHERE site_id = ${siteId}
    AND online_updates = ${before} AND active_version IS ${state.version})`
  const results = await batch(db, [
    sql`INSERT INTO intent_status (site_id, updated_at) VALUES (${siteId}, ${now})
      ON CONFLICT (site_id) DO NOTHING`,
    // The outcomes first, each under the same check as the layer's update after them: in one
    // transaction both see the same row, so they are written together or not at all.
    ...jsonChunks(rows).map(
      (part) => sql`INSERT OR IGNORE INTO intent_outcomes
        (site_id, visitor_id, session_start, session_end, score, band, model, bought)
      SELECT ${siteId}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4,
        ${state.kind}, j.value ->> 5
      FROM json_each(${part}) j WHERE ${unchanged}`,
    ),
    sql`UPDATE intent_status SET online_layer = ${JSON.stringify(layer)},
      online_updates = ${before + todo.length}, updated_at = ${now}
      WHERE site_id = ${siteId} AND online_updates = ${before}
        AND active_version IS ${state.version}`,
  ])
  const updated = results[results.length - 1]?.meta.changes ?? 0
  if (updated === 0) {
    return {
      learnt: 0,
      skipped: 0,
      remaining: ended.length,
      reason: 'another run learnt or a new model arrived meanwhile',
    }
  }
  await refreshCuts(db, state, siteId)
  forgetCachedIntent(siteId)
  return { learnt: todo.length, skipped, remaining: ended.length - todo.length }
}
