/**
 * "Trending": items ranked by time-decayed popularity over the last days before the clock. It is
 * the fallback for visitors the model does not know yet and the baseline online recommendations
 * must beat, so it is shown to every new visitor, and every rule here is about who can steer it
 * (anyone with the public key can send events, with any visitor id):
 * - the window ends at the clock, not at the newest event: history imported long after it
 *   happened cannot leave one fresh event alone in the window;
 * - each visitor counts at most once per item (their strongest, most recent signal), so one bulk
 *   buyer, a page-reloading bot or a burst of events cannot push an item up on their own;
 * - an item needs a minimum of distinct visitors, and visitors of an item whose catalog entry no
 *   admin made (learned from a page's view, or missing) count for less, in that minimum too.
 * When the window has fewer items than the list holds (a store whose history is all imported),
 * the rest is filled by the same rules over all history before the clock, after every item of
 * the window, with score 0.
 */

import { resolveWeights } from './train/interactions.ts'
import type { InteractionWeights } from './train/interactions.ts'
import type { Interaction, ScoredItem } from './types.ts'

/** Distinct visitors (trust-weighted) an item needs to be listed. */
export const MIN_TRENDING_VISITORS = 3
/** What a visitor of an unverified item counts for: a view-learned item needs 4x the visitors. */
export const UNVERIFIED_WEIGHT = 0.25

/** Options of `trendingItems`. */
export type TrendingOptions = {
  /** Half-life of the decay, in days. Default 7. */
  halfLifeDays?: number
  /** Only interactions of the last `windowDays` before `now` count. Default 30. */
  windowDays?: number
  /** The time trending is computed for (epoch ms); default: the clock. */
  now?: number
  /** Per-type weights; default `DEFAULT_WEIGHTS`. */
  weights?: Partial<InteractionWeights>
  /** Length of the list. Default 50. */
  n?: number
  /** Trust-weighted distinct visitors an item needs. Default `MIN_TRENDING_VISITORS`. */
  minVisitors?: number
  /**
   * Items whose catalog entry an admin made (uploaded or imported); every other item's visitors
   * count `unverifiedWeight`. Absent: every item is trusted (an offline evaluation has no catalog).
   */
  verified?: ReadonlySet<string>
  /** Default `UNVERIFIED_WEIGHT`. */
  unverifiedWeight?: number
}

const DAY_MS = 86_400_000

/**
 * Ranks items by trust × Σ over visitors of max(type weight · 2^(−age / half-life)) within the
 * window, then fills from all history by trust × distinct visitors.
 *
 * @example
 * trendingItems(events, { halfLifeDays: 7, windowDays: 30, n: 20, verified: uploadedIds })
 */
export function trendingItems(
  interactions: readonly Interaction[],
  options: TrendingOptions = {},
): ScoredItem[] {
  const weights = resolveWeights(options.weights)
  const halfLife = (options.halfLifeDays ?? 7) * DAY_MS
  const now = options.now ?? Date.now()
  const since = now - (options.windowDays ?? 30) * DAY_MS
  const n = options.n ?? 50
  const minVisitors = options.minVisitors ?? MIN_TRENDING_VISITORS
  const unverified = options.unverifiedWeight ?? UNVERIFIED_WEIGHT
  const trust = (itemId: string): number =>
    !options.verified || options.verified.has(itemId) ? 1 : unverified

  const strongest = new Map<string, Map<string, number>>()
  const everyone = new Map<string, Set<string>>()
  for (const { visitorId, itemId, type, at } of interactions) {
    const weight = weights[type]
    if (!(at <= now) || !(weight > 0)) continue
    let visitors = everyone.get(itemId)
    if (!visitors) everyone.set(itemId, (visitors = new Set()))
    visitors.add(visitorId)
    if (!(at >= since)) continue
    const score = weight * Math.pow(2, -(now - at) / halfLife)
    let byVisitor = strongest.get(itemId)
    if (!byVisitor) strongest.set(itemId, (byVisitor = new Map()))
    if (score > (byVisitor.get(visitorId) ?? 0)) byVisitor.set(visitorId, score)
  }

  const ranked: ScoredItem[] = []
  for (const [itemId, byVisitor] of strongest) {
    if (trust(itemId) * byVisitor.size < minVisitors) continue
    let score = 0
    for (const s of byVisitor.values()) score += s
    ranked.push({ itemId, score: trust(itemId) * score })
  }
  ranked.sort(byScore)
  if (ranked.length >= n) return ranked.slice(0, n)

  const listed = new Set(ranked.map((r) => r.itemId))
  const fill: ScoredItem[] = []
  for (const [itemId, visitors] of everyone) {
    const count = trust(itemId) * visitors.size
    if (!listed.has(itemId) && count >= minVisitors) fill.push({ itemId, score: count })
  }
  fill.sort(byScore)
  return [...ranked, ...fill.map(({ itemId }) => ({ itemId, score: 0 }))].slice(0, n)
}

function byScore(a: ScoredItem, b: ScoredItem): number {
  return b.score - a.score || (a.itemId < b.itemId ? -1 : 1)
}
