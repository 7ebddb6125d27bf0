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
import { toColumns, typeAt } from './train/interaction-columns.ts'
import type { InteractionColumns } from './train/interaction-columns.ts'
import type { Interaction, ScoredItem } from './types.ts'
import { DAY_MS } from '../../shared/durations.ts'

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

/**
 * Ranks items by trust × Σ over visitors of max(type weight · 2^(−age / half-life)) within the
 * window, then fills from all history by trust × distinct visitors.
 *
 * @example
 * trendingItems(events, { halfLifeDays: 7, windowDays: 30, n: 20, verified: uploadedIds })
 */
export function trendingItems(
  interactions: readonly Interaction[] | InteractionColumns,
  options: TrendingOptions = {},
): ScoredItem[] {
  const columns = toColumns(interactions)
  const weights = resolveWeights(options.weights)
  const halfLife = (options.halfLifeDays ?? 7) * DAY_MS
  const now = options.now ?? Date.now()
  const since = now - (options.windowDays ?? 30) * DAY_MS
  const n = options.n ?? 50
  const minVisitors = options.minVisitors ?? MIN_TRENDING_VISITORS
  const unverified = options.unverifiedWeight ?? UNVERIFIED_WEIGHT
  const trust = columns.items.map((id) =>
    !options.verified || options.verified.has(id) ? 1 : unverified,
  )
  const score = (i: number): number => {
    const at = columns.at[i] ?? Number.NaN
    const weight = weights[typeAt(columns, i)]
    return at >= since ? weight * Math.pow(2, -(now - at) / halfLife) : 0
  }
  const perItem = visitorsPerItem(
    columns,
    (i) => {
      const at = columns.at[i] ?? Number.NaN
      return at <= now && weights[typeAt(columns, i)] > 0
    },
    score,
  )

  const ranked: ScoredItem[] = []
  const fill: ScoredItem[] = []
  columns.items.forEach((itemId, item) => {
    const t = trust[item] ?? 1
    const recent = perItem.recentVisitors[item] ?? 0
    if (recent > 0 && t * recent >= minVisitors) {
      ranked.push({ itemId, score: t * (perItem.recentScore[item] ?? 0) })
    } else if (t * (perItem.allVisitors[item] ?? 0) >= minVisitors) {
      fill.push({ itemId, score: t * (perItem.allVisitors[item] ?? 0) })
    }
  })
  ranked.sort(byScore)
  if (ranked.length >= n) return ranked.slice(0, n)
  fill.sort(byScore)
  return [...ranked, ...fill.map(({ itemId }) => ({ itemId, score: 0 }))].slice(0, n)
}

/**
 * Per item: distinct visitors over all counted interactions, distinct visitors with a positive
 * window score, and the sum over those visitors of their strongest window score. Interactions are
 * sorted by (item, visitor) as numbers, not grouped in Maps of Sets, so a million of them take
 * 12 bytes each.
 */
function visitorsPerItem(
  columns: InteractionColumns,
  counted: (i: number) => boolean,
  score: (i: number) => number,
) {
  const visitors = columns.visitors.length
  const keys = new Float64Array(columns.length)
  const order = new Uint32Array(columns.length)
  let m = 0
  for (let i = 0; i < columns.length; i++) {
    if (!counted(i)) continue
    keys[i] = (columns.item[i] ?? 0) * visitors + (columns.visitor[i] ?? 0)
    order[m++] = i
  }
  const sorted = order.subarray(0, m).sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0))
  const allVisitors = new Uint32Array(columns.items.length)
  const recentVisitors = new Uint32Array(columns.items.length)
  const recentScore = new Float64Array(columns.items.length)
  for (let p = 0; p < sorted.length;) {
    const key = keys[sorted[p] ?? 0] ?? 0
    const item = columns.item[sorted[p] ?? 0] ?? 0
    let strongest = 0
    for (; p < sorted.length && keys[sorted[p] ?? 0] === key; p++) {
      strongest = Math.max(strongest, score(sorted[p] ?? 0))
    }
    allVisitors[item]!++
    if (strongest > 0) {
      recentVisitors[item]!++
      recentScore[item]! += strongest
    }
  }
  return { allVisitors, recentVisitors, recentScore }
}

function byScore(a: ScoredItem, b: ScoredItem): number {
  return b.score - a.score || (a.itemId < b.itemId ? -1 : 1)
}
