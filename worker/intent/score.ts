/**
 * Scoring a session with a parsed intent model: the tree ensemble's logit, then the online layer
 * on top. Compile once per loaded model; each score then walks flat typed arrays.
 */
import type { IntentModel } from './model.ts'
import { servedProbability, type OnlineLayer } from './online-layer.ts'
import { compileEnsemble, ensembleLogit, type CompiledEnsemble } from './tree-ensemble.ts'

export type IntentScorer = { model: IntentModel; ensemble: CompiledEnsemble }

export type IntentScore = {
  /** Purchase probability served: the online layer mixed with the frozen ensemble. */
  probability: number
  /** The frozen ensemble's logit (what the online layer learns from). */
  ensembleLogit: number
}

export function compileIntentModel(model: IntentModel): IntentScorer {
  return { model, ensemble: compileEnsemble(model.ensemble) }
}

/**
 * Scores feature vector `x` (featureVector's order), with the model's own online layer or a
 * newer one learnt since.
 *
 * @example
 * const { probability } = scoreIntent(scorer, featureVector(session))
 */
export function scoreIntent(
  scorer: IntentScorer,
  x: ArrayLike<number>,
  layer: OnlineLayer = scorer.model.online,
): IntentScore {
  const logit = ensembleLogit(scorer.ensemble, x)
  return { probability: servedProbability(layer, logit, x), ensembleLogit: logit }
}
