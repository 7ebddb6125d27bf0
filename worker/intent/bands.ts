/**
 * Intent bands: a score is `low`, `medium` or `high` by where it falls among the site's recent
 * session scores. The cuts sit at two quantiles the site sets (by default the median and the
 * 85th percentile), so "high" means "among this store's keenest 15%" whatever the store's
 * purchase rate, and a store whose shoppers all score low still has a high band.
 */
import { z } from 'zod'
import type { IntentBand } from '../../shared/api-types.ts'

/** Quantiles of recent scores where `medium` and `high` start. */
export type BandSettings = { medium: number; high: number }
/** Scores at those quantiles: a score above `high` is high. */
export type BandCuts = { medium: number; high: number }

export const DEFAULT_BANDS: BandSettings = { medium: 0.5, high: 0.85 }

/** Ended sessions the cuts are taken over: the site's most recent ones. */
export const RECENT_SCORES = 2000
/** Fewer recent sessions than this and the cuts come from the model's training scores instead. */
export const MIN_RECENT_SCORES = 50

const quantile = z.number().finite().gt(0).lt(1)

/** The site setting as the admin sends it: two quantiles, medium below high. */
export const bandSettingsSchema = z
  .strictObject({ medium: quantile, high: quantile })
  .refine((b) => b.medium < b.high, { message: 'medium must be below high', path: ['medium'] })

/** The value at quantile `q` of ascending `sorted` (linear between neighbours). */
export function quantileOf(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const at = q * (n - 1)
  const below = Math.floor(at)
  const low = sorted[below] as number
  const high = sorted[Math.min(n - 1, below + 1)] as number
  return low + (high - low) * (at - below)
}

/** The cuts at `settings` over `scores` (any order). */
export function cutsOf(scores: ArrayLike<number>, settings: BandSettings): BandCuts {
  const sorted = Float64Array.from(scores).sort()
  return { medium: quantileOf(sorted, settings.medium), high: quantileOf(sorted, settings.high) }
}

/**
 * The band of `score`: above a cut moves it up. A score equal to a cut stays below it, so when
 * most sessions share one score (a quiet store where nobody has done anything telling) they are
 * not all called high.
 */
export function bandOf(score: number, cuts: BandCuts): IntentBand {
  if (score > cuts.high) return 'high'
  if (score > cuts.medium) return 'medium'
  return 'low'
}
