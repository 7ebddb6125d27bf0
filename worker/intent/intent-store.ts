/**
 * A site's purchase-intent state in D1: the active model (its own, or the starter model until it
 * has one), the online layer learnt since, and the band settings and cuts. Loading never throws
 * on bad stored data: a missing, corrupt or foreign model falls back to the starter model and
 * says why in `problem`, and a stored online layer that does not fit the model is replaced by the
 * model's own. Serving reads it through a short isolate cache; training and learning read it fresh.
 */
import { sql } from 'drizzle-orm'
import { IsolateCache } from '../cache/isolate-cache.ts'
import { batch, type Database } from '../db/database.ts'
import {
  cutsOf,
  DEFAULT_BANDS,
  MIN_RECENT_SCORES,
  quantileOf,
  RECENT_SCORES,
  type BandCuts,
  type BandSettings,
} from './bands.ts'
import {
  parseIntentModel,
  parseOnlineLayer,
  serialiseIntentModel,
  type IntentModel,
} from './model.ts'
import type { OnlineLayer } from './online-layer.ts'
import { compileIntentModel, type IntentScorer } from './score.ts'
import starterJson from './starter-model.json' with { type: 'json' }

export type SiteIntent = {
  kind: 'site' | 'starter'
  /** The active site model's version; null for the starter. */
  version: string | null
  scorer: IntentScorer
  /** When the scoring model was made active (epoch ms; 0 for the starter). */
  activatedAt: number
  layer: OnlineLayer
  /** Ended sessions learnt from (or skipped) since the model became active. */
  onlineUpdates: number
  bands: BandSettings
  cuts: BandCuts
  /** Why the stored site model is not the one scoring, when it is not. */
  problem?: string
  trainedAt: number | null
  lastError: string | null
}

let starter: IntentScorer | undefined

/** The committed starter model, parsed and checked once per isolate. */
export function starterScorer(): IntentScorer {
  if (!starter) {
    const parsed = parseIntentModel(JSON.stringify(starterJson))
    if ('problem' in parsed) throw new Error(`starter intent model: ${parsed.problem}`)
    starter = compileIntentModel(parsed.model)
  }
  return starter
}

type StatusRow = {
  active_version: string | null
  online_layer: string | null
  online_updates: number
  band_medium: number
  band_high: number
  cut_medium: number | null
  cut_high: number | null
  trained_at: number | null
  last_error: string | null
  model: string | null
  activated_at: number | null
}

/** The site's intent state as stored now. */
export async function loadSiteIntent(db: Database, siteId: string): Promise<SiteIntent> {
  const [row] = await db.all<StatusRow>(sql`
    SELECT s.active_version, s.online_layer, s.online_updates, s.band_medium, s.band_high,
      s.cut_medium, s.cut_high, s.trained_at, s.last_error, m.model, m.trained_at AS activated_at
    FROM intent_status s
    LEFT JOIN intent_models m ON m.site_id = s.site_id AND m.version = s.active_version
    WHERE s.site_id = ${siteId}`)
  const bands = row ? { medium: row.band_medium, high: row.band_high } : DEFAULT_BANDS
  let scorer = starterScorer()
  let kind: SiteIntent['kind'] = 'starter'
  let problem: string | undefined
  if (row?.active_version) {
    const parsed = row.model === null ? { problem: 'model missing' } : parseIntentModel(row.model)
    if ('model' in parsed) {
      scorer = compileIntentModel(parsed.model)
      kind = 'site'
    } else {
      problem = `stored model ${row.active_version}: ${parsed.problem}`
      console.warn(`intent: site ${siteId} scores with the starter model (${problem})`)
    }
  }
  // The stored layer and cuts were learnt over the stored model: when the starter stands in for
  // a broken one, they do not apply to it.
  const asStored = (kind === 'site') === Boolean(row?.active_version)
  const storedLayer = asStored ? parseOnlineLayer(row?.online_layer ?? null, scorer.model) : null
  const layer = storedLayer ?? { ...scorer.model.online }
  const storedCuts =
    asStored && row?.cut_medium != null && row.cut_high != null
      ? { medium: row.cut_medium, high: row.cut_high }
      : undefined
  return {
    kind,
    version: kind === 'site' ? (row?.active_version ?? null) : null,
    scorer,
    activatedAt: kind === 'site' ? (row?.activated_at ?? 0) : 0,
    layer,
    onlineUpdates: row?.online_updates ?? 0,
    bands,
    cuts: storedCuts ?? trainingCuts(scorer.model, bands),
    ...(problem ? { problem } : {}),
    trainedAt: row?.trained_at ?? null,
    lastError: row?.last_error ?? null,
  }
}

/**
 * The cuts at `bands` among the model's training scores: where the bands sit until the site has
 * enough recent sessions. A model without them cuts at the quantiles read as probabilities.
 */
export function trainingCuts(model: IntentModel, bands: BandSettings): BandCuts {
  const percentiles = model.scorePercentiles
  if (!percentiles) return { ...bands }
  return {
    medium: quantileOf(percentiles, bands.medium),
    high: quantileOf(percentiles, bands.high),
  }
}

/** Seconds a served site's intent state is reused: online updates arrive per cron run anyway. */
const CACHE_TTL_MS = 30_000
const cache = new IsolateCache<SiteIntent>({ ttlMs: CACHE_TTL_MS, maxEntries: 500 })

/** The site's intent state, from this isolate's cache when fresh. */
export async function cachedSiteIntent(db: Database, siteId: string): Promise<SiteIntent> {
  const hit = cache.get(siteId)
  if (hit) return hit
  const loaded = await loadSiteIntent(db, siteId)
  cache.set(siteId, loaded)
  return loaded
}

