/**
 * Streaming test sessions through the online layer as `--online` defines it: score each session,
 * then learn from its outcome, in file order.
 */
import { featureVector } from '../../worker/intent/features.ts'
import {
  onlineLogit,
  servedProbability,
  updateOnlineLayer,
  type OnlineLayer,
  type OnlineOptions,
} from '../../worker/intent/online-layer.ts'
import type { LabelledSession } from '../../worker/intent/online-shoppers-csv.ts'
import { sigmoid } from '../../worker/intent/sigmoid.ts'
import { ensembleLogit, type CompiledEnsemble } from '../../worker/intent/tree-ensemble.ts'

/**
 * Per session: the frozen ensemble's score, the score served (the layer mixed with the frozen
 * ensemble by its evidence) and the layer's own.
 */
export type Streamed = {
  frozen: number[]
  online: number[]
  layerOnly: number[]
  skipped: number
  layer: OnlineLayer
}

export function streamOnline(
  ensemble: CompiledEnsemble,
  start: OnlineLayer,
  sessions: LabelledSession[],
  options: OnlineOptions,
): Streamed {
  let layer = start
  let skipped = 0
  const frozen: number[] = []
  const online: number[] = []
  const layerOnly: number[] = []
  for (const { session, bought } of sessions) {
    const x = featureVector(session)
    const logit = ensembleLogit(ensemble, x)
    frozen.push(sigmoid(logit))
    online.push(servedProbability(layer, logit, x))
    layerOnly.push(sigmoid(onlineLogit(layer, logit, x)))
    const step = updateOnlineLayer(layer, logit, x, bought, options)
    layer = step.layer
    if (!step.updated) skipped++
  }
  return { frozen, online, layerOnly, skipped, layer }
}

/**
 * The scores a guarded layer would serve: each session gets the layer's own score while its
 * log loss over recent sessions (exponentially weighted, halving every `halfLife` sessions) is
 * no worse than the frozen model's, else the frozen score. The alternative the settings search
 * weighs against serving the online layer always (docs/intent-search.md).
 */
export function guardedScores(streamed: Streamed, bought: readonly number[], halfLife: number) {
  const decay = 0.5 ** (1 / halfLife)
  const loss = (p: number, y: number) => -Math.log(Math.max(y ? p : 1 - p, 1e-12))
  let frozenLoss = 0
  let onlineLoss = 0
  return bought.map((y, i) => {
    const frozen = streamed.frozen[i] ?? 0.5
    const online = streamed.layerOnly[i] ?? 0.5
    const served = onlineLoss <= frozenLoss ? online : frozen
    frozenLoss = decay * frozenLoss + loss(frozen, y)
    onlineLoss = decay * onlineLoss + loss(online, y)
    return served
  })
}
