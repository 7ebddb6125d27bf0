/**
 * The report of `npm run eval:intent`: the model (the settings `npm run train:intent` uses),
 * optionally its online layer streamed over the test sessions, and the mljs baselines, each
 * scored on the test sessions.
 */
import { featureVector } from '../../worker/intent/features.ts'
import { forecastQuality, type ForecastQuality } from '../../worker/intent/metrics.ts'
import { intentSgdOptions } from '../../worker/intent/online-config.ts'
import type { LabelledSession } from '../../worker/intent/online-shoppers-csv.ts'
import { compileIntentModel, scoreIntent } from '../../worker/intent/score.ts'
import { trainIntentModel } from '../../worker/intent/train-intent.ts'
import { DECISION_TREE, decisionTreeBaseline, logisticBaseline } from './intent-baselines.ts'
import { streamOnline } from './intent-evaluation.ts'

export type IntentReport = {
  test: number
  model: ForecastQuality
  online?: ForecastQuality
  baselines: { logistic: ForecastQuality; decisionTree: ForecastQuality }
}

const round = (q: ForecastQuality): ForecastQuality => ({
  auc: Number(q.auc.toFixed(4)),
  ap: Number(q.ap.toFixed(4)),
  logloss: Number(q.logloss.toFixed(4)),
  brier: Number(q.brier.toFixed(4)),
})

export function intentReport(
  train: LabelledSession[],
  test: LabelledSession[],
  options: { online: boolean; log?: (message: string) => void },
): IntentReport {
  const log = options.log ?? (() => {})
  const y = test.map((r) => r.bought)
  log(`training on ${train.length} sessions, testing on ${test.length}`)
  const model = trainIntentModel(train, {
    kind: 'starter',
    source: 'eval:intent',
    trainedAt: new Date().toISOString(),
  })
  const scorer = compileIntentModel(model)
  const frozen = test.map((r) => scoreIntent(scorer, featureVector(r.session)).probability)
  let online: ForecastQuality | undefined
  if (options.online) {
    const streamed = streamOnline(scorer.ensemble, model.online, test, intentSgdOptions({}))
    if (streamed.skipped > 0) log(`online layer: ${streamed.skipped} non-finite step(s) skipped`)
    online = round(forecastQuality(y, streamed.online))
  }
  log('baseline: logistic regression (ml-logistic-regression)')
  const logistic = logisticBaseline(train)(test)
  log('baseline: decision tree (ml-cart; about a minute on Feb-Jul)')
  const tree = decisionTreeBaseline(DECISION_TREE.maxDepth, DECISION_TREE.minNumSamples)(train)(
    test,
  )
  return {
    test: test.length,
    model: round(forecastQuality(y, frozen)),
    ...(online && { online }),
    baselines: {
      logistic: round(forecastQuality(y, logistic)),
      decisionTree: round(forecastQuality(y, tree)),
    },
  }
}
