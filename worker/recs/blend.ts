/**
 * Blends the SVD score of a visitor's precomputed list with item-kNN: score = a·z(svd) +
 * (1 − a)·z(knn), each z-scored over the catalog for that visitor, so neither scale dominates.
 * The kNN part is cosine between item columns of the training matrix (Sarwar et al. 2001), kept
 * sparse as the `neighbours` most similar items per item: a visitor's kNN score for item j is
 * Σ cos(i, j) over the items i in their history for which j is among i's neighbours.
 * Why blend: the rank-k SVD smooths away strong but narrow co-purchase pairs that kNN keeps, and
 * kNN has nothing to say about items outside a visitor's neighbourhoods; each covers the other.
 */

import type { SparseMatrix } from './sparse-matrix.ts'
import { topN } from './top-n.ts'

/** Each item's nearest items by column cosine, CSR-like: item c's are `index[ptr[c] .. ptr[c+1])`. */
export type ItemNeighbours = {
  items: number
  ptr: Uint32Array
  index: Uint32Array
  similarity: Float32Array
}

/**
 * The `neighbours` most similar other items of every item by cosine of the columns of `a`.
 * Cost Σ_rows nnz(row)² with one dense accumulator, never an items × items matrix.
 *
 * @example
 * const graph = itemNeighbours(matrix, 100)
 * const scores = knnScores(graph, [3, 17])
 */
export function itemNeighbours(a: SparseMatrix, neighbours: number): ItemNeighbours {
  const norms = new Float64Array(a.cols)
  for (let p = 0; p < a.values.length; p++) norms[a.colIdx[p]!]! += a.values[p]! ** 2
  const unit = new Float64Array(a.values.length)
  for (let p = 0; p < unit.length; p++) {
    const norm = norms[a.colIdx[p]!]!
    unit[p] = norm > 0 ? a.values[p]! / Math.sqrt(norm) : 0
  }
  // Column-major copy (CSC) so each item's visitors can be read without scanning all rows.
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

  const ptr = new Uint32Array(a.cols + 1)
  const index: number[] = []
  const similarity: number[] = []
  const acc = new Float64Array(a.cols)
  for (let c = 0; c < a.cols; c++) {
    acc.fill(0)
    for (let p = colPtr[c]!; p < colPtr[c + 1]!; p++) {
      const r = rowIdx[p]!
      const w = colValues[p]!
      for (let q = a.rowPtr[r]!; q < a.rowPtr[r + 1]!; q++) acc[a.colIdx[q]!]! += w * unit[q]!
    }
    for (const best of topN(acc, neighbours, new Set([c]))) {
      if (best.score <= 0) break
      index.push(best.index)
      similarity.push(best.score)
    }
    ptr[c + 1] = index.length
  }
  return {
    items: a.cols,
    ptr,
    index: Uint32Array.from(index),
    similarity: Float32Array.from(similarity),
  }
}

/** Σ over history items of their neighbours' similarities: one kNN score per item. */
export function knnScores(graph: ItemNeighbours, history: Iterable<number>): Float64Array {
  const scores = new Float64Array(graph.items)
  for (const c of history) {
    for (let p = graph.ptr[c] ?? 0; p < (graph.ptr[c + 1] ?? 0); p++) {
      scores[graph.index[p]!]! += graph.similarity[p]!
    }
  }
  return scores
}

/** Scores scaled to zero mean and unit variance in place (all zeros if they are constant). */
export function standardize(scores: Float64Array): Float64Array {
  const n = scores.length
  if (n === 0) return scores
  let mean = 0
  for (let i = 0; i < n; i++) mean += scores[i]!
  mean /= n
  let variance = 0
  for (let i = 0; i < n; i++) variance += (scores[i]! - mean) ** 2
  const sd = Math.sqrt(variance / n)
  for (let i = 0; i < n; i++) scores[i] = sd > 0 ? (scores[i]! - mean) / sd : 0
  return scores
}

/**
 * a·z(svd) + (1 − a)·z(knn), written into `svd` (which is standardised in place); `knn` is
 * standardised in place too. a = 1 keeps the SVD ranking, a = 0 gives item-kNN's.
 */
export function blendScores(svd: Float64Array, knn: Float64Array, weight: number): Float64Array {
  standardize(svd)
  standardize(knn)
  for (let i = 0; i < svd.length; i++) svd[i] = weight * svd[i]! + (1 - weight) * (knn[i] ?? 0)
  return svd
}
