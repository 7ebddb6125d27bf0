/**
 * Offline evaluation on a time split: train on the past, rank for each visitor, and check the
 * ranking against what they went on to interact with. The trained model and both baselines see
 * exactly the same training interactions and rank with the same exclusions (anything already
 * in the visitor's training history), so the comparison is fair.
 */

import { firstNotIn, itemKnnScorer, mostPopularBaseline } from './baselines.ts'
import { evaluateRankings } from './ranking-metrics.ts'
import type { RankingCase, RankingMetrics } from './ranking-metrics.ts'
import { buildInteractionMatrix } from '../../../worker/recs/train/interactions.ts'
import { scoreAll } from '../../../worker/recs/model.ts'
import { rowColumns } from '../../../worker/recs/train/sparse-matrix.ts'
import { topN } from '../../../worker/recs/top-n.ts'
import { trainModel, trainingMatrixOptions } from '../../../worker/recs/train/train.ts'
import type { TrainedModel, TrainOptions } from '../../../worker/recs/train/train.ts'
import type { Interaction, ProgressCallback } from '../../../worker/recs/types.ts'
import { DAY_MS } from '../../../shared/durations.ts'

/** Options of `evaluateHoldout`. */
export type HoldoutOptions = {
  /** Cut-off of the ranking metrics. Default 10. */
  k?: number
  train?: TrainOptions
  /** The popularity baseline counts the last `popularityDays` before the split. Default 30. */
  popularityDays?: number
  onProgress?: ProgressCallback
}

/** The JSON the eval CLI prints. */
export type HoldoutReport = {
  k: number
  model: RankingMetrics & { trainSeconds: number }
  popularity: RankingMetrics
  itemKnn: RankingMetrics
}

/** For each training visitor, the distinct test items they had not interacted with in training. */
export function relevantTestItems(
  train: readonly Interaction[],
  test: readonly Interaction[],
): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>()
  for (const { visitorId, itemId } of train) {
    let items = seen.get(visitorId)
    if (!items) seen.set(visitorId, (items = new Set()))
    items.add(itemId)
  }
  const relevant = new Map<string, Set<string>>()
  for (const { visitorId, itemId } of test) {
    const history = seen.get(visitorId)
    if (!history || history.has(itemId)) continue
    let items = relevant.get(visitorId)
    if (!items) relevant.set(visitorId, (items = new Set()))
    items.add(itemId)
  }
  return relevant
}

/**
 * Trains with the production code on `train` and scores the model, the recent-popularity
 * baseline and item-kNN on `test`.
 *
 * @example
 * const report = evaluateHoldout(trainEvents, testEvents, { k: 20 })
 * report.model.recall / report.popularity.recall
 */
export function evaluateHoldout(
  train: readonly Interaction[],
  test: readonly Interaction[],
  options: HoldoutOptions = {},
): HoldoutReport {
  const k = options.k ?? 10
  const trainOptions = { ...options.train, onProgress: options.onProgress }
  const started = Date.now()
  const model = trainModel(train, trainOptions)
  const trainSeconds = (Date.now() - started) / 1000
  const cases = rankingCases(model, train, test, k, trainOptions, options.popularityDays ?? 30)
  const catalog = model.items.length
  return {
    k,
    model: { ...evaluateRankings(cases.model, k, catalog), trainSeconds },
    popularity: evaluateRankings(cases.popularity, k, catalog),
    itemKnn: evaluateRankings(cases.itemKnn, k, catalog),
  }
}

function rankingCases(
  model: TrainedModel,
  train: readonly Interaction[],
  test: readonly Interaction[],
  k: number,
  trainOptions: TrainOptions,
  popularityDays: number,
): Record<'model' | 'popularity' | 'itemKnn', RankingCase<string>[]> {
  const matrix = buildInteractionMatrix(train, trainingMatrixOptions(trainOptions))
  const knn = itemKnnScorer(matrix)
  let split = -Infinity
  for (const { at } of train) if (at > split) split = at
  const popular = mostPopularBaseline(train, split - popularityDays * DAY_MS, split + 1)
  const out: Record<'model' | 'popularity' | 'itemKnn', RankingCase<string>[]> = {
    model: [],
    popularity: [],
    itemKnn: [],
  }
  const ids = (list: { index: number }[]): string[] => list.map((e) => matrix.items[e.index] ?? '')
  for (const [visitorId, relevant] of relevantTestItems(train, test)) {
    const row = matrix.visitorIndex.get(visitorId)
    if (row === undefined) continue
    const history = new Set(rowColumns(matrix, row))
    const historyIds = new Set([...history].map((c) => matrix.items[c] ?? ''))
    const vector = model.visitorFactors.subarray(row * model.rank, (row + 1) * model.rank)
    out.model.push({
      ranked: ids(topN(scoreAll(vector, model.factors, model.rank, model.itemScales), k, history)),
      relevant,
    })
    out.popularity.push({ ranked: firstNotIn(popular, historyIds, k), relevant })
    out.itemKnn.push({ ranked: ids(topN(knn(history), k, history)), relevant })
  }
  return out
}
