/**
 * The admin API's wire shapes as the dashboard reads them: one import point for the pages. Every
 * shape the Worker answers is declared in shared/ (api-types.ts, admin-types.ts, results-types.ts),
 * which the Worker's modules use too; only what the dashboard itself sends or builds is declared
 * here. Type-only imports: nothing of them enters the browser bundle.
 */
import type {
  BanditConfig,
  ExperimentType,
  Goal,
  MetricDefinition,
  Variation,
} from '../../../shared/api-types.ts'
import type { Audience } from '../../../shared/audience.ts'

export type {
  ConversionComparison,
  ExperimentResults,
  IndependenceResult,
  Interval,
  PowerResult,
  SrmResult,
  VariationResult,
} from '../../../shared/results-types.ts'

export {
  BANDIT_OBJECTIVES,
  EXPERIMENT_STATUSES,
  EXPERIMENT_TYPES,
  type BanditConfig,
  type BanditObjectiveName,
  type BanditResultsSection,
  type ExperimentType,
  type ReweighAnswer,
  GOAL_EVENTS,
  MAX_METRICS,
  METRIC_EVENTS,
  METRIC_KINDS,
  type DayPoint,
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
  type SlotPerformance,
  type Variation,
} from '../../../shared/api-types.ts'

export type {
  AuditEntry,
  AuditPage,
  CreatedKey,
  ExperimentDetail,
  HealthWarning,
  RecsPerformance,
  RecsStatus,
  ResultsResponse,
  RotatedKey,
  SampleSizeResponse,
  SiteHealth,
  SiteInfo,
  TeamKey,
  TeamKeys,
  TimeseriesResponse,
} from '../../../shared/admin-types.ts'

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
  audience: Audience | null
  /** On create only; PATCH cannot change the type. */
  type?: ExperimentType
  bandit?: BanditConfig
}

/** `GET /widget/manifest.json`, written by the build. */
export type WidgetManifest = { version: string; loader: { path: string; integrity: string } }
