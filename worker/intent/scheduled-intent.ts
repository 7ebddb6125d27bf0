/**
 * The scheduled handler's intent work. Every run learns from the sessions that ended since the
 * last (learn-ended-sessions.ts); the nightly run also refreshes the page statistics of, and
 * retrains, every site that received events since it last trained, the stalest first. Sites go one after another within a time budget, so
 * one run's CPU stays bounded; what is left over comes first in the next run.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import {
  LEARN_LOOKBACK_MS,
  learnEndedSessions,
  type LearnOptions,
  type LearnOutcome,
} from './learn-ended-sessions.ts'
import type { OnlineOptions } from './online-layer.ts'
import type { LabelledSessions } from './session-source.ts'
import { errorCauses } from '../error-causes.ts'
import { recordLearningOutcome } from './intent-store.ts'
import { refreshPageStats } from './page-stats.ts'
import {
  trainSiteIntent,
  type IntentTrainOutcome,
  type TrainSiteIntentOptions,
} from './train-site-intent.ts'

/** Wall time after which no further site starts in this run (see CRON_TRAINING_BUDGET_MS). */
export const INTENT_CRON_BUDGET_MS = 20_000

export type IntentCronOptions = {
  now?: () => number
  sgd: OnlineOptions
  sessions: LabelledSessions
  /** Whether this run also retrains (the nightly one). */
  train: boolean
  budgetMs?: number
}

export type IntentCronReport = { siteId: string; task: 'learn' | 'train'; outcome: string }[]

export async function runIntentCron(
  db: Database,
  options: IntentCronOptions,
): Promise<IntentCronReport> {
  const now = options.now ?? Date.now
  const started = now()
  const budget = options.budgetMs ?? INTENT_CRON_BUDGET_MS
  const report: IntentCronReport = []
  const overBudget = () => report.length > 0 && now() - started > budget
  const work = async (siteId: string, task: 'learn' | 'train', run: () => Promise<string>) => {
    if (overBudget()) {
      report.push({ siteId, task, outcome: 'deferred to the next run (time budget spent)' })
      return
    }
    try {
      report.push({ siteId, task, outcome: await run() })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      report.push({ siteId, task, outcome: `failed: ${message}` })
    }
  }

  const active = await db.all<{ id: string }>(sql`
    SELECT s.id FROM sites s WHERE EXISTS (SELECT 1 FROM events e WHERE e.site_id = s.id
      AND e.received_at > ${started - LEARN_LOOKBACK_MS}) ORDER BY s.id`)
  for (const { id } of active) {
    await work(id, 'learn', async () => {
      const o = await learnIntentForSite(db, id, {
        now: now(),
        sgd: options.sgd,
        sessions: options.sessions,
      })
      return (
        o.reason ??
        `learnt from ${o.learnt} session(s), ${o.skipped} step(s) skipped, ${o.remaining} left`
      )
    })
  }
  if (!options.train) return report
  const stale = await db.all<{ id: string }>(sql`
    SELECT s.id FROM sites s LEFT JOIN intent_status st ON st.site_id = s.id
    WHERE EXISTS (SELECT 1 FROM events e WHERE e.site_id = s.id
      AND e.received_at > coalesce(st.trained_at, 0))
    ORDER BY coalesce(st.trained_at, 0), s.id`)
  for (const { id } of stale) {
    await work(id, 'train', async () => {
      const o = await trainIntentForSite(db, id, { now: now(), sessions: options.sessions })
      const pageNote = `page statistics of ${o.pages} page(s)`
      return o.trained
        ? `${pageNote}; trained ${o.version} on ${o.sessions} session(s)`
        : `${pageNote}; ${o.reason}`
    })
  }
  return report
}

/**
 * One site's online learning, as the 15-minute cron runs it and `POST /v1/admin/intent/learn`:
 * the outcome, or the failure's innermost cause, recorded for the admin (status and Behaviour
 * page), not drizzle's wrapper with its SQL and parameters.
 */
export async function learnIntentForSite(
  db: Database,
  siteId: string,
  options: LearnOptions,
): Promise<LearnOutcome> {
  try {
    const outcome = await learnEndedSessions(db, siteId, options)
    await recordLearningOutcome(db, siteId, options.now, null)
    return outcome
  } catch (err) {
    const innermost = errorCauses(err).at(-1)?.message ?? String(err)
    await recordLearningOutcome(db, siteId, options.now, innermost).catch(() => {})
    throw err
  }
}

/**
 * One site's training, as the nightly cron, `POST /v1/admin/intent/train` and `npm run
 * train:intent -- --site` run it: the pages' bounce, exit and value statistics first (training
 * and serving read them), then the model.
 */
export async function trainIntentForSite(
  db: Database,
  siteId: string,
  options: TrainSiteIntentOptions,
): Promise<IntentTrainOutcome & { pages: number }> {
  const { pages } = await refreshPageStats(db, siteId, options.now)
  return { ...(await trainSiteIntent(db, siteId, options)), pages }
}
