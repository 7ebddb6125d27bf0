import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import { describe, expect, it } from 'vitest'

import { gaussian, mulberry32 } from '../../../worker/recs/prng.ts'
import { randomizedSvd } from '../../../worker/recs/train/randomized-svd.ts'
import {
  fromDense,
  multiply,
  multiplyTransposed,
  toDense,
} from '../../../worker/recs/train/sparse-matrix.ts'
import type { DenseMatrix, SparseMatrix } from '../../../worker/recs/train/sparse-matrix.ts'
import reference from './fixtures/svd-reference.json' with { type: 'json' }

/** A rows×cols sparse matrix with a few planted clusters, integer counts and ~85% zeros. */
function clusteredMatrix(rows: number, cols: number, seed: number): SparseMatrix {
  const uniform = mulberry32(seed)
  const data = new Float64Array(rows * cols)
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const sameCluster = r % 4 === c % 4
      if (uniform() < (sameCluster ? 0.45 : 0.04))
        data[r * cols + c] = 1 + Math.floor(3 * uniform())
    }
  }
  return fromDense(rows, cols, data)
}

function denseSingularValues(a: SparseMatrix): number[] {
  const dense = toDense(a)
  const m = new Matrix(a.rows, a.cols)
  for (let r = 0; r < a.rows; r++) {
    for (let c = 0; c < a.cols; c++) m.set(r, c, dense.data[r * a.cols + c] ?? 0)
  }
  return new SingularValueDecomposition(m, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  }).diagonal
}

const sumOfSquares = (values: ArrayLike<number>, k: number): number =>
  Array.from(values)
    .slice(0, k)
    .reduce((sum, s) => sum + s * s, 0)

function column(m: DenseMatrix, k: number): number[] {
  return Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + k] ?? 0)
}

describe('randomizedSvd', () => {
  it('matches numpy singular values on the reference matrix', () => {
    const a = fromDense(reference.rows, reference.cols, reference.data.flat())
    const { s } = randomizedSvd(a, { rank: 4, seed: 3 })
    reference.singularValues.slice(0, 4).forEach((expected, k) => {
      expect(s[k]).toBeCloseTo(expected, 6)
    })
  })

  it('agrees with ml-matrix full dense SVD on a 120×90 sparse matrix', () => {
    const a = clusteredMatrix(120, 90, 11)
    const exact = denseSingularValues(a)
    const k = 10
    const { s } = randomizedSvd(a, { rank: k, oversampling: 10, powerIterations: 3, seed: 5 })
    const relativeError = (i: number): number =>
      Math.abs((s[i] ?? 0) - (exact[i] ?? 0)) / (exact[i] ?? 1)
    for (let i = 0; i < 4; i++) expect(relativeError(i)).toBeLessThan(1e-4)
    for (let i = 0; i < k; i++) expect(relativeError(i)).toBeLessThan(0.02)
    expect(sumOfSquares(s, k) / sumOfSquares(exact, k)).toBeGreaterThanOrEqual(0.99)
  })

  it('returns orthonormal singular vectors with Uᵀ·A·V = diag(s)', () => {
    const a = clusteredMatrix(60, 45, 2)
    const { s, u, v } = randomizedSvd(a, { rank: 6, seed: 1 })
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        const dotU = column(u, i).reduce((sum, x, r) => sum + x * (column(u, j)[r] ?? 0), 0)
        const dotV = column(v, i).reduce((sum, x, r) => sum + x * (column(v, j)[r] ?? 0), 0)
        // U is stored in single precision (one row per visitor is the largest block): 7 digits.
        expect(dotU).toBeCloseTo(i === j ? 1 : 0, 6)
        expect(dotV).toBeCloseTo(i === j ? 1 : 0, 8)
      }
    }
    // Rayleigh-Ritz: the projected matrix is diagonal exactly, whatever the sketch captured.
    const av = multiply(a, v)
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        const entry = column(u, i).reduce((sum, x, r) => sum + x * (av.data[r * 6 + j] ?? 0), 0)
        expect(entry).toBeCloseTo(i === j ? (s[i] ?? 0) : 0, 5)
      }
    }
  })

  it('is reproducible for a seed', () => {
    const a = clusteredMatrix(50, 40, 9)
    const first = randomizedSvd(a, { rank: 5, seed: 42 })
    const second = randomizedSvd(a, { rank: 5, seed: 42 })
    expect(Array.from(second.s)).toEqual(Array.from(first.s))
    expect(Array.from(second.v.data)).toEqual(Array.from(first.v.data))
  })

  it('clips the rank to the matrix and handles an empty one', () => {
    const tiny = fromDense(3, 2, [1, 0, 0, 2, 1, 1])
    const { rank, s } = randomizedSvd(tiny, { rank: 10 })
    expect(rank).toBe(2)
    expect(Array.from(s)).toEqual(denseSingularValues(tiny).map((x) => expect.closeTo(x, 10)))
    expect(randomizedSvd(fromDense(0, 0, []), { rank: 3 }).rank).toBe(0)
  })

  it('reports progress up to completion', () => {
    const seen: number[] = []
    randomizedSvd(clusteredMatrix(30, 20, 1), {
      rank: 3,
      powerIterations: 2,
      onProgress: (p) => seen.push(p.done / p.total),
    })
    expect(seen.at(-1)).toBe(1)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })
})

describe('sparse products', () => {
  it('compute A·X and Aᵀ·X like dense multiplication', () => {
    const a = clusteredMatrix(7, 5, 4)
    const dense = toDense(a)
    const normal = gaussian(8)
    const x = { rows: 5, cols: 3, data: Float64Array.from({ length: 15 }, normal) }
    const y = { rows: 7, cols: 3, data: Float64Array.from({ length: 21 }, normal) }
    const ax = multiply(a, x)
    const aty = multiplyTransposed(a, y)
    for (let r = 0; r < 7; r++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0
        for (let c = 0; c < 5; c++) sum += (dense.data[r * 5 + c] ?? 0) * (x.data[c * 3 + j] ?? 0)
        expect(ax.data[r * 3 + j]).toBeCloseTo(sum, 12)
      }
    }
    for (let c = 0; c < 5; c++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0
        for (let r = 0; r < 7; r++) sum += (dense.data[r * 5 + c] ?? 0) * (y.data[r * 3 + j] ?? 0)
        expect(aty.data[c * 3 + j]).toBeCloseTo(sum, 12)
      }
    }
  })

  it('refuses mismatched shapes', () => {
    const a = fromDense(2, 2, [1, 0, 0, 1])
    expect(() => multiply(a, { rows: 3, cols: 1, data: new Float64Array(3) })).toThrow(RangeError)
  })
})

describe('prng', () => {
  it('repeats a seed and stays in [0, 1)', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    for (let i = 0; i < 1000; i++) {
      const x = a()
      expect(x).toBe(b())
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
  })

  it('draws standard normals', () => {
    const normal = gaussian(123)
    const n = 20000
    let sum = 0
    let squares = 0
    for (let i = 0; i < n; i++) {
      const x = normal()
      sum += x
      squares += x * x
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03)
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.04)
  })
})
