// The shapes going into and out of the statistics module (worker/stats/): per-variation
// sufficient statistics in, the results object of `GET /v1/admin/experiments/{key}/results` out,
// which the dashboard reads, so it lives here beside the other wire types. Every figure that
// cannot be computed is `null`, and the object holding it carries a `reason` saying why — never
// NaN or Infinity.

/** A two-sided interval [low, high]. */
export type Interval = [number, number]

/** Why a figure is null. One code per object: it explains every null beside it. */
export type StatsReason =
  /** This variation has no visitors yet. */
  | 'no_visitors'
  /** The control has no visitors, so nothing can be compared with it. */
  | 'control_no_visitors'
  /** The control converts at 0%: a lift relative to zero is undefined. */
  | 'control_rate_zero'
  /** The control's revenue per visitor is 0: a relative lift is undefined. */
  | 'control_mean_zero'
  /** The control's revenue per visitor is negative (refunds): a relative lift would flip sign. */
  | 'control_mean_negative'
  /** Too few visitors: under 2 for a variance, under 100 expected in a variation for SRM. */
  | 'not_enough_data'
  /** No spread in the data (e.g. everyone or no one converted): no interval or test. */
  | 'zero_variance'
  /** A test needs at least two variations with visitors (or with a non-zero weight). */
  | 'fewer_than_two_variations'
  /** No variation has any conversion: the chi-square table has an empty column. */
  | 'no_conversions'
  /** Every visitor converted: the chi-square table has an empty column. */
  | 'all_converted'
  /** A variation of the table has no visitors (scipy raises on this table). */
  | 'empty_variation'
  /** The sample size parameters are out of range (e.g. baseline x (1 + MDE) >= 1). */
  | 'invalid_parameters'
  /** A variation with weight 0 has visitors: assignment or logging is broken (SRM fails). */
  | 'visitors_in_unweighted_variation'

/** Sufficient statistics of one variation; index 0 of a list is the control. */
export type VariationInput = {
  key: string
  /** Configured traffic weight (any non-negative scale; 0 = receives no traffic). */
  weight: number
  /** Unique exposed visitors. */
  visitors: number
  /** Unique visitors who converted after exposure. */
  conversions: number
  /** Σ revenue per visitor (visitors without revenue count as 0). */
  revenueSum: number
  /** Σ (revenue per visitor)². */
  revenueSumSquares: number
  /** Σ winsorized revenue per visitor; used for per-visitor figures when both are given. */
  winsorizedSum?: number
  winsorizedSumSquares?: number
}

/** Knobs of the analysis; every field has a default (see DEFAULT_SETTINGS in results.ts). */
export type ResultsSettings = {
  /** Significance level: intervals are (1 - alpha), tests reject at alpha. Default 0.05. */
  alpha: number
  /** Power the sample size plan aims at. Default 0.8. */
  power: number
  /** Relative lift the plan must detect, e.g. 0.1 for +10%. Default 0.1. */
  minimumDetectableEffect: number
  /** Sequential testing tuning parameter N* (total visitors where the CS is tightest). 5000. */
  sequentialTuning: number
}

/** Input of `computeResults`. */
export type ResultsInput = {
  experiment: string
  phase: number
  status: string
  variations: VariationInput[]
  settings?: Partial<ResultsSettings>
}

/** Sample ratio mismatch check (chi-square goodness of fit of visitors against weights). */
export type SrmResult =
  | { chiSquare: number; pValue: number; ok: boolean }
  | { chiSquare: null; pValue: null; ok: null; reason: StatsReason }
  /** Visitors where the weights send none: an infinite chi-square, so no statistic, p = 0. */
  | { chiSquare: null; pValue: 0; ok: false; reason: 'visitors_in_unweighted_variation' }

/** Pearson's chi-square test of independence (scipy `chi2_contingency` defaults). */
export type IndependenceTest =
  | { chiSquare: number; dof: number; pValue: number }
  | { chiSquare: null; dof: null; pValue: null; reason: StatsReason }

/** The test as reported: `excluded` lists variations left out for having no visitors. */
export type IndependenceResult = IndependenceTest & { excluded?: string[] }

/** A treatment's conversion rate compared with the control's (relative lift). */
export type ConversionComparison = {
  lift: number | null
  /** On the log of the ratio (log-ratio-lift.ts): never below -100%. */
  liftCI: Interval | null
  /** The test of that log ratio: below alpha exactly when liftCI excludes 0. */
  pValue: number | null
  /** Holm step-down adjusted across the treatments that have a p-value. */
  pValueAdjusted: number | null
  chanceToBeatControl: number | null
  /** Always valid under continuous monitoring (Waudby-Smith et al. 2023). */
  sequentialPValue: number | null
  /**
   * The sequential p-value Holm-adjusted across treatments: with several treatments, the one to
   * read, as each raw one alone gives every treatment its own chance of a false win.
   */
  sequentialPValueAdjusted: number | null
  sequentialCI: Interval | null
  reason?: StatsReason
}

/** A treatment's revenue per visitor compared with the control's. */
export type RevenueComparison = {
  /** Relative lift of revenue per visitor, with its log-ratio interval (as for rates). */
  lift: number | null
  liftCI: Interval | null
  /** Absolute difference of revenue per visitor and its Welch interval. */
  difference: number | null
  differenceCI: Interval | null
  /** Welch's t-test of the difference (scipy `ttest_ind(equal_var=False)`). */
  pValue: number | null
  pValueAdjusted: number | null
  reason?: StatsReason
}

export type RevenueResult = {
  /** Raw revenue sum, never winsorized. */
  total: number
  perVisitor: number | null
  perVisitorCI: Interval | null
  /** Whether perVisitor and the comparison use winsorized sums. */
  winsorized: boolean
  vsControl?: RevenueComparison
  reason?: StatsReason
}

export type VariationResult = {
  key: string
  weight: number
  visitors: number
  conversions: number
  rate: number | null
  /** Wilson score interval. */
  rateCI: Interval | null
  revenue: RevenueResult
  vsControl?: ConversionComparison
  reason?: StatsReason
}

/** Visitors per variation a fixed-horizon test needs, and how many are still to come. */
export type PowerResult =
  | {
      baselineRate: number
      minimumDetectableEffect: number
      alpha: number
      power: number
      visitorsPerVariation: number
      visitorsStillNeeded: number
    }
  | {
      baselineRate: number | null
      minimumDetectableEffect: number
      alpha: number
      power: number
      visitorsPerVariation: null
      visitorsStillNeeded: null
      reason: StatsReason
    }

/** The object of `GET /v1/admin/experiments/{key}/results` (docs/api.md), plus the settings used and a sample size plan. */
export type ExperimentResults = {
  experiment: string
  phase: number
  status: string
  srm: SrmResult
  test: IndependenceResult
  variations: VariationResult[]
  power: PowerResult
  settings: ResultsSettings
}
