/**
 * `GET /v1/admin/behaviour`: the store's funnel per day and how well the purchase-intent model
 * ranks and predicts its recent sessions. Wire types only, for the Worker and the dashboard.
 */
import type { IntentBand } from './api-types.ts'

/** One UTC day of the funnel: sessions started that day and how many reached each step. */
export type FunnelDay = {
  /** YYYY-MM-DD (UTC). */
  day: string
  sessions: number
  productViews: number
  addToCarts: number
  purchases: number
}

/** Sessions whose scores fell in [from, to): the mean score against the share that bought. */
export type CalibrationBin = {
  from: number
  to: number
  sessions: number
  meanScore: number
  buyRate: number
}

export type BandFigures = {
  band: IntentBand
  sessions: number
  /** Of the scored sessions. */
  share: number
  purchases: number
  conversionRate: number
}

export type BehaviourAnswer = {
  days: number
  funnel: FunnelDay[]
  intent: {
    /** The model now serving the site's visitors. */
    model: 'site' | 'starter'
    /** Ended sessions scored before the model learnt from them, within the period. */
    sessions: number
    purchases: number
    /** Area under the ROC curve of those scores; null without both buyers and non-buyers. */
    auc: number | null
    calibration: CalibrationBin[]
    bands: BandFigures[]
    /** The features the trees split on most, by share of split gain, largest first. */
    features: { feature: string; importance: number }[]
    /** Why the last training or online-learning run did not go through; null when it did. */
    lastError: string | null
    /**
     * The online layer: sessions it has learnt from since training, and its weight (0-1) in
     * the score served, against the trained trees (0.05 before any evidence).
     */
    online: { updates: number; trust: number }
  }
}
