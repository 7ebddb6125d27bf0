/**
 * Benchmark of the recommendation batch job on the real Online Retail file (all months), when
 * EDGELIFT_RETAIL_CSV points at it (plain or .gz); skipped with a note otherwise, so the suite
 * still runs without the data set.
 *
 * Figures: seconds for the full production `trainModel` (matrix, randomized SVD, per-visitor
 * top-N, similar items, trending), seconds for the randomized SVD alone, and the same matrix
 * through ml-matrix's full dense SVD (singular values only, which flatters the dense side): the
 * speed ratio and the share of the exact top-k spectrum (Σ s_i² over i ≤ k) the randomized SVD
 * captures, which should be ≥ 0.99. The dense SVD of a ~3,400 × 3,700 matrix takes minutes; it
 * runs once.
 */

import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { Matrix, SingularValueDecomposition } from 'ml-matrix'

import { readInteractions } from '../scripts/eval.ts'
import { buildInteractionMatrix } from '../worker/recs/train/interactions.ts'
import { randomizedSvd } from '../worker/recs/train/randomized-svd.ts'
import type { SparseMatrix } from '../worker/recs/train/sparse-matrix.ts'
import {
  DEFAULT_TRAIN_OPTIONS,
  trainModel,
  trainingMatrixOptions,
} from '../worker/recs/train/train.ts'

type Figure = { name: string; value: number; unit: string; note?: string }

const seconds = (since: number): number => Number(((performance.now() - since) / 1000).toFixed(2))

/** Figures for bench/run.ts. */
export async function benchRecs(): Promise<Figure[]> {
  const path = process.env.EDGELIFT_RETAIL_CSV
  if (!path || !existsSync(path)) {
    return [
      {
        name: 'recs trainModel, Online Retail',
        value: Number.NaN,
        unit: 's',
        note: 'skipped: set EDGELIFT_RETAIL_CSV to the Online Retail CSV (.csv or .csv.gz)',
      },
    ]
  }
  const interactions = await readInteractions(path, 'online-retail')

  log(`training on ${interactions.length} purchases`)
  let started = performance.now()
  const model = trainModel(interactions)
  const trainSeconds = seconds(started)
  const { visitors, items, nonZeros, rank } = model.metrics
  const shape = `${visitors} visitors × ${items} items, ${nonZeros} nonzeros, rank ${rank}`

  const matrix = buildInteractionMatrix(interactions, trainingMatrixOptions({}))
  started = performance.now()
  const fast = randomizedSvd(matrix, {
    rank: DEFAULT_TRAIN_OPTIONS.rank,
    oversampling: DEFAULT_TRAIN_OPTIONS.oversampling,
    powerIterations: DEFAULT_TRAIN_OPTIONS.powerIterations,
    seed: DEFAULT_TRAIN_OPTIONS.seed,
  })
  const randomizedSeconds = seconds(started)
  const exact = denseSingularValues(matrix)
  const spectrum = spectrumCaptured(fast.s, exact.values, fast.rank)
  return [
    {
      name: 'recs trainModel, Online Retail 2010-12..2011-08',
      value: trainSeconds,
      unit: 's',
      note: shape,
    },
    { name: `recs randomized SVD, rank ${fast.rank}`, value: randomizedSeconds, unit: 's' },
    {
      name: 'recs ml-matrix full dense SVD, same matrix',
      value: exact.seconds,
      unit: 's',
      note: 'singular values only (no vectors), which favours the dense side',
    },
    {
      name: 'recs randomized SVD speed-up over dense',
      value: Number((exact.seconds / randomizedSeconds).toFixed(1)),
      unit: 'x',
    },
    {
      name: `recs top-${fast.rank} spectrum share captured`,
      value: Number(spectrum.share.toFixed(5)),
      unit: 'share',
      note: `target ≥ 0.99; worst singular value relative error ${spectrum.worst.toExponential(2)}`,
    },
  ]
}

function log(message: string): void {
  process.stderr.write(`  … recs: ${message}\n`)
}

/** The matrix's singular values by ml-matrix's full dense SVD, and the seconds it took. */
function denseSingularValues(matrix: SparseMatrix): { values: number[]; seconds: number } {
  log(`full dense SVD of ${matrix.rows}×${matrix.cols} (minutes, once)`)
  const dense = new Matrix(matrix.rows, matrix.cols)
  for (let r = 0; r < matrix.rows; r++) {
    for (let p = matrix.rowPtr[r] ?? 0; p < (matrix.rowPtr[r + 1] ?? 0); p++) {
      dense.set(r, matrix.colIdx[p] ?? 0, matrix.values[p] ?? 0)
    }
  }
  const started = performance.now()
  const values = new SingularValueDecomposition(dense, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  }).diagonal
  return { values, seconds: seconds(started) }
}

/**
 * The share of the exact top-k spectrum (Σ s_i² over i ≤ k) the randomized values capture, and
 * the worst relative error of a single value.
 */
function spectrumCaptured(
  fast: ArrayLike<number>,
  exact: ArrayLike<number>,
  k: number,
): { share: number; worst: number } {
  let captured = 0
  let total = 0
  let worst = 0
  for (let i = 0; i < k; i++) {
    captured += (fast[i] ?? 0) ** 2
    total += (exact[i] ?? 0) ** 2
    worst = Math.max(worst, Math.abs((fast[i] ?? 0) - (exact[i] ?? 0)) / (exact[i] ?? 1))
  }
  return { share: captured / total, worst }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const figure of await benchRecs()) console.log(JSON.stringify(figure))
}
