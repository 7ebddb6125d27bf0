/**
 * The API's answers as zod schemas: the OpenAPI document (worker/openapi/) publishes them, the
 * workerd tests check real answers against them, and test/unit/api-schemas-types.test.ts keeps
 * each one equal to its TypeScript wire type in api-types.ts / admin-types.ts (or, for the large
 * results and reports, keeps the type within the schema). A top-level object is strict where the
 * type says all there is, so a field added to an answer without its schema fails the tests.
 */
import { z } from 'zod'
import { INTENT_BANDS } from './api-types.ts'

/** `{ "error": { "code", "message" } }`: every refusal, whatever the route. */
export const errorEnvelopeSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().describe('Stable, machine-readable: branch on this.'),
    message: z.string().describe('For people: what was wrong and how to fix it.'),
  }),
})

export const healthAnswerSchema = z.strictObject({ ok: z.literal(true) })

export const assignmentSchema = z.strictObject({
  variation: z.string(),
  index: z.number().int(),
  phase: z.number().int(),
  rolledOut: z.literal(true).optional(),
})

export const intentAnswerSchema = z.union([
  z.strictObject({
    score: z.number(),
    band: z.enum(INTENT_BANDS),
    model: z.enum(['site', 'starter']),
  }),
  z.strictObject({ score: z.null(), band: z.null(), reason: z.string() }),
])

export const assignAnswerSchema = z.strictObject({
  visitorId: z.string(),
  assignments: z.record(z.string(), assignmentSchema),
  intent: intentAnswerSchema.optional(),
})

export const visitorIntentAnswerSchema = z.strictObject({
  visitorId: z.string(),
  intent: intentAnswerSchema,
})

const rejectionSchema = z.strictObject({
  index: z.number().int(),
  code: z.string(),
  message: z.string(),
})

export const ingestAnswerSchema = z.strictObject({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(rejectionSchema),
  /** Only for a bot's batch: acknowledged, not stored. */
  ignored: z.number().int().optional(),
})

export const recommendedItemSchema = z.strictObject({
  itemId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  image: z.string().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  score: z.number(),
  rule: z.enum(['pin', 'boost']).optional(),
})

export const recsAnswerSchema = z.strictObject({
  recId: z.string(),
  slot: z.enum(['personal', 'similar', 'trending', 'cart']),
  source: z.string(),
  modelVersion: z.string().nullable(),
  items: z.array(recommendedItemSchema),
  fallback: z.string().optional().describe('Why the slot’s own source did not serve.'),
})

export const forgottenAnswerSchema = z.strictObject({
  visitorId: z.string(),
  deleted: z.strictObject({ events: z.number().int(), assignments: z.number().int() }),
})

export const shopifyWebhookAnswerSchema = z.union([
  ingestAnswerSchema,
  z.strictObject({ ignored: z.string().describe('The topic, acknowledged and not stored.') }),
])