/** Drops this isolate's cached state of a site after it changed here. */
export function forgetCachedIntent(siteId: string): void {
  cache.delete(siteId)
}

/**
 * Stores a newly trained site model and makes it active in one transaction: the online layer
 * restarts from the model's own, the cuts from its training scores, and older versions go.
 */
export async function saveIntentModel(
  db: Database,
  siteId: string,
  version: string,
  model: IntentModel,
  now: number,
): Promise<void> {
  const text = serialiseIntentModel(model)
  await batch(db, [
    sql`INSERT INTO intent_models (site_id, version, trained_at, sessions, purchases, model)
      VALUES (${siteId}, ${version}, ${now}, ${model.trainedOn.sessions},
        ${model.trainedOn.purchases}, ${text})`,
    sql`INSERT INTO intent_status (site_id, active_version, online_layer, online_updates,
        cut_medium, cut_high, trained_at, last_error, updated_at)
      VALUES (${siteId}, ${version}, NULL, 0, NULL, NULL, ${now}, NULL, ${now})
      ON CONFLICT (site_id) DO UPDATE SET active_version = excluded.active_version,
        online_layer = NULL, online_updates = 0, cut_medium = NULL, cut_high = NULL,
        trained_at = excluded.trained_at, last_error = NULL, updated_at = excluded.updated_at`,
    sql`DELETE FROM intent_models WHERE site_id = ${siteId} AND version <> ${version}`,
  ])
  forgetCachedIntent(siteId)
}

/** Records a training run that kept the current model (too few purchases, or a failure). */
export async function recordTrainingOutcome(
  db: Database,
  siteId: string,
  now: number,
  error: string | null,
): Promise<void> {
  await batch(db, [
    sql`INSERT INTO intent_status (site_id, trained_at, last_error, updated_at)
      VALUES (${siteId}, ${now}, ${error}, ${now})
      ON CONFLICT (site_id) DO UPDATE SET trained_at = excluded.trained_at,
        last_error = excluded.last_error, updated_at = excluded.updated_at`,
  ])
}

/**
 * Sets the site's band quantiles; the cuts follow from its recent scores at once, in the same
 * batch, so serving never pairs the new settings with the old cuts.
 */
export async function saveBandSettings(
  db: Database,
  siteId: string,
  bands: BandSettings,
  now: number,
): Promise<void> {
  const state = await loadSiteIntent(db, siteId)
  const cuts = await recentCuts(db, { ...state, bands }, siteId)
  await batch(db, [
    sql`INSERT INTO intent_status (site_id, band_medium, band_high, updated_at)
      VALUES (${siteId}, ${bands.medium}, ${bands.high}, ${now})
      ON CONFLICT (site_id) DO UPDATE SET band_medium = excluded.band_medium,
        band_high = excluded.band_high, updated_at = excluded.updated_at`,
    cutsUpdate(siteId, cuts),
  ])
  forgetCachedIntent(siteId)
}

/**
 * Recomputes the cuts from the scores of the site's last RECENT_SCORES ended sessions scored by
 * the active model (null, so the training scores serve, while there are too few).
 */
export async function refreshCuts(
  db: Database,
  state: SiteIntent,
  siteId: string,
): Promise<BandCuts | null> {
  const cuts = await recentCuts(db, state, siteId)
  await batch(db, [cutsUpdate(siteId, cuts)])
  return cuts
}

/** The cuts of `state.bands` over the recent scores; null while there are too few. */
async function recentCuts(
  db: Database,
  state: SiteIntent,
  siteId: string,
): Promise<BandCuts | null> {
  const rows = await db.all<{ score: number }>(sql`
    SELECT score FROM intent_outcomes
    WHERE site_id = ${siteId} AND model = ${state.kind} AND session_end >= ${state.activatedAt}
    ORDER BY session_end DESC LIMIT ${RECENT_SCORES}`)
  const scores = rows.map((r) => r.score)
  return scores.length >= MIN_RECENT_SCORES ? cutsOf(scores, state.bands) : null
}

function cutsUpdate(siteId: string, cuts: BandCuts | null) {
  return sql`UPDATE intent_status SET cut_medium = ${cuts?.medium ?? null},
    cut_high = ${cuts?.high ?? null} WHERE site_id = ${siteId}`
}

/** How a failed online-learning run's error starts in `last_error`, told from training's. */
export const LEARN_FAILED = 'Online learning failed: '

/**
 * Records how the site's last online-learning run went: its error (cut to 200 characters), or
 * on success the clearing of a learning error. A training error is never overwritten or
 * cleared here: it stays until training succeeds.
 */
export async function recordLearningOutcome(
  db: Database,
  siteId: string,
  now: number,
  error: string | null,
): Promise<void> {
  await batch(db, [
    error === null
      ? sql`UPDATE intent_status SET last_error = NULL
          WHERE site_id = ${siteId} AND last_error LIKE ${`${LEARN_FAILED}%`}`
      : sql`INSERT INTO intent_status (site_id, last_error, updated_at)
          VALUES (${siteId}, ${LEARN_FAILED + error.slice(0, 200)}, ${now})
          ON CONFLICT (site_id) DO UPDATE SET last_error = excluded.last_error,
            updated_at = excluded.updated_at
          WHERE intent_status.last_error IS NULL
            OR intent_status.last_error LIKE ${`${LEARN_FAILED}%`}`,
  ])
}

/** What the admin is told went wrong: the last run's error, else a stored model refused whole. */
export function intentProblem(state: SiteIntent): string | null {
  return state.lastError ?? state.problem ?? null
}
