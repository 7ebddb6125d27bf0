/**
 * One training run for one site, the same code from the cron trigger, `POST /v1/admin/recs/train`
 * and `npm run train` (Node, on the local D1): read the interactions, train, store, switch.
 * The status row says a run is under way, and keeps the error when one fails.
 */
import { sql } from 'drizzle-orm'
import { verifiedItemIds } from '../../catalog/catalog-store.ts'
import { batch, type Database } from '../../db/database.ts'
import { loadInteractionColumns } from './interaction-store.ts'
import { STALE_TRAINING_MS } from '../status.ts'
import { saveModel } from './model-store.ts'
import { trainModel, type TrainMetrics, type TrainOptions } from './train.ts'
import type { ProgressCallback } from '../types.ts'

export type TrainOutcome =
  | { trained: true; version: string; metrics: TrainMetrics }
  | {
      trained: false
      code: 'too_large_for_worker' | 'not_enough_data' | 'training_in_progress'
      reason: string
    }

/** Minimum signal for a factor model to say anything: below it, trending lists serve. */
const MIN_VISITORS = 2
const MIN_ITEMS = 2

/** What a run started while another holds the site is told. */
export const TRAINING_IN_PROGRESS =
  'A training run is already under way; watch GET /v1/admin/recs/status.'

/**
 * Claims the site's training, unless another run holds a live claim: two runs at once would each
 * delete the other's rows when they switch. A claim older than STALE_TRAINING_MS is a dead run's.
 */
export async function claimTraining(
  db: Database,
  siteId: string,
  now = Date.now(),
): Promise<boolean> {
  const [claim] = await batch(db, [
    sql`INSERT INTO rec_status (site_id, training_started_at, updated_at) VALUES (${siteId}, ${now}, ${now})
      ON CONFLICT (site_id) DO UPDATE SET training_started_at = excluded.training_started_at,
        updated_at = excluded.updated_at
      WHERE rec_status.training_started_at IS NULL
        OR rec_status.training_started_at < ${now - STALE_TRAINING_MS}`,
  ])
  return (claim?.meta.changes ?? 0) > 0
}

export type TrainSiteOptions = TrainOptions & {
  onStore?: (done: number, total: number) => void
  /** Above this many interactions the run refuses, pointing to `npm run train` (Worker memory). */
  maxInteractions?: number
}

/** Claims the site, then trains it; a site another run holds is left alone. */
export async function trainSite(
  db: Database,
  siteId: string,
  options: TrainSiteOptions = {},
): Promise<TrainOutcome> {
  if (!(await claimTraining(db, siteId))) {
    return { trained: false, code: 'training_in_progress', reason: TRAINING_IN_PROGRESS }
  }
  return trainClaimedSite(db, siteId, options)
}

/** Trains a site this run has claimed (claimTraining), and releases the claim when done. */
export async function trainClaimedSite(
  db: Database,
  siteId: string,
  options: TrainSiteOptions = {},
): Promise<TrainOutcome> {
  const now = options.now ?? Date.now()
  try {
    if (options.maxInteractions !== undefined) {
      const [row] = await db.all<{ n: number }>(sql`
        SELECT count(*) AS n FROM events WHERE site_id = ${siteId}
          AND type IN ('view', 'click', 'add_to_cart', 'purchase')`)
      const count = row?.n ?? 0
      if (count > options.maxInteractions) {
        const reason = `Not retrained: too large to train inside the Worker (${count} interaction events; the limit here is ${options.maxInteractions}, RECS_WORKER_MAX_INTERACTIONS, set by what fits a Worker's 128 MB and CPU time): run \`npm run train\` from Node instead.`
        await finish(db, siteId, reason)
        return { trained: false, code: 'too_large_for_worker', reason }
      }
    }
    const interactions = await loadInteractionColumns(db, siteId)
    const visitors = interactions.visitors.length
    const items = interactions.items.length
    if (visitors < MIN_VISITORS || items < MIN_ITEMS) {
      const reason =
        interactions.length === 0
          ? 'No interactions yet: import order history or send view, click, add_to_cart and purchase events first.'
          : `Too little data to train: ${visitors} visitor(s) and ${items} item(s); at least ${MIN_VISITORS} of each are needed.`
      await finish(db, siteId, reason)
      return { trained: false, code: 'not_enough_data', reason }
    }
    const onProgress: ProgressCallback | undefined = options.onProgress
    const verified = await verifiedItemIds(db, siteId)
    const trending = { ...options.trending, verified }
    const model = trainModel(interactions, { ...options, now, onProgress, trending })
    // Training is seconds of synchronous work; yielding once lets a Node host (npm run train)
    // notice D1 proxy connections that closed meanwhile before it writes through them.
    await new Promise((resolve) => setTimeout(resolve, 10))
    await saveModel(db, siteId, model, options.onStore)
    return { trained: true, version: model.version, metrics: model.metrics }
  } catch (err) {
    await finish(db, siteId, `Training failed: ${err instanceof Error ? err.message : String(err)}`)
    throw err
  }
}

/**
 * Keeps why a site was not retrained for the status route and the dashboard, without touching a
 * run that holds the site.
 */
export async function noteNotRetrained(db: Database, siteId: string, reason: string) {
  const now = Date.now()
  await batch(db, [
    sql`INSERT INTO rec_status (site_id, last_error, updated_at) VALUES (${siteId}, ${reason}, ${now})
      ON CONFLICT (site_id) DO UPDATE SET last_error = excluded.last_error,
        updated_at = excluded.updated_at`,
  ])
}

/** Ends a run that stored no model, keeping its reason for the status route. */
async function finish(db: Database, siteId: string, reason: string): Promise<void> {
  await batch(db, [
    sql`UPDATE rec_status SET training_started_at = NULL, last_error = ${reason},
      updated_at = ${Date.now()} WHERE site_id = ${siteId}`,
  ])
}
