/**
 * From a truncated SVD A ≈ U·S·Vᵀ to the lists the Worker serves.
 *
 * Factor split: items get Q = V·√S and visitors P = U·√S, so P·Qᵀ = U·S·Vᵀ reproduces the
 * low-rank matrix exactly and both sides live on the same scale. That matters in three places:
 * - fold-in (SGD with L2 λ against fixed Q) converges to p = (S + λ)⁻¹·√S·Vᵀ·r, i.e. scores
 *   Q·p = V·diag(s / (s + λ))·Vᵀ·r — the PureSVD projection with mild shrinkage of weak
 *   directions, so online and batch recommendations agree;
 * - cosine on Q weighs latent directions by √s: strong, well-estimated directions decide
 *   similarity, noisy tail directions barely do (plain V would weigh them equally, V·S would let
 *   the first, popularity-like direction swamp the rest);
 * - Float32 storage is safe, as no side carries the whole dynamic range of S.
 */

import type { TruncatedSvd } from './randomized-svd.ts'
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

/** Splits the singular values evenly between both sides: Q = V·√S, P = U·√S. */
export function factorModelFromSvd(
  svd: TruncatedSvd,
  visitors: string[],
  items: string[],
): FactorModel {
  const rank = svd.rank
  const roots = Array.from(svd.s, (s) => Math.sqrt(Math.max(0, s)))
  const scale = (data: Float64Array): Float32Array => {
    const out = new Float32Array(data.length)
    for (let i = 0; i < data.length; i++) out[i] = (data[i] ?? 0) * (roots[i % rank] ?? 0)
    return out
  }
  return {
    rank,
    items,
    itemFactors: scale(svd.v.data),
    visitors,
    visitorFactors: scale(svd.u.data),
  }
}

/** Dot products of one vector with every item's factors. */
export function scoreAll(vector: ArrayLike<number>, itemFactors: Float32Array, rank: number) {
  const count = rank === 0 ? 0 : itemFactors.length / rank
  const scores = new Float64Array(count)
  for (let c = 0; c < count; c++) {
    let sum = 0
    const base = c * rank
    for (let k = 0; k < rank; k++) sum += vector[k]! * itemFactors[base + k]!
    scores[c] = sum
  }
  return scores
}

/**
 * Top-N items for every visitor by P·Qᵀ, skipping what `exclude(row)` returns (the visitor's
 * purchases: the API never recommends something already bought in the `personal` slot).
 */
export function visitorTopN(
  model: FactorModel,
  n: number,
  exclude: (row: number) => ReadonlySet<number> | undefined,
  onProgress?: ProgressCallback,
): VisitorRecommendations[] {
  const { rank, items } = model
  const out: VisitorRecommendations[] = []
  model.visitors.forEach((visitorId, row) => {
    const vector = model.visitorFactors.subarray(row * rank, (row + 1) * rank)
    const best = topN(scoreAll(vector, model.itemFactors, rank), n, exclude(row))
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
