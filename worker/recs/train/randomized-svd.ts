/**
 * Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson & Tropp
 * 2011, "Finding structure with randomness", algorithms 4.4 and 5.1), run on the column side.
 *
 * A Gaussian sketch Ω of the columns is multiplied by (Aᵀ·A)^(q+1), re-orthonormalised after every
 * product so the basis does not collapse onto the top singular vector in floating point; that is
 * the row space Halko's power scheme finds with q power iterations. Each Aᵀ·A·Z is streamed one
 * row of A at a time (t = A_r·Z, then out += A_rᵀ·t), so no dense block over the visitors is ever
 * held: memory is O(nnz + cols·l) for the sketch, plus the visitors' factors the result needs.
 * Rayleigh-Ritz on the basis Z (eigenvectors of the small Zᵀ·Aᵀ·A·Z) gives V and s, and
 * U = A·V·S⁻¹ row by row, stored in single precision. Cost: O(nnz · l · (2q + 5) + cols · l²).
 */

import { EigenvalueDecomposition, Matrix } from 'ml-matrix'

import { gaussian } from '../prng.ts'
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
 * row r of `u` is visitor r's coordinates and row c of `v` is item c's. `s` is descending. `u` is
 * single precision: it is the largest block (one row per visitor) and feeds Float32 factors.
 */
export type TruncatedSvd = {
  rank: number
  s: Float64Array
  u: { rows: number; cols: number; data: Float32Array }
  v: DenseMatrix & { data: Float64Array }
}

/**
 * Computes the truncated SVD of `a` by randomized subspace iteration.
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
  const total = iterations + 4

  const normal = gaussian(options.seed ?? 1)
  const basis = new Float64Array(a.cols * width)
  for (let i = 0; i < basis.length; i++) basis[i] = normal()
  const product = new Float64Array(a.cols * width)
  for (let i = 0; i <= iterations; i++) {
    gramProduct(a, basis, width, product)
    orthonormalizeColumns(product, a.cols, width)
    basis.set(product)
    report({ stage: 'svd', done: i + 1, total })
  }

  // Rayleigh-Ritz: Zᵀ·Aᵀ·A·Z = W·Λ·Wᵀ gives V = Z·W and s = √λ, the best rank-k within span Z.
  gramProduct(a, basis, width, product)
  const ritz = ritzPairs(basis, product, a.cols, width, rank)
  report({ stage: 'svd', done: total - 2, total })
  const v = new Float64Array(a.cols * rank)
  for (let c = 0; c < a.cols; c++) {
    for (let k = 0; k < rank; k++) {
      let sum = 0
      for (let j = 0; j < width; j++)
        sum += basis[c * width + j]! * ritz.vectors.get(j, ritz.order[k] ?? 0)
      v[c * rank + k] = sum
    }
  }
  const u = leftVectors(a, v, ritz.s, rank)
  report({ stage: 'svd', done: total - 1, total })
  fixSigns(u, v, a.rows, a.cols, rank)
  report({ stage: 'svd', done: total, total })
  return {
    rank,
    s: ritz.s,
    u: { rows: a.rows, cols: rank, data: u },
    v: { rows: a.cols, cols: rank, data: v },
  }
}

/** out = Aᵀ·A·Z for Z (cols×width, row-major), one row of A at a time. */
function gramProduct(a: SparseMatrix, z: Float64Array, width: number, out: Float64Array): void {
  out.fill(0)
  const t = new Float64Array(width)
  for (let r = 0; r < a.rows; r++) {
    const start = a.rowPtr[r] ?? 0
    const end = a.rowPtr[r + 1] ?? 0
    if (start === end) continue
    t.fill(0)
    for (let p = start; p < end; p++) {
      const value = a.values[p]!
      const base = a.colIdx[p]! * width
      for (let j = 0; j < width; j++) t[j]! += value * z[base + j]!
    }
    for (let p = start; p < end; p++) {
      const value = a.values[p]!
      const base = a.colIdx[p]! * width
      for (let j = 0; j < width; j++) out[base + j]! += value * t[j]!
    }
  }
}

