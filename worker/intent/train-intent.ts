/**
 * Training a purchase-intent model from labelled sessions: the boosted trees, and an online layer
 * that starts as their identity. The same function serves `npm run train:intent` (the starter
 * model, from the public data set) and a site's own sessions.
 */
import { featureVector, INTENT_FEATURES } from './features.ts'
import { DEFAULT_BOOSTING, trainBoosting, type BoostingOptions } from './gradient-boosting.ts'
import { INTENT_MODEL_FORMAT, INTENT_MODEL_VERSION, type IntentModel } from './model.ts'
import type { LabelledSession } from './online-shoppers-csv.ts'
import { startOnlineLayer } from './online-layer.ts'

export type TrainIntentOptions = {
  kind: IntentModel['kind']
  /** Where the sessions came from, for the record (a file name, `site sessions`). */
  source: string
  /** ISO time stamped on the model. */
  trainedAt: string
  boosting?: BoostingOptions
  onTree?: (done: number, total: number) => void
}

/**
 * @example
 * const model = trainIntentModel(rows, { kind: 'starter', source: 'data/….csv.gz', trainedAt })
 */
export function trainIntentModel(
  rows: LabelledSession[],
  options: TrainIntentOptions,
): IntentModel {
  const vectors = rows.map((r) => featureVector(r.session))
  const labels = rows.map((r) => r.bought)
  const boosting = options.boosting ?? DEFAULT_BOOSTING
  return {
    format: INTENT_MODEL_FORMAT,
    version: INTENT_MODEL_VERSION,
    kind: options.kind,
    trainedAt: options.trainedAt,
    trainedOn: {
      sessions: rows.length,
      purchases: labels.reduce<number>((a, b) => a + b, 0),
      source: options.source,
    },
    features: [...INTENT_FEATURES],
    settings: { ...boosting },
    ensemble: trainBoosting(vectors, labels, boosting, options.onTree),
    online: startOnlineLayer(vectors),
  }
}
