/**
 * The batch recommendation job, one entry point for the cron handler, the admin route and the
 * CLI: interactions in, everything the Worker serves out (item factors for online scoring,
 * per-visitor top-N, similar items, trending), plus figures for the status route.
 */

import { buildInteractionMatrix, resolveWeights, transformCell } from './interactions.ts'
import type { InteractionWeights, MatrixOptions } from './interactions.ts'
import { factorModelFromSvd, similarItems, visitorTopN } from './model.ts'
import type { SimilarItems, VisitorRecommendations } from './model.ts'
import { randomizedSvd } from './randomized-svd.ts'
import { frobeniusSquared, nonZeros } from './sparse-matrix.ts'
import { trendingItems } from './trending.ts'
import type { TrendingOptions } from './trending.ts'
import { INTERACTION_TYPES } from './types.ts'
import type { Interaction, ProgressCallback, ScoredItem } from './types.ts'

/**
 * Tuned defaults. Chosen on a validation split inside the training period of the Online Retail
 * data (train 2010-12..2011-04, validate 2011-05..06; see scripts/eval-online-retail.ts), never
 * on the test months.
 */
export const DEFAULT_TRAIN_OPTIONS = {
  rank: 48,
  halfLifeDays: 0,
  transform: 'log1p',
  rowNormExponent: 0,
  oversampling: 10,
  powerIterations: 3,
  seed: 1,
  topN: 50,
  similarN: 20,
} as const

/** Options of `trainModel`; every field has a default. */
export type TrainOptions = MatrixOptions & {
  /** Number of latent factors. */
  rank?: number
  oversampling?: number
  powerIterations?: number
  seed?: number
  /** Length of each visitor's precomputed list. */
  topN?: number
  /** Length of each item's similar-items list. */
  similarN?: number
  trending?: TrendingOptions
  /** Training time (epoch ms), used for the version; defaults to `Date.now()`. */
  now?: number
  onProgress?: ProgressCallback
}

/** Figures for logs and `GET /v1/admin/recs/status`. */
export type TrainMetrics = {
  interactions: number
  ignored: number
  visitors: number
  items: number
  nonZeros: number
  rank: number
  /** Share of ‖A‖²_F the rank-k factorisation captures (Σ s² / ‖A‖²_F). */
  capturedEnergy: number
  trainMs: number
}

/** Everything the Worker stores after a training run. */
export type TrainedModel = {
  version: string
  trainedAt: number
  rank: number
  /** Item ids in factor order. */
  items: string[]
  /** Item factors Q = V·√S, items × rank, row-major. */
  factors: Float32Array
  visitors: string[]
  /** Visitor factors P = U·√S, the starting point of each known visitor's fold-in. */
  visitorFactors: Float32Array
  visitorTopN: VisitorRecommendations[]
  similar: SimilarItems[]
  trending: ScoredItem[]
  /** Fold-in target per interaction type, on the same scale as the training matrix's cells. */
  foldInTargets: InteractionWeights
  metrics: TrainMetrics
}

/**
 * Trains the recommendation model.
 *
 * @example
 * const model = trainModel(events, { rank: 48, onProgress: (p) => console.log(p.stage, p.done) })
 */
export function trainModel(
  interactions: readonly Interaction[],
  options: TrainOptions = {},
): TrainedModel {
  const started = Date.now()
  const trainedAt = options.now ?? started
  const report = options.onProgress ?? (() => {})
  const matrixOptions = trainingMatrixOptions(options)
  const transform = matrixOptions.transform ?? 'log1p'
  report({ stage: 'matrix', done: 0, total: interactions.length })
  const matrix = buildInteractionMatrix(interactions, matrixOptions)
  report({ stage: 'matrix', done: interactions.length, total: interactions.length })

  const svd = randomizedSvd(matrix, {
    rank: options.rank ?? DEFAULT_TRAIN_OPTIONS.rank,
    oversampling: options.oversampling ?? DEFAULT_TRAIN_OPTIONS.oversampling,
    powerIterations: options.powerIterations ?? DEFAULT_TRAIN_OPTIONS.powerIterations,
    seed: options.seed ?? DEFAULT_TRAIN_OPTIONS.seed,
    onProgress: report,
  })
  const model = factorModelFromSvd(svd, matrix.visitors, matrix.items)

  const purchased = purchasedByRow(interactions, matrix.visitorIndex, matrix.itemIndex)
  const visitorLists = visitorTopN(
    model,
    options.topN ?? DEFAULT_TRAIN_OPTIONS.topN,
    (row) => purchased.get(row),
    report,
  )
  const similar = similarItems(model, options.similarN ?? DEFAULT_TRAIN_OPTIONS.similarN, report)
  const trending = trendingItems(interactions, {
    weights: options.weights,
    ...options.trending,
  })

  const weights = resolveWeights(options.weights)
  const rowScale = median(matrix.rowScales)
  const foldInTargets = { ...weights }
  for (const type of INTERACTION_TYPES) {
    foldInTargets[type] = transformCell(weights[type], transform) * rowScale
  }
  const energy = frobeniusSquared(matrix)
  let captured = 0
  for (const s of svd.s) captured += s * s
  report({ stage: 'done', done: 1, total: 1 })
  return {
    version: `svd-${trainedAt.toString(36)}-r${svd.rank}`,
    trainedAt,
    rank: svd.rank,
    items: matrix.items,
    factors: model.itemFactors,
    visitors: matrix.visitors,
    visitorFactors: model.visitorFactors,
    visitorTopN: visitorLists,
    similar,
    trending,
    foldInTargets,
    metrics: {
      interactions: matrix.used,
      ignored: matrix.ignored,
      visitors: matrix.rows,
      items: matrix.cols,
      nonZeros: nonZeros(matrix),
      rank: svd.rank,
      capturedEnergy: energy > 0 ? captured / energy : 0,
      trainMs: Date.now() - started,
    },
  }
}

/** The matrix options `trainModel` uses, defaults filled in (baselines reuse the same matrix). */
export function trainingMatrixOptions(options: TrainOptions): MatrixOptions {
  return {
    weights: options.weights,
    halfLifeDays: options.halfLifeDays ?? DEFAULT_TRAIN_OPTIONS.halfLifeDays,
    referenceTime: options.referenceTime ?? options.now,
    transform: options.transform ?? DEFAULT_TRAIN_OPTIONS.transform,
    rowNormExponent: options.rowNormExponent ?? DEFAULT_TRAIN_OPTIONS.rowNormExponent,
    columnNormExponent: options.columnNormExponent,
  }
}

/** Each visitor row's purchased item columns: never recommended back in the personal slot. */
export function purchasedByRow(
  interactions: readonly Interaction[],
  visitorIndex: ReadonlyMap<string, number>,
  itemIndex: ReadonlyMap<string, number>,
): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>()
  for (const { type, visitorId, itemId } of interactions) {
    if (type !== 'purchase') continue
    const row = visitorIndex.get(visitorId)
    const col = itemIndex.get(itemId)
    if (row === undefined || col === undefined) continue
    let set = out.get(row)
    if (!set) out.set(row, (set = new Set()))
    set.add(col)
  }
  return out
}

function median(values: Float64Array): number {
  if (values.length === 0) return 1
  const sorted = Float64Array.from(values).sort()
  return sorted[sorted.length >> 1] ?? 1
}