/** The eigenpairs of the symmetric Zᵀ·(Aᵀ·A·Z), largest first, as singular values of A. */
function ritzPairs(z: Float64Array, product: Float64Array, n: number, width: number, rank: number) {
  const gram = new Matrix(width, width)
  for (let i = 0; i < width; i++) {
    for (let j = i; j < width; j++) {
      let sum = 0
      for (let c = 0; c < n; c++) sum += z[c * width + i]! * product[c * width + j]!
      let other = 0
      for (let c = 0; c < n; c++) other += z[c * width + j]! * product[c * width + i]!
      gram.set(i, j, (sum + other) / 2)
      gram.set(j, i, (sum + other) / 2)
    }
  }
  const eig = new EigenvalueDecomposition(gram, { assumeSymmetric: true })
  const values = eig.realEigenvalues
  const order = values.map((_, i) => i).sort((x, y) => (values[y] ?? 0) - (values[x] ?? 0))
  const s = Float64Array.from(order.slice(0, rank), (i) => Math.sqrt(Math.max(0, values[i] ?? 0)))
  return { vectors: eig.eigenvectorMatrix, order, s }
}

/** U = A·V·S⁻¹, row by row; a direction with no singular value left has a zero column. */
function leftVectors(a: SparseMatrix, v: Float64Array, s: Float64Array, rank: number) {
  const u = new Float32Array(a.rows * rank)
  const floor = (s[0] ?? 0) * 1e-10
  const inverse = Float64Array.from(s, (x) => (x > floor ? 1 / x : 0))
  const row = new Float64Array(rank)
  for (let r = 0; r < a.rows; r++) {
    row.fill(0)
    for (let p = a.rowPtr[r] ?? 0; p < (a.rowPtr[r + 1] ?? 0); p++) {
      const value = a.values[p]!
      const base = a.colIdx[p]! * rank
      for (let k = 0; k < rank; k++) row[k]! += value * v[base + k]!
    }
    for (let k = 0; k < rank; k++) u[r * rank + k] = row[k]! * inverse[k]!
  }
  return u
}

/**
 * Orthonormalises the columns of a row-major n×w block in place by classical Gram-Schmidt run
 * twice per column ("twice is enough", Giraud et al. 2005), which is orthogonal to working
 * precision and reads each row contiguously. A column that lies in the span of the earlier ones
 * becomes zero.
 */
export function orthonormalizeColumns(y: Float64Array, n: number, w: number): void {
  const coefficients = new Float64Array(w)
  for (let j = 0; j < w; j++) {
    let before = 0
    for (let r = 0; r < n; r++) before += y[r * w + j]! ** 2
    for (let pass = 0; pass < 2 && j > 0; pass++) {
      coefficients.fill(0)
      for (let r = 0; r < n; r++) {
        const yj = y[r * w + j]!
        for (let i = 0; i < j; i++) coefficients[i]! += y[r * w + i]! * yj
      }
      for (let r = 0; r < n; r++) {
        let sum = 0
        for (let i = 0; i < j; i++) sum += y[r * w + i]! * coefficients[i]!
        y[r * w + j]! -= sum
      }
    }
    let norm = 0
    for (let r = 0; r < n; r++) norm += y[r * w + j]! ** 2
    const scale = norm > before * 1e-24 && norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let r = 0; r < n; r++) y[r * w + j]! *= scale
  }
}

/**
 * Singular vectors are defined up to sign; flipping each pair so the largest-magnitude entry of
 * v's column is positive makes results stable across seeds and runtimes.
 */
function fixSigns(
  u: Float32Array,
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
    u: { rows: a.rows, cols: 0, data: new Float32Array(0) },
    v: { rows: a.cols, cols: 0, data: new Float64Array(0) },
  }
}
