/**
 * The "leading variation" of the experiments list: the highest observed conversion rate. It is a
 * glance, not a verdict (that needs the results page), so it only refuses to name a leader when
 * there is nothing to compare or the top rates tie.
 */
import type { ResultsResponse } from '../api/types.ts'

export type Leader = { key: string; rate: number; lift: number | null }

/** The variation converting best so far, or null when none has converted or the best tie. */
export function leadingVariation(results: ResultsResponse): Leader | null {
  const ranked = results.variations
    .filter((v) => v.visitors > 0 && v.rate !== null)
    .map((v) => ({ key: v.key, rate: v.rate ?? 0, lift: v.vsControl?.lift ?? null }))
    .sort((a, b) => b.rate - a.rate)
  const [first, second] = ranked
  if (!first || first.rate === 0) return null
  if (second && second.rate === first.rate) return null
  return first
}

/** Total exposed visitors across the variations of the phase. */
export function totalVisitors(results: ResultsResponse): number {
  return results.variations.reduce((sum, v) => sum + v.visitors, 0)
}
