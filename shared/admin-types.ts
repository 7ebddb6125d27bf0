/**
 * Wire shapes of the admin API beyond the experiment definitions of api-types.ts: what the
 * Worker answers for an experiment's detail, results, timeseries and sample size, the site, its
 * health, recommendations, team keys and audit log. The Worker's modules return these types and
 * the dashboard reads them, so the two cannot drift apart. Types only.
 */
import type {
  Duration,
  Experiment,
  Phase,
  ResultsAdditions,
  SlotPerformance,
  TimeseriesDay,
} from './api-types.ts'
import type { ExperimentResults } from './results-types.ts'
import type { ResultsBreakdown } from './audience.ts'

/** `GET /v1/admin/experiments/{key}` and the answers of create, change and lifecycle calls. */
export type ExperimentDetail = Experiment & { phases: Phase[]; newPhase?: boolean }

/** `GET /v1/admin/experiments/{key}/results`, with `breakdown` when one is asked for. */
export type ResultsResponse = ExperimentResults &
  ResultsAdditions & { breakdown?: ResultsBreakdown }

/** `GET /v1/admin/experiments/{key}/timeseries`. */
export type TimeseriesResponse = {
  experiment: string
  phase: number
  days: TimeseriesDay[]
}

/** `GET /v1/admin/sample-size`. */
export type SampleSizeResponse = {
  baselineRate: number
  minimumDetectableEffect: number
  alpha: number
  power: number
  variations: number
  visitorsPerVariation: number
  totalVisitors: number
  /** With `?experiment=KEY`: that experiment, and the days its recent traffic needs. */
  experiment?: string
  duration?: Duration
}

/** `GET|PATCH /v1/admin/site`. */
export type SiteInfo = {
  siteId: string
  name: string
  publicKey: string
  allowedOrigins: string[]
  /** Where product images may come from besides the allowed origins (an image CDN). */
  imageOrigins: string[]
  /**
   * The proxied hostnames' origins (the Worker's sites/site-origins.ts): always allowed, being
   * the site's own pages.
   */
  ownOrigins: string[]
  currency: string
  /** Days of raw events D1 keeps before the nightly archive moves them to R2. */
  eventRetentionDays: number
  /** Gift days (`MM-DD`) for the purchase-intent feature SpecialDay; null: the default calendar. */
  specialDays: string[] | null
}

/** `POST /v1/admin/site/rotate-key`. */
export type RotatedKey = { adminKey: string; message: string }

/** What a site refuses from browsers and counts, so its health can name it. */
export type RefusalCode = 'origin_not_allowed' | 'currency_mismatch' | 'invalid_event'

/** One reason's tally of refused browser requests (the latest detail only). */
export type Refusal = {
  code: RefusalCode
  count: number
  lastAt: number
  lastDetail: string | null
}

/** One of `GET /v1/admin/health`'s warnings. */
export type HealthWarning = {
  code: 'no_exposures' | 'no_purchases' | 'alerts_failing' | RefusalCode
  message: string
}

/** A started experiment's part of `GET /v1/admin/health`. */
export type ExperimentHealth = {
  key: string
  status: string
  /** When the current phase started. */
  startedAt: number
  lastExposureAt: number | null
  /** The last purchase by a visitor exposed in the current phase. */
  lastPurchaseAt: number | null
  warnings: HealthWarning[]
}

/** `GET /v1/admin/health`: when data last arrived, for the site and each started experiment. */
export type SiteHealth = {
  now: number
  lastExposureAt: number | null
  lastPurchaseAt: number | null
  refusals: Refusal[]
  warnings: HealthWarning[]
  experiments: ExperimentHealth[]
}

/** `GET /v1/admin/recs/status`: the active model, and whether a run is under way. */
export type RecsStatus = {
  modelVersion: string | null
  trainedAt: number | null
  training: boolean
  trainingStartedAt: number | null
  items: number
  visitors: number
  /** The training run's figures (train/train.ts `TrainMetrics`), by name. */
  metrics: Record<string, number> | null
  /** Why the last run failed, if it did. */
  lastError: string | null
}

/** `GET /v1/admin/recs/performance`. */
export type RecsPerformance = {
  /** Add-to-carts and revenue count for a list clicked this many minutes before them. */
  windowMinutes: number
  /** The period the figures cover. */
  periodDays: number
  catalog: { items: number; inStock: number }
  coverage: number | null
  slots: SlotPerformance[]
}

/** A key of `GET /v1/admin/keys`: the site's own key (`site: true`, never revocable) or a named one. */
export type TeamKey = {
  id: string
  name: string
  role: 'viewer' | 'editor'
  site?: boolean
}

/** `GET /v1/admin/keys`; `you` is the id of the key this session uses. */
export type TeamKeys = { you: string; maxKeys: number; keys: TeamKey[] }

/** `POST /v1/admin/keys`: the new key, with its secret shown once. */
export type CreatedKey = TeamKey & {
  /** The id of the key that created it. */
  createdBy: string
  createdAt: number
  adminKey: string
  message: string
}

/** What a change to the site was: the request that made it. */
export type AuditAction = { method: string; route: string; target: string | null }

/** One change of `GET /v1/admin/audit`. */
export type AuditEntry = AuditAction & {
  id: number
  at: number
  keyId: string
  keyName: string
  summary: string | null
  /** False when the change was started but its success was never recorded. */
  confirmed: boolean
}

/** `GET /v1/admin/audit`, one page. */
export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null }
