/**
 * Wire shapes of the admin API that both the Worker (which answers them) and the dashboard (which
 * reads them) use, so the two cannot drift apart. Types and a few constant lists only.
 */

import type { Audience } from './audience.ts'

export const EXPERIMENT_STATUSES = ['draft', 'running', 'paused', 'stopped'] as const
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number]

/** `ab`: fixed weights; `bandit`: weights that move towards the variation that converts best. */
export const EXPERIMENT_TYPES = ['ab', 'bandit'] as const
export type ExperimentType = (typeof EXPERIMENT_TYPES)[number]

/**
 * `maximize`: Thompson sampling (each weight is the variation's probability of being best);
 * `identify`: top-two Thompson sampling, which keeps more traffic on the runner-up.
 */
export const BANDIT_OBJECTIVES = ['maximize', 'identify'] as const
export type BanditObjectiveName = (typeof BANDIT_OBJECTIVES)[number]

/** A bandit's settings, as stored and as `POST /v1/admin/experiments` takes them. */
export type BanditConfig = {
  objective: BanditObjectiveName
  /** Hours after the start during which the weights stay equal. */
  exploreHours: number
  /** Hours between the scheduled updates. */
  updateHours: number
  /** Floor on every variation's weight after an update. */
  minWeight: number
  /** P(best) at which the dashboard recommends stopping (at three updates in a row). */
  stopThreshold: number
}

export const GOAL_EVENTS = ['purchase', 'add_to_cart', 'click', 'custom'] as const
export type GoalEvent = (typeof GOAL_EVENTS)[number]

export type Variation = { key: string; name?: string; weight: number; url?: string }

export type Goal = { event: GoalEvent; name?: string }

/** An experiment's secondary and guardrail metrics: at most this many beside its goal. */
export const MAX_METRICS = 10

/**
 * What a metric measures, per exposed visitor, from events after their exposure in the phase:
 * - `conversion`: the share of visitors with at least one `event` (a `custom` one by `name`);
 * - `revenue_per_visitor`: purchase revenue in the site's currency per visitor (0 without one);
 * - `average_order_value`: purchase revenue over purchases, of the visitors who bought;
 * - `bounce`: the share of visitors who did nothing after their exposure but view one page.
 */
export const METRIC_KINDS = [
  'conversion',
  'revenue_per_visitor',
  'average_order_value',
  'bounce',
] as const
export type MetricKind = (typeof METRIC_KINDS)[number]

/** The events a `conversion` metric can count: every stored type but the exposure itself. */
export const METRIC_EVENTS = ['view', 'click', 'add_to_cart', 'purchase', 'custom'] as const
export type MetricEvent = (typeof METRIC_EVENTS)[number]

/**
 * A metric watched beside the goal. A `guardrail` is one the change must not hurt: a treatment
 * significantly worse on it (in the direction `better` says is bad) warns on the verdict.
 */
export type MetricDefinition = {
  /** Unique among the experiment's metrics; names the metric in results. */
  key: string
  kind: MetricKind
  /** For `conversion`: which event converts. */
  event?: MetricEvent
  /** For a `custom` event: its name. */
  name?: string
  role: 'secondary' | 'guardrail'
  /** Which way is good. */
  better: 'higher' | 'lower'
}

/** A treatment's metric against the control's, as a relative lift with its log-ratio interval. */
export type MetricComparison = {
  lift: number | null
  liftCI: [number, number] | null
  pValue: number | null
  /** Holm-adjusted across the treatments, per metric, as for the goal. */
  pValueAdjusted: number | null
  reason?: string
}

export type MetricVariationResult = {
  key: string
  visitors: number
  /** The rate (0..1) or the amount per visitor / per order, in the site's currency. */
  value: number | null
  valueCI: [number, number] | null
  /** Visitors who converted (conversion), bounced (bounce) or bought (revenue kinds). */
  count: number
  vsControl?: MetricComparison
  reason?: string
}

