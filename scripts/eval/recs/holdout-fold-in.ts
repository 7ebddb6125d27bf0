/**
 * Offline check of online fold-in: replay each test visitor's first purchases through
 * `foldInVisitor`, then rank for the rest of their test period. Compared with the trending list
 * (what a visitor the model cannot personalise gets) and with serving without online updates
 * (the precomputed vector for known visitors, trending for new ones), under identical exclusions.
 */

import { evaluateRankings } from './ranking-metrics.ts'
import type { RankingCase, RankingMetrics } from './ranking-metrics.ts'
import { foldInVisitor, scoreItems, startVector } from '../../../worker/recs/serve/fold-in.ts'
import type { FoldInOptions } from '../../../worker/recs/serve/fold-in.ts'
import { firstNotIn } from './baselines.ts'
import type { TrainedModel } from '../../../worker/recs/train/train.ts'
import { trendingItems } from '../../../worker/recs/trending.ts'
import type { TrendingOptions } from '../../../worker/recs/trending.ts'
import type { Interaction } from '../../../worker/recs/types.ts'

/** Options of `evaluateFoldIn`. */
export type FoldInHoldoutOptions = {
  /** Cut-off of the ranking metrics. Default 20. */
  k?: number
  /** How many first test purchases are folded in before ranking. Default 5. */
  firstN?: number
  foldIn?: FoldInOptions
  /** The trending list compared against; defaults to the production settings. */
  trending?: TrendingOptions
}

/** Metrics per strategy, for all evaluated visitors and split by whether training knew them. */
export type FoldInHoldoutReport = {
  k: number
  firstN: number
  users: { all: number; known: number; new: number }
  foldIn: RankingMetrics
  trending: RankingMetrics
  withoutFoldIn: RankingMetrics
  recall: Record<'known' | 'new', { foldIn: number; trending: number; withoutFoldIn: number }>
  /** Fold-in steps left out: items unknown to the model or non-finite updates. */
  skippedSteps: number
}

type Strategy = 'foldIn' | 'trending' | 'withoutFoldIn'

/**
 * Evaluates online fold-in on the visitors of `test` with more than `firstN` new items.
 *
 * @example
 * const model = trainModel(train)
 * evaluateFoldIn(model, train, test, { k: 20, firstN: 5 }).recall
 */
export function evaluateFoldIn(
  model: TrainedModel,
  train: readonly Interaction[],
  test: readonly Interaction[],
  options: FoldInHoldoutOptions = {},
): FoldInHoldoutReport {
  const k = options.k ?? 20
  const firstN = options.firstN ?? 5
  let latest = -Infinity
  for (const { at } of train) if (at > latest) latest = at
  const trending = trendingItems(train, { now: latest, ...options.trending, n: Infinity })
  const history = itemsPerVisitor(train)
  const replay: Replay = {
    model,
    k,
    firstN,
    foldIn: options.foldIn,
    itemIndex: new Map(model.items.map((id, c) => [id, c])),
    trendingIds: trending.map((t) => t.itemId),
  }
  const visitorIndex = new Map(model.visitors.map((id, r) => [id, r]))
  const cases = { known: emptyCases(), new: emptyCases() }
  let skippedSteps = 0
  for (const [visitorId, sequence] of newPurchaseSequences(test, history)) {
    if (sequence.length <= firstN) continue
    const row = visitorIndex.get(visitorId)
    const group = row === undefined ? cases.new : cases.known
    skippedSteps += replayVisitor(replay, row, sequence, history.get(visitorId), group)
  }
  return report(cases, k, firstN, model.items.length, skippedSteps)
}

type Cases = Record<Strategy, RankingCase<string>[]>

/** What every visitor's replay shares. */
type Replay = {
  model: TrainedModel
  k: number
  firstN: number
  foldIn?: FoldInOptions
  itemIndex: Map<string, number>
  trendingIds: string[]
}

