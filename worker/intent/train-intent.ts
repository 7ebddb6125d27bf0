/**
 * Training a purchase-intent model from labelled sessions: the boosted trees, and an online layer
 * that starts as their identity. The same function serves `npm run train:intent` (the starter
 * model, from the public data set) and a site's own sessions.
 */
import { FEATURE_INDEX, featureVector, INTENT_FEATURES, type IntentFeature } from './features.ts'
import { DEFAULT_BOOSTING, trainBoosting, type BoostingOptions } from './gradient-boosting.ts'
import { INTENT_MODEL_FORMAT, INTENT_MODEL_VERSION, type IntentModel } from './model.ts'
import type { LabelledSession } from './online-shoppers-csv.ts'
import { startOnlineLayer } from './online-layer.ts'
import { compileEnsemble, ensembleLogit } from './tree-ensemble.ts'
import { sigmoid } from './sigmoid.ts'

export type TrainIntentOptions = {
  kind: IntentModel['kind']
  /** Where the sessions came from, for the record (a file name, `site sessions`). */
  source: string
  /** ISO time stamped on the model. */
  trainedAt: string
  boosting?: BoostingOptions
  /** Features the trees may not split on (none unless given); they stay in the vector. */
  ignoredFeatures?: readonly IntentFeature[]
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
  const ignored = options.ignoredFeatures ?? []
  const gains = new Float64Array(INTENT_FEATURES.length)
  const ensemble = trainBoosting(
    withoutFeatures(vectors, ignored),
    labels,
    boosting,
    options.onTree,
    gains,
  )
  const compiled = compileEnsemble(ensemble)
  const scores = vectors.map((x) => sigmoid(ensembleLogit(compiled, x)))
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
    ...(ignored.length > 0 && { ignoredFeatures: [...ignored] }),
    ensemble,
    online: startOnlineLayer(vectors),
    importances: shares(gains),
    scorePercentiles: percentiles(scores),
  }
}

/**
 * The vectors with `ignored` features blanked to missing: a feature with no value in training
 * offers the trees no split, so they cannot learn from it.
 */
function withoutFeatures(
  vectors: Float64Array[],
  ignored: readonly IntentFeature[],
): Float64Array[] {
  if (ignored.length === 0) return vectors
  const positions = ignored.map((name) => FEATURE_INDEX[name])
  return vectors.map((x) => {
    const blanked = Float64Array.from(x)
    for (const i of positions) blanked[i] = Number.NaN
    return blanked
  })
}

/** Each feature's share of the total gain, 4 decimals, features that never split left out. */
function shares(gains: Float64Array): Partial<Record<IntentFeature, number>> {
  const total = gains.reduce((a, b) => a + b, 0)
  const out: Partial<Record<IntentFeature, number>> = {}
  if (total <= 0) return out
  INTENT_FEATURES.forEach((name, i) => {
    const share = Math.round(((gains[i] as number) / total) * 1e4) / 1e4
    if (share > 0) out[name] = share
  })
  return out
}

/** The values at percentiles 0..100 (nearest rank), 4 significant digits. */
function percentiles(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort()
  return Array.from({ length: 101 }, (_, q) => {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))] ?? 0
    return Number(v.toPrecision(4))
  })
}
