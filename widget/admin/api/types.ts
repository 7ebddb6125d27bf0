/**
 * The admin API's wire shapes as the dashboard reads them. The results object is the statistics
 * module's own type (a type-only import: nothing of the Worker enters the browser bundle); the rest
 * mirrors the admin routes, which answer plain JSON.
 */
import type {
  Duration,
  Experiment,
  Goal,
  MetricDefinition,
  Phase,
  ResultsAdditions,
  SlotPerformance,
  TimeseriesDay,
  Variation,
} from '../../../shared/api-types.ts'
import type { ExperimentResults } from '../../../worker/stats/types.ts'

export type {
  ConversionComparison,
  ExperimentResults,
  IndependenceResult,
  Interval,
  PowerResult,
  SrmResult,
  VariationResult,
} from '../../../worker/stats/types.ts'

export {
  EXPERIMENT_STATUSES,
  GOAL_EVENTS,
  MAX_METRICS,
  METRIC_EVENTS,
  METRIC_KINDS,
  type ErrorEnvelope,
  type Experiment,
  type ExperimentStatus,
  type Duration,
  type Goal,
  type GoalEvent,
  type MetricDefinition,
  type MetricEvent,
  type MetricKind,
  type MetricResult,
  type MetricVariationResult,
  type Phase,
  type Variation,
} from '../../../shared/api-types.ts'

/** `GET /v1/admin/experiments/{key}` and the answers of create, change and lifecycle calls. */
export type ExperimentDetail = Experiment & { phases: Phase[]; newPhase?: boolean }

/** What the form sends to `POST /v1/admin/experiments` (and, without `key`, to PATCH). */
export type ExperimentInput = {
  key: string
  name: string
  variations: Variation[]
  coverage: number
  goal: Goal
  url: string | null
  redirect: boolean
  winsorize: number | null
  metrics: MetricDefinition[]
}

/** `GET /v1/admin/experiments/{key}/results`. */
export type ResultsResponse = ExperimentResults & ResultsAdditions

export type { DayPoint } from '../../../shared/api-types.ts'

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
  /** Where view-learned product images may come from besides the allowed origins. */
  imageOrigins: string[]
  /** The proxied hostnames' origins: always allowed, being the site's own pages. */
  ownOrigins: string[]
  currency: string
  /** Gift days (`MM-DD`) for the purchase-intent feature SpecialDay; null: the default calendar. */
  specialDays: string[] | null
}

/** One of `GET /v1/admin/health`'s warnings. */
export type HealthWarning = { code: string; message: string }

/** `GET /v1/admin/health`: when data last arrived, for the site and each started experiment. */
export type SiteHealth = {
  now: number
  lastExposureAt: number | null
  lastPurchaseAt: number | null
  refusals: { code: string; count: number; lastAt: number; lastDetail: string | null }[]
  warnings: HealthWarning[]
  experiments: {
    key: string
    status: string
    startedAt: number
    lastExposureAt: number | null
    lastPurchaseAt: number | null
    warnings: HealthWarning[]
  }[]
}

/** `POST /v1/admin/site/rotate-key`. */
export type RotatedKey = { adminKey: string; message: string }

/** `GET /v1/admin/recs/status` (may not exist on every server yet). */
export type RecsStatus = {
  modelVersion: string | null
  trainedAt: number | null
  training: boolean
  trainingStartedAt?: number | null
  items: number
  visitors: number
  metrics: Record<string, unknown> | null
  /** Why the last run failed, if it did. */
  lastError?: string | null
}

export type { SlotPerformance } from '../../../shared/api-types.ts'

/** `GET /v1/admin/recs/performance` (may not exist on every server yet). */
export type RecsPerformance = {
  /** Add-to-carts and revenue count for a list clicked this many minutes before them. */
  windowMinutes: number
  /** The period the figures cover. */
  periodDays?: number
  catalog: { items: number; inStock: number }
  coverage: number | null
  slots: SlotPerformance[]
}

/** `GET /widget/manifest.json`, written by the build. */
export type WidgetManifest = { version: string; loader: { path: string; integrity: string } }

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
export type CreatedKey = TeamKey & { adminKey: string; message: string }

/** One change of `GET /v1/admin/audit`. */
export type AuditEntry = {
  id: number
  at: number
  keyId: string
  keyName: string
  method: string
  route: string
  target: string | null
  summary: string | null
  confirmed: boolean
}

export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null }
