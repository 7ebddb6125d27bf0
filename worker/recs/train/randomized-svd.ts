/**
 * Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson & Tropp 2011,
 * "Finding structure with randomness", algorithms 4.4 and 5.1).
 *
 * A Gaussian sketch Y = A·Ω with a few extra columns (oversampling) captures the dominant column
 * space; power iterations (A·Aᵀ)^q sharpen it when the spectrum decays slowly, as it does for
 * sparse interaction data, and a QR after every product keeps the basis from collapsing onto the
 * top singular vector in floating point. The small matrix B = Qᵀ·A then gets an exact dense SVD
 * from ml-matrix. Only sparse products touch A, so cost is O(nnz · l · (2q + 2)) plus O((m + n)·l²).
 */

import { Matrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix'

import { gaussian } from '../prng.ts'
import { multiply, multiplyTransposed } from './sparse-matrix.ts'
import type { DenseMatrix, SparseMatrix } from './sparse-matrix.ts'
import type { ProgressCallback } from '../types.ts'

/** Options of `randomizedSvd`. */
export type RandomizedSvdOptions = {
  /** Number of singular triplets wanted; clipped to min(rows, cols). */
  rank: number
  /** Extra sketch columns beyond `rank` (Halko et al. suggest 5-10). Default 10. */
  oversampling?: number
  /** Power iterations; 2-4 suffice for interaction matrices. Default 3. */
  powerIterations?: number
  /** Seed of the Gaussian sketch; the same seed gives the same factors. Default 1. */
  seed?: number
  onProgress?: ProgressCallback
}

/**
 * A rank-k factorisation A ≈ U·diag(s)·Vᵀ. `u` is rows×rank and `v` is cols×rank, row-major, so
 * row r of `u` is visitor r's coordinates and row c of `v` is item c's. `s` is descending.
 */
export type TruncatedSvd = {
  rank: number
  s: Float64Array
  u: DenseMatrix
  v: DenseMatrix
}

/**
 * Computes the truncated SVD of `a` by randomized range finding.
 *
 * @example
 * const { s, u, v } = randomizedSvd(matrix, { rank: 64, seed: 7 })
 */
export function randomizedSvd(a: SparseMatrix, options: RandomizedSvdOptions): TruncatedSvd {
  const rank = Math.max(0, Math.min(options.rank, a.rows, a.cols))
  const width = Math.min(rank + (options.oversampling ?? 10), a.rows, a.cols)
  const iterations = options.powerIterations ?? 3
  const report = options.onProgress ?? (() => {})
  if (rank === 0) return emptySvd(a)
  const total = 2 * iterations + 3

  const normal = gaussian(options.seed ?? 1)
  const omega = new Float64Array(a.cols * width)
  for (let i = 0; i < omega.length; i++) omega[i] = normal()

  let q = orthonormalBasis(multiply(a, { rows: a.cols, cols: width, data: omega }))
  report({ stage: 'svd', done: 1, total })
  for (let i = 0; i < iterations; i++) {
    const z = orthonormalBasis(multiplyTransposed(a, q))
    report({ stage: 'svd', done: 2 + 2 * i, total })
    q = orthonormalBasis(multiply(a, z))
    report({ stage: 'svd', done: 3 + 2 * i, total })
  }

  // Bᵀ = Aᵀ·Q is cols×width: tall, which is the shape ml-matrix's SVD handles directly.
  // Bᵀ = W·Σ·Zᵀ gives B = Z·Σ·Wᵀ, hence A ≈ Q·B = (Q·Z)·Σ·Wᵀ.
  const bt = multiplyTransposed(a, q)
  report({ stage: 'svd', done: total - 1, total })
  const svd = new SingularValueDecomposition(toMatrix(bt), { autoTranspose: true })
  const w = svd.leftSingularVectors
  const z = svd.rightSingularVectors
  const s = Float64Array.from(svd.diagonal.slice(0, rank))

  const u = new Float64Array(a.rows * rank)
  for (let r = 0; r < a.rows; r++) {
    for (let k = 0; k < rank; k++) {
      let sum = 0
      for (let j = 0; j < width; j++) sum += q.data[r * width + j]! * z.get(j, k)
      u[r * rank + k] = sum
    }
  }
  const v = new Float64Array(a.cols * rank)
  for (let c = 0; c < a.cols; c++) {
    for (let k = 0; k < rank; k++) v[c * rank + k] = w.get(c, k)
  }
  fixSigns(u, v, a.rows, a.cols, rank)
  report({ stage: 'svd', done: total, total })
  return {
    rank,
    s,
    u: { rows: a.rows, cols: rank, data: u },
    v: { rows: a.cols, cols: rank, data: v },
  }
}

/** Thin Q of a tall block's QR: an orthonormal basis of its column space. */
export function orthonormalBasis(block: DenseMatrix): DenseMatrix {
  const q = new QrDecomposition(toMatrix(block)).orthogonalMatrix
  return { rows: block.rows, cols: block.cols, data: Float64Array.from(q.to1DArray()) }
}

/** Wraps a row-major block as an ml-matrix Matrix (copies, as ml-matrix keeps rows separately). */
export function toMatrix(block: DenseMatrix): Matrix {
  const m = new Matrix(block.rows, block.cols)
  for (let r = 0; r < block.rows; r++) {
    for (let c = 0; c < block.cols; c++) m.set(r, c, block.data[r * block.cols + c] ?? 0)
  }
  return m
}

/**
 * Singular vectors are defined up to sign; flipping each pair so the largest-magnitude entry of
 * v's column is positive makes results stable across seeds and runtimes.
 */
function fixSigns(
  u: Float64Array,
  v: Float64Array,
  rows: number,
  cols: number,
  rank: number,
): void {
  for (let k = 0; k < rank; k++) {
    let best = 0
    for (let c = 0; c < cols; c++) {
      const value = v[c * rank + k] ?? 0
      if (Math.abs(value) > Math.abs(best)) best = value
    }
    if (best >= 0) continue
    for (let c = 0; c < cols; c++) v[c * rank + k] = -(v[c * rank + k] ?? 0)
    for (let r = 0; r < rows; r++) u[r * rank + k] = -(u[r * rank + k] ?? 0)
  }
}

function emptySvd(a: SparseMatrix): TruncatedSvd {
  return {
    rank: 0,
    s: new Float64Array(0),
    u: { rows: a.rows, cols: 0, data: new Float64Array(0) },
    v: { rows: a.cols, cols: 0, data: new Float64Array(0) },
  }
}