/** One metric of `GET /v1/admin/experiments/{key}/results`. */
export type MetricResult = MetricDefinition & {
  variations: MetricVariationResult[]
  /** Treatments significantly worse than the control (Holm-adjusted p < alpha, the bad way). */
  worse: string[]
}

/**
 * New visitors exposed to an experiment per day, over the last 7 days (fewer if its current phase
 * is younger), and what that means in days for the visitors a plan still needs.
 */
export type Duration =
  | {
      visitorsPerDay: number
      /** Days the rate is averaged over: 7, or the current phase's age when younger. */
      windowDays: number
      /** Days until the visitors still needed have come at this rate; null without a plan. */
      days: number | null
    }
  | { visitorsPerDay: null; windowDays: number; days: null; reason: 'no_recent_traffic' }

/** An experiment as `GET /v1/admin/experiments` lists it. */
export type Experiment = {
  key: string
  name: string
  status: ExperimentStatus
  /** The current phase; 0 until the experiment first starts. */
  phase: number
  variations: Variation[]
  coverage: number
  seed: string | null
  goal: Goal
  /** URL targeting pattern (`*` wildcards); null targets every page. */
  url: string | null
  redirect: boolean
  /** Percentile (e.g. 0.99) at which revenue per visitor is capped in results; null = off. */
  winsorize: number | null
  /** Secondary and guardrail metrics, at most MAX_METRICS. */
  metrics: MetricDefinition[]
  /** Who the experiment includes, decided at each visitor's first exposure; null = everybody. */
  audience: Audience | null
  type: ExperimentType
  /** A bandit's settings; null for an A/B test. A bandit's variation weights are the current ones. */
  bandit: BanditConfig | null
  /** The variation a "stop and roll out" shows to everyone; null otherwise. */
  winner: string | null
  createdAt: number
  updatedAt: number
}

/** One allocation period of a bandit's phase, with its visitors by first exposure. */
export type BanditPeriodResult = {
  period: number
  startedAt: number
  weights: number[]
  /** Visitors exposed in the phase before the period started. */
  visitorsBefore: number
  /** Visitors first exposed during the period, per variation. */
  visitors: number[]
  conversions: number[]
  /** P(best) per variation from the update that opened the period; null for the first. */
  bestArmProbabilities: number[] | null
}

/** A bandit variation's figures in `results.bandit`, in the phase's variation order. */
export type BanditVariationResult = {
  key: string
  visitors: number
  conversions: number
  /** Conversion rate with each allocation period weighted by its share of all visitors. */
  rate: number | null
  rateCI: [number, number] | null
  probabilityOfBeingBest: number
  /** Conversions beyond (negative: short of) what an equal split of the traffic would bring. */
  conversionsGained: number
}

/** `results.bandit` of `GET /v1/admin/experiments/{key}/results` for a bandit. */
export type BanditResultsSection = {
  objective: BanditObjectiveName
  /** The current weights (the last period's). */
  weights: number[]
  bestArmProbabilities: number[]
  periods: BanditPeriodResult[]
  variations: BanditVariationResult[]
  /** Conversions gained (negative: lost) against an equal split, over all variations. */
  conversionsGained: number
  /** Visitors each variation should have had by its periods' weights (the SRM's expectation). */
  expectedVisitors: number[]
  stopThreshold: number
  /** The variation whose P(best) stayed at or above the threshold; null when none did. */
  recommendedWinner: string | null
}

/** What `POST /v1/admin/experiments/{key}/reweigh` answers. */
export type ReweighAnswer = {
  updated: boolean
  reason?: 'exploring' | 'not_enough_visitors'
  weights: number[]
  bestArmProbabilities: number[]
}

/** The weights and seed one phase of an experiment ran with. */
export type Phase = {
  phase: number
  seed: string
  weights: number[]
  variationKeys: string[]
  startedAt: number
  endedAt: number | null
}

