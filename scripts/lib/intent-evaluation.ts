/**
 * Streaming test sessions through the online layer as `--online` defines it: score each session,
 * then learn from its outcome, in file order.
 */
import { featureVector } from '../../worker/intent/features.ts'
import {
  onlineLogit,
  updateOnlineLayer,
  type OnlineLayer,
  type OnlineOptions,
} from '../../worker/intent/online-layer.ts'
import type { LabelledSession } from '../../worker/intent/online-shoppers-csv.ts'
import { sigmoid } from '../../worker/intent/sigmoid.ts'
import { ensembleLogit, type CompiledEnsemble } from '../../worker/intent/tree-ensemble.ts'

export type Streamed = { frozen: number[]; online: number[]; skipped: number; layer: OnlineLayer }

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
  for (const { session, bought } of sessions) {
    const x = featureVector(session)
    const logit = ensembleLogit(ensemble, x)
    frozen.push(sigmoid(onlineLogit(start, logit, x)))
    online.push(sigmoid(onlineLogit(layer, logit, x)))
    const step = updateOnlineLayer(layer, logit, x, bought, options)
    layer = step.layer
    if (!step.updated) skipped++
  }
  return { frozen, online, skipped, layer }
}
