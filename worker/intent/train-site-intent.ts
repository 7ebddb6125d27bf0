/**
 * Training one site's intent model on its own ended sessions, the same code from the nightly
 * cron and `npm run train:intent -- --site pk_...` (Node, on the local D1). A site with fewer than
 * MIN_SITE_PURCHASES purchases in its sessions keeps the starter model: a few dozen buyers teach
 * the trees less than the public data set already knows.
 */
import type { Database } from '../db/database.ts'
import { recordTrainingOutcome, saveIntentModel } from './intent-store.ts'
import { trainIntentModel } from './train-intent.ts'
import type { LabelledSessions } from './session-source.ts'
import { SESSION_GAP_MS } from './sessions.ts'
import { DAY_MS } from '../../shared/durations.ts'

/** Purchases a site's sessions need before a model of its own replaces the starter. */
export const MIN_SITE_PURCHASES = 50
/** How far back training reads sessions: long enough for a year's gift days to matter. */
export const TRAINING_WINDOW_MS = 365 * DAY_MS
/** The most sessions one run trains on (the latest), so a run fits a Worker's memory and CPU. */
export const MAX_TRAINING_SESSIONS = 50_000

export type IntentTrainOutcome =
  | { trained: true; version: string; sessions: number; purchases: number }
  | { trained: false; reason: string; sessions: number; purchases: number }

export type TrainSiteIntentOptions = {
  now: number
  sessions: LabelledSessions
  onTree?: (done: number, total: number) => void
}

export async function trainSiteIntent(
  db: Database,
  siteId: string,
  options: TrainSiteIntentOptions,
): Promise<IntentTrainOutcome> {
  const { now } = options
  try {
    const all = await options.sessions(db, siteId, now - TRAINING_WINDOW_MS, now)
    const ended = all
      .filter((s) => s.end < now - SESSION_GAP_MS)
      .sort((a, b) => a.end - b.end)
      .slice(-MAX_TRAINING_SESSIONS)
    const purchases = ended.filter((s) => s.bought === 1).length
    const counts = { sessions: ended.length, purchases }
    if (purchases < MIN_SITE_PURCHASES || purchases === ended.length) {
      const reason =
        purchases < MIN_SITE_PURCHASES
          ? `The starter model serves: ${purchases} of the ${MIN_SITE_PURCHASES} purchases a site model needs.`
          : 'The starter model serves: every session bought, so there is nothing to tell apart.'
      await recordTrainingOutcome(db, siteId, now, null)
      return { trained: false, reason, ...counts }
    }
    const version = new Date(now).toISOString()
    const model = trainIntentModel(
      ended.map((s) => ({ session: s.session, bought: s.bought })),
      {
        kind: 'site',
        source: 'site sessions',
        trainedAt: version,
        ...(options.onTree ? { onTree: options.onTree } : {}),
      },
    )
    await saveIntentModel(db, siteId, version, model, now)
    return { trained: true, version, ...counts }
  } catch (err) {
    const message = `Intent training failed: ${err instanceof Error ? err.message : String(err)}`
    await recordTrainingOutcome(db, siteId, now, message)
    throw err
  }
}
