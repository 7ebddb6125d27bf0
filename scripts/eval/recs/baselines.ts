/**
 * The two baselines a recommender has to beat before it earns its complexity:
 * - most popular: items bought by the most distinct visitors in a recent window;
 * - item-kNN: cosine similarity between item columns of the training matrix, a visitor's score
 *   for item j being Σ cos(i, j) over the items i in their history (Sarwar et al. 2001).
 */

import type { SparseMatrix } from '../../../worker/recs/train/sparse-matrix.ts'
import type { Interaction } from '../../../worker/recs/types.ts'

/**
 * Items ranked by the number of distinct visitors who interacted with them in [since, until).
 * Ties break by item id so the baseline is deterministic.
 */
export function mostPopularBaseline(
  interactions: readonly Interaction[],
  since: number,
  until: number,
): string[] {
  const visitorsByItem = new Map<string, Set<string>>()
  for (const { itemId, visitorId, at } of interactions) {
    if (!(at >= since && at < until)) continue
    let visitors = visitorsByItem.get(itemId)
    if (!visitors) visitorsByItem.set(itemId, (visitors = new Set()))
    visitors.add(visitorId)
  }
  return [...visitorsByItem]
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .map(([itemId]) => itemId)
}

/** The first `k` entries of a global ranking that are not in `exclude`. */
export function firstNotIn<T>(ranking: readonly T[], exclude: ReadonlySet<T>, k: number): T[] {
  const out: T[] = []
  for (const item of ranking) {
    if (out.length >= k) break
    if (!exclude.has(item)) out.push(item)
  }
  return out
}

/**
 * Prepares item-kNN scoring over `a`. Columns are scaled to unit length, so with Â the scaled
 * matrix, Σ_{i∈history} cos(i, ·) = Âᵀ·(Â·1_history): two sparse products per visitor instead of
 * an items × items similarity matrix.
 *
 * @example
 * const score = itemKnnScorer(matrix)
 * const scores = score([3, 17]) // Float64Array, one score per item
 */
export function itemKnnScorer(a: SparseMatrix): (history: Iterable<number>) => Float64Array {
  const norms = new Float64Array(a.cols)
  for (let p = 0; p < a.values.length; p++) norms[a.colIdx[p]!]! += a.values[p]! ** 2
  const unit = a.values.map((value, p) => {
    const norm = norms[a.colIdx[p]!]!
    return norm > 0 ? value / Math.sqrt(norm) : 0
  })
  // Column-major copy (CSC) so a history item's column can be read without scanning all rows.
  const colPtr = new Uint32Array(a.cols + 1)
  for (let p = 0; p < a.colIdx.length; p++) colPtr[a.colIdx[p]! + 1]!++
  for (let c = 0; c < a.cols; c++) colPtr[c + 1]! += colPtr[c]!
  const fill = colPtr.slice(0, a.cols)
  const rowIdx = new Uint32Array(a.colIdx.length)
  const colValues = new Float64Array(a.colIdx.length)
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p++) {
      const at = fill[a.colIdx[p]!]!++
      rowIdx[at] = r
      colValues[at] = unit[p]!
    }
  }

  const weights = new Float64Array(a.rows)
  return (history) => {
    weights.fill(0)
    for (const c of history) {
      for (let p = colPtr[c] ?? 0; p < (colPtr[c + 1] ?? 0); p++)
        weights[rowIdx[p]!]! += colValues[p]!
    }
    const scores = new Float64Array(a.cols)
    for (let r = 0; r < a.rows; r++) {
      const w = weights[r]!
      if (w === 0) continue
      for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p++) scores[a.colIdx[p]!]! += w * unit[p]!
    }
    return scores
  }
}