/** The items each visitor interacted with in training. */
function itemsPerVisitor(train: readonly Interaction[]): Map<string, Set<string>> {
  const history = new Map<string, Set<string>>()
  for (const { visitorId, itemId } of train) {
    let seen = history.get(visitorId)
    if (!seen) history.set(visitorId, (seen = new Set()))
    seen.add(itemId)
  }
  return history
}

/** Each visitor's test purchases of items new to them, distinct, in time order. */
function newPurchaseSequences(
  test: readonly Interaction[],
  history: Map<string, Set<string>>,
): Map<string, string[]> {
  const sequences = new Map<string, string[]>()
  for (const e of [...test].sort((a, b) => a.at - b.at)) {
    if (e.type !== 'purchase' || history.get(e.visitorId)?.has(e.itemId)) continue
    let sequence = sequences.get(e.visitorId)
    if (!sequence) sequences.set(e.visitorId, (sequence = []))
    if (!sequence.includes(e.itemId)) sequence.push(e.itemId)
  }
  return sequences
}

/**
 * Folds a visitor's first purchases in and adds the three strategies' rankings of the rest to
 * `group`; returns the steps skipped.
 */
function replayVisitor(
  replay: Replay,
  row: number | undefined,
  sequence: string[],
  history: Set<string> | undefined,
  group: Cases,
): number {
  const { model, k, firstN, itemIndex } = replay
  const { rank, factors, items } = model
  // A known visitor starts from their trained vector, a new one from zeros (as in serving).
  const before =
    row === undefined ? undefined : model.visitorFactors.subarray(row * rank, (row + 1) * rank)
  let vector = before ? Float32Array.from(before) : startVector(rank)
  let skipped = 0
  for (const itemId of sequence.slice(0, firstN)) {
    const step = { itemIndex: itemIndex.get(itemId) ?? -1, weight: model.foldInTargets.purchase }
    const result = foldInVisitor(vector, factors, rank, step, replay.foldIn)
    if (!result.updated) skipped++
    vector = result.vector
  }
  const excludedIds = new Set([...(history ?? []), ...sequence.slice(0, firstN)])
  const excluded = new Set<number>()
  for (const id of excludedIds) {
    const c = itemIndex.get(id)
    if (c !== undefined) excluded.add(c)
  }
  const relevant = new Set(sequence.slice(firstN))
  const ids = (vec: ArrayLike<number>): string[] =>
    scoreItems(vec, model, excluded, k).map((s) => items[s.index] ?? '')
  const popular = firstNotIn(replay.trendingIds, excludedIds, k)
  group.foldIn.push({ ranked: ids(vector), relevant })
  group.trending.push({ ranked: popular, relevant })
  group.withoutFoldIn.push({ ranked: before ? ids(before) : popular, relevant })
  return skipped
}

function report(
  cases: Record<'known' | 'new', Cases>,
  k: number,
  firstN: number,
  catalog: number,
  skippedSteps: number,
): FoldInHoldoutReport {
  const metrics = (strategy: Strategy): RankingMetrics =>
    evaluateRankings([...cases.known[strategy], ...cases.new[strategy]], k, catalog)
  const recalls = (group: Cases) => ({
    foldIn: evaluateRankings(group.foldIn, k, catalog).recall,
    trending: evaluateRankings(group.trending, k, catalog).recall,
    withoutFoldIn: evaluateRankings(group.withoutFoldIn, k, catalog).recall,
  })
  return {
    k,
    firstN,
    users: {
      all: cases.known.foldIn.length + cases.new.foldIn.length,
      known: cases.known.foldIn.length,
      new: cases.new.foldIn.length,
    },
    foldIn: metrics('foldIn'),
    trending: metrics('trending'),
    withoutFoldIn: metrics('withoutFoldIn'),
    recall: { known: recalls(cases.known), new: recalls(cases.new) },
    skippedSteps,
  }
}

function emptyCases(): Cases {
  return { foldIn: [], trending: [], withoutFoldIn: [] }
}
