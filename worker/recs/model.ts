/**
 * From a truncated SVD A ≈ U·S·Vᵀ to the lists the Worker serves.
 *
 * Factor split: items get Q = V·√S and a visitor is the weighted sum of the factors of the items
 * in their row, p = a·Q, which for training visitors is P = U·S^(3/2). Scores are then
 * P·Qᵀ = A·(V·S·Vᵀ): the visitor's history filtered through V·S·Vᵀ, the rank-k square root of
 * the item co-occurrence matrix AᵀA. Why this split and not the textbook U·√S / V·√S (PureSVD's
 * U·S·Vᵀ):
 * - it ranks better: on two validation folds inside the Online Retail training months, recall@20
 *   was 0.128 and 0.122 against 0.093 and 0.091 for U·S·Vᵀ (same matrix, rank 200). The extra √S
 *   weighs strong, well-estimated directions above the noisy tail;
 * - a new visitor needs no solve: their vector is the sum of what they touched, which is exactly
 *   what online fold-in accumulates, so batch and online recommendations agree;
 * - Q·Qᵀ is itself an item-item similarity, so "similar items" (cosine on Q) and "recommended
 *   for you" come from the same geometry.
 */

import type { TruncatedSvd } from './train/randomized-svd.ts'
import { topN } from './top-n.ts'
import type { ProgressCallback, ScoredItem } from './types.ts'

/** Item and visitor factors, row-major: item c's vector is `itemFactors[c*rank .. (c+1)*rank)`. */
export type FactorModel = {
  rank: number
  items: string[]
  itemFactors: Float32Array
  visitors: string[]
  visitorFactors: Float32Array
}

/** A visitor's precomputed "recommended for you" list. */
export type VisitorRecommendations = { visitorId: string; items: ScoredItem[] }

/** An item's "similar items" list, scored by cosine similarity in factor space. */
export type SimilarItems = { itemId: string; items: ScoredItem[] }

/** Item factors Q = V·√S and visitor factors P = U·S^(3/2) (= A·Q). */
export function factorModelFromSvd(
  svd: TruncatedSvd,
  visitors: string[],
  items: string[],
): FactorModel {
  const rank = svd.rank
  const scale = (data: Float64Array, power: number): Float32Array => {
    const factors = Array.from(svd.s, (s) => Math.pow(Math.max(0, s), power))
    const out = new Float32Array(data.length)
    for (let i = 0; i < data.length; i++) out[i] = (data[i] ?? 0) * (factors[i % rank] ?? 0)
    return out
  }
  return {
    rank,
    items,
    itemFactors: scale(svd.v.data, 0.5),
    visitors,
    visitorFactors: scale(svd.u.data, 1.5),
  }
}

/** Dot products of one vector with every item's factors, times each item's scale if given. */
export function scoreAll(
  vector: ArrayLike<number>,
  itemFactors: Float32Array,
  rank: number,
  itemScales?: ArrayLike<number>,
) {
  const count = rank === 0 ? 0 : itemFactors.length / rank
  const scores = new Float64Array(count)
  for (let c = 0; c < count; c++) {
    let sum = 0
    const base = c * rank
    for (let k = 0; k < rank; k++) sum += vector[k]! * itemFactors[base + k]!
    scores[c] = itemScales ? sum * itemScales[c]! : sum
  }
  return scores
}

/**
 * Top-N items for every visitor by P·Qᵀ times the item scales, skipping what `exclude(row)`
 * returns (the visitor's purchases: the API never recommends something already bought in the
 * `personal` slot).
 */
export function visitorTopN(
  model: FactorModel,
  n: number,
  exclude: (row: number) => ReadonlySet<number> | undefined,
  itemScales?: ArrayLike<number>,
  onProgress?: ProgressCallback,
): VisitorRecommendations[] {
  const { rank, items } = model
  if (n <= 0) return model.visitors.map((visitorId) => ({ visitorId, items: [] }))
  const out: VisitorRecommendations[] = []
  model.visitors.forEach((visitorId, row) => {
    const vector = model.visitorFactors.subarray(row * rank, (row + 1) * rank)
    const best = topN(scoreAll(vector, model.itemFactors, rank, itemScales), n, exclude(row))
    out.push({
      visitorId,
      items: best.map((b) => ({ itemId: items[b.index] ?? '', score: b.score })),
    })
    if (onProgress && row % 256 === 0) {
      onProgress({ stage: 'visitor-top-n', done: row, total: model.visitors.length })
    }
  })
  return out
}

/** Item factors scaled to unit length (zero vectors stay zero), for cosine similarity. */
export function normalizedItemFactors(model: FactorModel): Float32Array {
  const { rank } = model
  const out = new Float32Array(model.itemFactors.length)
  for (let c = 0; c * rank < out.length; c++) {
    let norm = 0
    for (let k = 0; k < rank; k++) norm += model.itemFactors[c * rank + k]! ** 2
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let k = 0; k < rank; k++) out[c * rank + k] = model.itemFactors[c * rank + k]! * inv
  }
  return out
}

/**
 * For every item, the `n` most similar other items by cosine on Q. O(items² · rank): fine to tens
 * of thousands of items; beyond that this is what Vectorize is for.
 */
export function similarItems(
  model: FactorModel,
  n: number,
  onProgress?: ProgressCallback,
): SimilarItems[] {
  const { rank, items } = model
  if (n <= 0) return items.map((itemId) => ({ itemId, items: [] }))
  const unit = normalizedItemFactors(model)
  return items.map((itemId, c) => {
    const vector = unit.subarray(c * rank, (c + 1) * rank)
    const scores = scoreAll(vector, unit, rank)
    // A zero vector (an item nobody interacted with enough) has no meaningful neighbours.
    const best = vector.some((x) => x !== 0) ? topN(scores, n, new Set([c])) : []
    if (onProgress && c % 256 === 0) onProgress({ stage: 'similar', done: c, total: items.length })
    return {
      itemId,
      items: best
        .filter((b) => b.score > 0)
        .map((b) => ({ itemId: items[b.index] ?? '', score: b.score })),
    }
  })
}
