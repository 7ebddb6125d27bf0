/**
 * The online logistic layer on top of the tree ensemble: a logistic regression over the
 * ensemble's logit and a few fast-moving features, updated by one SGD step each time a session
 * ends (bought or not), so scores follow drift such as a holiday season between trainings.
 *
 * It starts as the identity (weight 1 on the ensemble's logit, 0 elsewhere), so a fresh layer
 * scores exactly as the frozen ensemble, and L2 pulls the weights back toward that start rather
 * than toward 0: with no evidence, the layer trusts the trained trees. The intercept is not
 * pulled, since following a moving purchase rate is its job. Gradients longer than `clip` are
 * scaled down to it; a step with any non-finite number is skipped and logged, so one poisoned
 * session never reaches the stored weights.
 *
 * What is served is not the layer alone but a Bayesian mixture of the layer and the frozen
 * ensemble: the layer's weight starts at PRIOR_TRUST and then follows how well each has forecast
 * the sessions learnt from since the layer started (`evidence`, the summed log-likelihood ratio,
 * added to the prior's log-odds when served; each training starts a new layer). Log loss is
 * mixable, so over all the sessions learnt since the layer started, the mixture's total log loss
 * is at most the trees' plus -ln(1 - PRIOR_TRUST) and at most the layer's plus -ln(PRIOR_TRUST).
 * The prior leans to the trees because they are the model validated on the site's history and
 * the layer is the experiment on top of them: a layer that drifts the wrong way costs at most
 * 0.051 nats in all against them, and a layer that follows real drift is trusted once it has
 * earned about 3 nats.
 * The bound is cumulative, not for every stretch: a layer that earned much evidence early loses
 * trust only as fast as it loses it back. It holds for the ended sessions the layer learns from
 * (a skipped non-finite step leaves its session out of the evidence too); `/v1/assign` applies
 * the same weight to sessions still open.
 *
 * In-house rather than ml-logistic-regression: that package fits a whole matrix of rows by batch
 * gradient ascent from zero weights (and has no intercept or regularisation), while the layer
 * takes one step per ended session from its stored weights, with an L2 pull toward its start,
 * clipping, a skipped non-finite step and the evidence beside it.
 */
import { FEATURE_INDEX, type IntentFeature } from './features.ts'
import { sigmoid } from './sigmoid.ts'

/** Features that move fast enough to be worth re-weighting between trainings. */
export const ONLINE_FEATURES = [
  'PageValues',
  'ProductRelated',
  'ProductRelated_Duration',
  'ExitRates',
  'SpecialDay',
  'Weekend',
  'AddToCarts',
  'DistinctItems',
  'RecClicks',
] as const satisfies readonly IntentFeature[]

/** The layer's weight in the served score before it has forecast any session. */
export const PRIOR_TRUST = 0.05
/** The log-odds of PRIOR_TRUST, to which the served score adds the layer's evidence. */
export const PRIOR_EVIDENCE = Math.log(PRIOR_TRUST / (1 - PRIOR_TRUST))

export type OnlineLayer = {
  /** The layer's inputs after the ensemble's logit. */
  features: IntentFeature[]
  /** Standardisation of log(1 + value) per feature, from the training sessions. */
  mean: number[]
  scale: number[]
  bias: number
  /** Weight of the ensemble's logit, then one per feature. */
  weights: number[]
  /** Sessions learnt from since training. */
  updates: number
  /**
   * The layer's log-likelihood over the frozen ensemble's, summed over those sessions: the served
   * score trusts the layer with weight sigmoid(PRIOR_EVIDENCE + evidence).
   */
  evidence: number
}

export type OnlineOptions = {
  /** SGD learning rate per session. */
  learningRate: number
  /** L2 pull of the weights toward the layer's start (1 on the logit, 0 elsewhere). */
  l2: number
  /** Longest gradient (Euclidean norm) a step takes. */
  clip: number
}

/** The settings chosen on Feb-Jul alone (docs/intent-search.md). */
export const DEFAULT_ONLINE: OnlineOptions = { learningRate: 0.02, l2: 0, clip: 20 }

/**
 * A layer that scores as the ensemble alone, with standardisation taken from the training
 * vectors (a feature absent from all of them gets mean 0, scale 1 and never moves the score).
 */
export function startOnlineLayer(
  vectors: Float64Array[],
  features: readonly IntentFeature[] = ONLINE_FEATURES,
): OnlineLayer {
  const mean: number[] = []
  const scale: number[] = []
  for (const name of features) {
    const index = FEATURE_INDEX[name]
    let n = 0
    let sum = 0
    let squares = 0
    for (const x of vectors) {
      const v = x[index] as number
      if (v !== v) continue
      const t = Math.log1p(v)
      n++
      sum += t
      squares += t * t
    }
    const m = n > 0 ? sum / n : 0
    const sd = n > 1 ? Math.sqrt(Math.max(0, squares / n - m * m)) : 0
    mean.push(Number(m.toPrecision(6)))
    scale.push(sd > 1e-9 ? Number(sd.toPrecision(6)) : 1)
  }
  return {
    features: [...features],
    mean,
    scale,
    bias: 0,
    weights: [1, ...features.map(() => 0)],
    updates: 0,
    evidence: 0,
  }
}

