/**
 * The online layer's SGD settings from the Worker's variables (INTENT_SGD_LEARNING_RATE,
 * INTENT_SGD_L2, INTENT_SGD_CLIP), each falling back to DEFAULT_ONLINE when unset or out of range,
 * as the recommendations' SGD settings do.
 */
import { DEFAULT_ONLINE, type OnlineOptions } from './online-layer.ts'

export function intentSgdOptions(env: {
  INTENT_SGD_LEARNING_RATE?: string
  INTENT_SGD_L2?: string
  INTENT_SGD_CLIP?: string
}): OnlineOptions {
  const read = (raw: string | undefined, min: number, max: number, fallback: number) => {
    const n = Number(raw)
    return raw !== undefined && raw !== '' && Number.isFinite(n) && n >= min && n <= max
      ? n
      : fallback
  }
  return {
    learningRate: read(env.INTENT_SGD_LEARNING_RATE, 0, 1, DEFAULT_ONLINE.learningRate),
    l2: read(env.INTENT_SGD_L2, 0, 10, DEFAULT_ONLINE.l2),
    clip: read(env.INTENT_SGD_CLIP, 1e-3, 1000, DEFAULT_ONLINE.clip),
  }
}
