/**
 * Wire shapes of the admin API that both the Worker (which answers them) and the dashboard (which
 * reads them) use, so the two cannot drift apart. Types and two constant lists only.
 */

export const EXPERIMENT_STATUSES = ['draft', 'running', 'paused', 'stopped'] as const
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number]

export const GOAL_EVENTS = ['purchase', 'add_to_cart', 'click', 'custom'] as const
export type GoalEvent = (typeof GOAL_EVENTS)[number]

export type Variation = { key: string; name?: string; weight: number; url?: string }

export type Goal = { event: GoalEvent; name?: string }

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
  createdAt: number
  updatedAt: number
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

/** The API's failure body (API.md, "Errors"). */
export type ErrorEnvelope = { error: { code: string; message: string } }

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
