/**
 * The stored purchase-intent model: a versioned, compact JSON document per site (or the starter
 * model trained on the public data set), with the tree ensemble as flat arrays and the online
 * layer's starting state. `parseIntentModel` checks a stored document completely before anything
 * scores with it, so a corrupt or foreign model is refused with a reason instead of crashing or
 * scoring nonsense.
 */
import { z } from 'zod'
import { INTENT_FEATURES, type IntentFeature } from './features.ts'
import type { OnlineLayer } from './online-layer.ts'
import { ensembleProblem, type TreeEnsemble } from './tree-ensemble.ts'

export const INTENT_MODEL_FORMAT = 'edgelift-intent-model'
export const INTENT_MODEL_VERSION = 1
/** The most a serialised model may weigh, so a site's model loads and parses fast at the edge. */
export const MAX_INTENT_MODEL_BYTES = 256 * 1024

export type IntentModel = {
  format: typeof INTENT_MODEL_FORMAT
  version: typeof INTENT_MODEL_VERSION
  /** `starter`: trained on the public data set; `site`: on the site's own sessions. */
  kind: 'starter' | 'site'
  trainedAt: string
  trainedOn: { sessions: number; purchases: number; source: string }
  /** The ensemble's feature order (this version: INTENT_FEATURES). */
  features: IntentFeature[]
  /** The training settings, for the record. */
  settings: Record<string, number>
  /** Features the trees were not allowed to split on (absent in older models: none). */
  ignoredFeatures?: IntentFeature[]
  ensemble: TreeEnsemble
  online: OnlineLayer
  /** Each feature's share of the trees' split gain (summing to 1), for the admin's view. */
  importances?: Partial<Record<IntentFeature, number>>
  /**
   * The training sessions' scores at percentiles 0, 1, ..., 100: where the bands cut until the
   * site has recent sessions of its own to take quantiles of.
   */
  scorePercentiles?: number[]
}

const finite = z.number().finite()
const count = z.number().int().nonnegative()
const nodeArray = <T extends z.ZodType>(item: T) => z.array(item).max(200_000)

const onlineSchema = z.object({
  features: z.array(z.enum(INTENT_FEATURES)).max(100),
  mean: z.array(finite),
  scale: z.array(finite.positive()),
  bias: finite,
  weights: z.array(finite),
  updates: count,
  // A layer stored without its evidence is weighed by the prior alone.
  evidence: finite.default(0),
})

const schema = z.object({
  format: z.literal(INTENT_MODEL_FORMAT),
  version: z.literal(INTENT_MODEL_VERSION),
  kind: z.enum(['starter', 'site']),
  trainedAt: z.string().max(40),
  trainedOn: z.object({ sessions: count, purchases: count, source: z.string().max(200) }),
  features: z.array(z.enum(INTENT_FEATURES)).max(100),
  settings: z.record(z.string().max(40), finite),
  ignoredFeatures: z.array(z.enum(INTENT_FEATURES)).max(100).optional(),
  ensemble: z.object({
    base: finite,
    roots: nodeArray(count).min(1),
    feature: nodeArray(z.number().int().min(-1)),
    threshold: nodeArray(finite),
    right: nodeArray(count),
    missingLeft: nodeArray(z.union([z.literal(0), z.literal(1)])),
  }),
  online: onlineSchema,
  importances: z.partialRecord(z.enum(INTENT_FEATURES), finite.min(0).max(1)).optional(),
  scorePercentiles: z.array(finite.min(0).max(1)).length(101).optional(),
})

export type ParsedModel = { model: IntentModel } | { problem: string }

/**
 * A model from its stored JSON text, or why it cannot be used.
 *
 * @example
 * const parsed = parseIntentModel(text)
 * if ('problem' in parsed) return { intent: null, reason: parsed.problem }
 */
export function parseIntentModel(text: string): ParsedModel {
  if (text.length > MAX_INTENT_MODEL_BYTES) return { problem: 'model larger than 256 KB' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: 'model is not JSON' }
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]
    return { problem: `model ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` }
  }
  const model = result.data
  if (model.features.join() !== INTENT_FEATURES.join())
    return { problem: 'model features differ from this version' }
  const problem = ensembleProblem(model.ensemble, model.features.length)
  if (problem) return { problem: `model ensemble: ${problem}` }
  const { online } = model
  const inputs = online.features.length
  if (online.mean.length !== inputs || online.scale.length !== inputs)
    return { problem: 'model online layer: standardisation does not match its features' }
  if (online.weights.length !== inputs + 1)
    return { problem: 'model online layer: weights do not match its features' }
  const percentiles = model.scorePercentiles
  if (percentiles?.some((p, i) => i > 0 && p < (percentiles[i - 1] as number)))
    return { problem: 'model score percentiles are not ascending' }
  return { model }
}

/** The model as stored JSON; throws when it is over MAX_INTENT_MODEL_BYTES. */
export function serialiseIntentModel(model: IntentModel): string {
  const text = JSON.stringify(model)
  if (text.length > MAX_INTENT_MODEL_BYTES)
    throw new Error(`intent model is ${text.length} bytes, over ${MAX_INTENT_MODEL_BYTES}`)
  return text
}

/**
 * An online layer stored apart from its model (learnt since training), or null when the text is
 * not a layer over the same inputs as `model`'s own: the caller then starts from the model's.
 */
export function parseOnlineLayer(text: string | null, model: IntentModel): OnlineLayer | null {
  if (text === null || text.length > MAX_INTENT_MODEL_BYTES) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const result = onlineSchema.safeParse(json)
  if (!result.success) return null
  const layer = result.data
  const own = model.online
  const same =
    layer.features.join() === own.features.join() &&
    layer.mean.length === own.mean.length &&
    layer.scale.length === own.scale.length &&
    layer.weights.length === own.weights.length
  return same ? layer : null
}