/** The layer's inputs: the ensemble's logit, then each feature standardised (0 when missing). */
function inputs(layer: OnlineLayer, logit: number, x: ArrayLike<number>): number[] {
  const out = [logit]
  for (let j = 0; j < layer.features.length; j++) {
    const v = x[FEATURE_INDEX[layer.features[j] as IntentFeature]] as number
    out.push(v !== v ? 0 : (Math.log1p(v) - (layer.mean[j] ?? 0)) / (layer.scale[j] ?? 1))
  }
  return out
}

/** The layer's logit for a session whose ensemble logit is `logit` and features are `x`. */
export function onlineLogit(layer: OnlineLayer, logit: number, x: ArrayLike<number>): number {
  // Written out rather than through inputs(): this runs on every scored request.
  let sum = layer.bias + (layer.weights[0] ?? 0) * logit
  for (let j = 0; j < layer.features.length; j++) {
    const v = x[FEATURE_INDEX[layer.features[j] as IntentFeature]] as number
    if (v !== v) continue
    sum +=
      ((layer.weights[j + 1] ?? 0) * (Math.log1p(v) - (layer.mean[j] ?? 0))) / (layer.scale[j] ?? 1)
  }
  return sum
}

/** ln(1 + e^t), without overflow for large t or lost precision for very negative t. */
const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)))

/**
 * The log loss of a forecast of log-odds `logit` for what happened, from the log-odds rather
 * than the probability, so a confident miss costs its full loss instead of 1 - p rounding to 0.
 */
const logLoss = (logit: number, bought: 0 | 1) => softplus(bought === 1 ? -logit : logit)

/**
 * The purchase probability served for a session: the layer's and the frozen ensemble's
 * forecasts, mixed by the layer's evidence.
 *
 * @example
 * const p = servedProbability(layer, ensembleLogit(ensemble, x), x)
 */
export function servedProbability(layer: OnlineLayer, logit: number, x: ArrayLike<number>): number {
  const trust = trustOf(layer)
  return trust * sigmoid(onlineLogit(layer, logit, x)) + (1 - trust) * sigmoid(logit)
}

/** The layer's weight in the served score. */
const trustOf = (layer: OnlineLayer) => sigmoid(PRIOR_EVIDENCE + layer.evidence)

/** The layer's weight in the served score, to four decimals, as the admin sees it. */
export function onlineTrust(layer: OnlineLayer): number {
  return Math.round(trustOf(layer) * 1e4) / 1e4
}

export type OnlineUpdate = { layer: OnlineLayer; updated: boolean; skipped?: 'non_finite_step' }

/**
 * Learns from one ended session (`bought` 1 or 0): adds the layer's log-likelihood ratio over
 * the frozen ensemble to its evidence, then takes one SGD step on its log loss. The input layer
 * is not modified.
 *
 * @example
 * const { layer: next } = updateOnlineLayer(layer, logit, x, 1, DEFAULT_ONLINE)
 */
export function updateOnlineLayer(
  layer: OnlineLayer,
  logit: number,
  x: ArrayLike<number>,
  bought: 0 | 1,
  options: OnlineOptions,
): OnlineUpdate {
  const z = inputs(layer, logit, x)
  const own = onlineLogit(layer, logit, x)
  const error = sigmoid(own) - bought
  const gradient = [error]
  for (let j = 0; j < z.length; j++) {
    const start = j === 0 ? 1 : 0
    gradient.push(error * (z[j] as number) + options.l2 * ((layer.weights[j] ?? 0) - start))
  }
  const norm = Math.hypot(...gradient)
  const shrink = norm > options.clip ? options.clip / norm : 1
  const step = gradient.map((g) => options.learningRate * shrink * g)
  const bias = layer.bias - (step[0] as number)
  const weights = layer.weights.map((w, j) => w - (step[j + 1] as number))
  // The layer's forecast before this step is what the evidence weighs, as Bayes' rule does.
  const evidence = layer.evidence + logLoss(logit, bought) - logLoss(own, bought)
  if (!Number.isFinite(bias) || !weights.every(Number.isFinite) || !Number.isFinite(evidence)) {
    console.warn(`intent online layer: skipped a non-finite step (logit ${logit})`)
    return { layer, updated: false, skipped: 'non_finite_step' }
  }
  return {
    layer: { ...layer, bias, weights, updates: layer.updates + 1, evidence },
    updated: true,
  }
}
