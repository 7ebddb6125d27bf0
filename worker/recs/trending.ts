/**
 * "Trending": items ranked by time-decayed popularity over a recent window. It is the fallback
 * for visitors the model does not know yet and the baseline online recommendations must beat.
 *
 * Each visitor counts at most once per item (their strongest, most recent signal), so one bulk
 * buyer or a page-reloading bot cannot push an item to the top on their own.
 */

import { resolveWeights } from './interactions.ts'
import type { InteractionWeights } from './interactions.ts'
import type { Interaction, ScoredItem } from './types.ts'

/** Options of `trendingItems`. */
export type TrendingOptions = {
  /** Half-life of the decay, in days. Default 7. */
  halfLifeDays?: number
  /** Only interactions of the last `windowDays` count. Default 30. */
  windowDays?: number
  /** The time trending is computed for (epoch ms); default: the latest interaction. */
  now?: number
  /** Per-type weights; default `DEFAULT_WEIGHTS`. */
  weights?: Partial<InteractionWeights>
  /** Length of the list. Default 50. */
  n?: number
}

const DAY_MS = 86_400_000

/**
 * Ranks items by Σ over visitors of max(type weight · 2^(−age / half-life)) within the window.
 *
 * @example
 * trendingItems(events, { halfLifeDays: 7, windowDays: 30, n: 20 })
 */
export function trendingItems(
  interactions: readonly Interaction[],
  options: TrendingOptions = {},
): ScoredItem[] {
  const weights = resolveWeights(options.weights)
  const halfLife = (options.halfLifeDays ?? 7) * DAY_MS
  let now = options.now
  if (now === undefined) {
    now = -Infinity
    for (const { at } of interactions) if (at > now) now = at
  }
  const since = now - (options.windowDays ?? 30) * DAY_MS
  const strongest = new Map<string, Map<string, number>>()
  for (const { visitorId, itemId, type, at } of interactions) {
    const weight = weights[type]
    if (!(at >= since && at <= now) || !(weight > 0)) continue
    const score = weight * Math.pow(2, -(now - at) / halfLife)
    let byVisitor = strongest.get(itemId)
    if (!byVisitor) strongest.set(itemId, (byVisitor = new Map()))
    if (score > (byVisitor.get(visitorId) ?? 0)) byVisitor.set(visitorId, score)
  }
  const ranked: ScoredItem[] = []
  for (const [itemId, byVisitor] of strongest) {
    let score = 0
    for (const s of byVisitor.values()) score += s
    ranked.push({ itemId, score })
  }
  ranked.sort((a, b) => b.score - a.score || (a.itemId < b.itemId ? -1 : 1))
  return ranked.slice(0, options.n ?? 50)
}
