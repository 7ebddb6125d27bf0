/**
 * The recommendation quality check on the real Online Retail data: trains on the months before
 * `--split`, tests on purchases of items each customer had not bought before, and prints one
 * JSON object with the figures the targets are stated in:
 * - personal recall@k against the 30-day popularity baseline (ratio) and item-kNN;
 * - online fold-in: recall@k on the rest of each test customer's purchases after folding in their
 *   first `--first` ones, against the trending list.
 *
 *   node scripts/eval-online-retail.ts --input online-retail.csv[.gz] [--split 2011-07-01]
 *     [--until 2011-09-01] [--k 20] [--first 5] [--tune]
 *
 * `--tune` first grid-searches the training options on two validation folds carved out of the
 * training months only (the two months before the split, and the two before those), so the
 * test months never influence a choice; without it the production defaults are used.
 */

import { cpus } from 'node:os'
import { parseArgs } from 'node:util'

import { parseTimestamp } from '../worker/import/timestamps.ts'
import { evaluateHoldout } from './eval/recs/holdout.ts'
import { evaluateFoldIn } from './eval/recs/holdout-fold-in.ts'
import type { FoldInOptions } from '../worker/recs/serve/fold-in.ts'
import { DEFAULT_TRAIN_OPTIONS, trainModel } from '../worker/recs/train/train.ts'
import type { TrainOptions } from '../worker/recs/train/train.ts'
import type { Interaction } from '../worker/recs/types.ts'
import { readInteractions } from './eval.ts'
import { DAY_MS } from '../shared/durations.ts'

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    split: { type: 'string', default: '2011-07-01' },
    until: { type: 'string', default: '2011-09-01' },
    k: { type: 'string', default: '20' },
    first: { type: 'string', default: '5' },
    tune: { type: 'boolean', default: false },
  },
})
if (!values.input) {
  process.stderr.write(
    'usage: node scripts/eval-online-retail.ts --input FILE [--split D] [--tune]\n',
  )
  process.exit(2)
}
const split = parseTimestamp(values.split) ?? Number.NaN
const until = parseTimestamp(values.until) ?? Number.NaN
const k = Number(values.k)
const firstN = Number(values.first)
const round = (x: number): number => Math.round(x * 10000) / 10000

const all = await readInteractions(values.input, 'online-retail')
const train = all.filter((e) => e.at < split)
const test = all.filter((e) => e.at >= split && e.at < until)

/** Train/validation folds inside the training months: [.., cut) against [cut, end). */
function folds(): { train: Interaction[]; test: Interaction[] }[] {
  return [2, 4].map((monthsBack) => {
    const end = split - (monthsBack - 2) * 30.5 * DAY_MS
    const cut = end - 61 * DAY_MS
    return {
      train: train.filter((e) => e.at < cut),
      test: train.filter((e) => e.at >= cut && e.at < end),
    }
  })
}

function tune(): { options: TrainOptions; foldIn: FoldInOptions } {
  const grid: TrainOptions[] = []
  // Exposure compensation on the matrix's columns, on the items' scores, or on neither.
  const exposures = [
    [0, 0],
    [0.5, 0],
    [0.75, 0],
    [0, 0.5],
    [0, 0.75],
    [0, 1],
  ]
  for (const rank of [128, 200])
    for (const halfLifeDays of [30, 60])
      for (const [exposureExponent, scoreExposureExponent] of exposures) {
        grid.push({
          rank,
          halfLifeDays,
          exposureExponent,
          scoreExposureExponent,
          rowNormExponent: 0.5,
        })
      }
  const validation = folds()
  let best = { options: grid[0] ?? {}, recall: -1 }
  for (const options of grid) {
    const recalls = validation.map(
      (fold) =>
        evaluateHoldout(fold.train, fold.test, { k, train: { ...options, topN: 0, similarN: 0 } })
          .model.recall,
    )
    const recall = recalls.reduce((a, b) => a + b, 0) / recalls.length
    process.stderr.write(`tune ${JSON.stringify(options)} recall@${k} ${recalls.map(round)}\n`)
    if (recall > best.recall) best = { options, recall }
  }
  let bestFoldIn = { options: {} as FoldInOptions, recall: -1 }
  const models = validation.map((fold) =>
    trainModel(fold.train, { ...best.options, topN: 0, similarN: 0 }),
  )
  for (const steps of [1, 3, 5])
    for (const l2 of [0.02, 0.05, 0.2]) {
      const options = { steps, l2 }
      const recalls = validation.map(
        (fold, i) =>
          evaluateFoldIn(models[i] ?? trainModel(fold.train), fold.train, fold.test, {
            k,
            firstN,
            foldIn: options,
          }).foldIn.recall,
      )
      const recall = recalls.reduce((a, b) => a + b, 0) / recalls.length
      process.stderr.write(
        `tune fold-in ${JSON.stringify(options)} recall@${k} ${recalls.map(round)}\n`,
      )
      if (recall > bestFoldIn.recall) bestFoldIn = { options, recall }
    }
  return { options: best.options, foldIn: bestFoldIn.options }
}

const chosen = values.tune ? tune() : { options: {}, foldIn: {} }
const started = Date.now()
const holdout = evaluateHoldout(train, test, { k, train: chosen.options })
const model = trainModel(train, chosen.options)
const foldIn = evaluateFoldIn(model, train, test, { k, firstN, foldIn: chosen.foldIn })
const metrics = (m: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(m).map(([key, x]) => [key, round(x)]))

process.stdout.write(
  `${JSON.stringify(
    {
      data: {
        trainInteractions: train.length,
        testInteractions: test.length,
        split: values.split,
        until: values.until,
        visitors: model.metrics.visitors,
        items: model.metrics.items,
      },
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
      options: { ...DEFAULT_TRAIN_OPTIONS, ...chosen.options, foldIn: chosen.foldIn },
      personal: {
        k,
        model: metrics(holdout.model),
        popularity30d: metrics(holdout.popularity),
        itemKnn: metrics(holdout.itemKnn),
        recallVsPopularity: round(holdout.model.recall / holdout.popularity.recall),
        recallVsItemKnn: round(holdout.model.recall / holdout.itemKnn.recall),
        targets: {
          atLeast1_8xPopularity: holdout.model.recall >= 1.8 * holdout.popularity.recall,
          atLeastItemKnn: holdout.model.recall >= holdout.itemKnn.recall,
        },
      },
      foldIn: {
        k,
        firstN,
        users: foldIn.users,
        afterFoldIn: metrics(foldIn.foldIn),
        trending: metrics(foldIn.trending),
        withoutFoldIn: metrics(foldIn.withoutFoldIn),
        recallByGroup: foldIn.recall,
        skippedSteps: foldIn.skippedSteps,
        targets: { aboveTrending: foldIn.foldIn.recall > foldIn.trending.recall },
      },
      seconds: round((Date.now() - started) / 1000),
    },
    null,
    2,
  )}\n`,
)
