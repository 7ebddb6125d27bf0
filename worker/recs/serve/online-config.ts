/**
 * Recommendation settings from the Worker's variables: what online refinement learns from and how
 * hard (RECS_SGD_STEPS, RECS_SGD_LEARNING_RATE, RECS_SGD_L2, falling back to fold-in's defaults),
 * and how large a site the Worker itself may train.
 */
import type { FoldInOptions } from './fold-in.ts'

export function sgdOptions(env: {
  RECS_SGD_STEPS?: string
  RECS_SGD_LEARNING_RATE?: string
  RECS_SGD_L2?: string
}): FoldInOptions {
  const read = (raw: string | undefined, min: number, max: number) => {
    const n = Number(raw)
    return raw !== undefined && raw !== '' && Number.isFinite(n) && n >= min && n <= max
      ? n
      : undefined
  }
  const steps = read(env.RECS_SGD_STEPS, 1, 100)
  const learningRate = read(env.RECS_SGD_LEARNING_RATE, 1e-6, 1.99)
  const l2 = read(env.RECS_SGD_L2, 0, 10)
  return {
    ...(steps !== undefined && { steps: Math.round(steps) }),
    ...(learningRate !== undefined && { learningRate }),
    ...(l2 !== undefined && { l2 }),
  }
}

/**
 * The most interactions a training run inside the Worker takes (RECS_WORKER_MAX_INTERACTIONS,
 * measured by `npm run recs:limits`); larger sites train with `npm run train` in Node.
 */
export function workerTrainingLimit(env: { RECS_WORKER_MAX_INTERACTIONS?: string }): number {
  const n = Number(env.RECS_WORKER_MAX_INTERACTIONS)
  return Number.isFinite(n) && n > 0 ? n : Number.POSITIVE_INFINITY
}