/** One variation on one day of `GET /v1/admin/experiments/{key}/timeseries`. */
export type DayPoint = {
  key: string
  visitors: number
  conversions: number
  revenue: number
  cumulativeVisitors: number
  cumulativeConversions: number
  cumulativeRate: number | null
}

export type TimeseriesDay = { date: string; variations: DayPoint[] }

/** The API's failure body (docs/api.md, "Errors"; shared/api-schemas.ts has its schema). */
export type ErrorEnvelope = { error: { code: string; message: string } }

/**
 * A visitor's variation in one experiment, keyed by experiment in `POST /v1/assign`'s
 * `assignments`, in proxy mode's `X-Edgelift-Assignments` and on `<html data-edgelift-assignments>`.
 */
export type Assignment = {
  variation: string
  index: number
  phase: number
  /** The experiment is stopped with this variation rolled out to everyone: nothing to record. */
  rolledOut?: true
}

/** An item of a recommendation list, as `GET /v1/recs` answers it. */
export type RecommendedItemShown = {
  itemId: string
  title: string
  url: string | null
  image: string | null
  price: number | null
  currency: string | null
}

/** One slot's figures in `GET /v1/admin/recs/performance`. */
export type SlotPerformance = {
  slot: string
  impressions: number
  clicks: number
  ctr: number | null
  addToCarts: number
  revenue: number
}

/** A store hostname's proof, as `GET /v1/admin/site/proxy` answers it. */
export type HostnameProof = {
  hostname: string
  /** The DNS TXT record that proves the claim: its name and the value it must hold. */
  record: { name: string; value: string }
  /** Serving: the DNS proved this site's claim and no later check has failed it. */
  verified: boolean
  verifiedAt: number | null
  checkedAt: number | null
  /** Why the last check failed, in words for the store owner. */
  error: string | null
}

/** `GET/PUT /v1/admin/site/proxy` and `POST /v1/admin/site/proxy/verify`. */
export type ProxySettingsAnswer = {
  originUrl: string | null
  hostnames: string[]
  consentRequired: boolean
  verification: HostnameProof[]
  /** edgelift's own hostnames: the dashboard lives there, and no store can take them. */
  dashboardHostnames: string[]
}

/**
 * What `GET /v1/admin/experiments/{key}/results` answers beside the statistics of the goal: the
 * phases that exist, the secondary and guardrail metrics, and the plan's duration in days.
 */
export type ResultsAdditions = {
  phases: number[]
  metrics: MetricResult[]
  duration: Duration
  /** Present for a bandit. */
  bandit?: BanditResultsSection
}

/** A visitor's purchase-intent band: where their score falls among the site's recent sessions. */
export const INTENT_BANDS = ['low', 'medium', 'high'] as const
export type IntentBand = (typeof INTENT_BANDS)[number]

/**
 * The purchase intent of a visitor's current session, in `POST /v1/assign` (`intent`) and
 * `GET /v1/intent`: a probability of buying and its band, with the model that scored it (`site`:
 * trained on the site's own sessions; `starter`: on the public data set, until the site has 50
 * purchases), or no score and why.
 */
export type IntentAnswer =
  | { score: number; band: IntentBand; model: 'site' | 'starter' }
  | { score: null; band: null; reason: string }

/** `GET /v1/admin/intent` and the answer of `PATCH /v1/admin/intent`. */
export type IntentStatusAnswer = {
  model: 'site' | 'starter'
  version: string | null
  trainedAt: string | null
  trainedOn: { sessions: number; purchases: number }
  /** Each feature's share of the trees' split gain, largest first. */
  importances: { feature: string; importance: number }[]
  /** Sessions the online layer has learnt from since the model was trained. */
  onlineUpdates: number
  /**
   * The weight (0-1) the served score gives the online layer against the trained trees: its
   * prior weight of 0.05 updated by its evidence from the sessions learnt since training.
   */
  onlineTrust: number
  /** Quantiles of recent scores where `medium` and `high` start, and the scores there. */
  bands: { medium: number; high: number }
  cuts: { medium: number; high: number }
  lastError: string | null
}
