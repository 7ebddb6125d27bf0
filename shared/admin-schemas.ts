/**
 * The admin API's answers as zod schemas (see api-schemas.ts for how they are used and kept equal
 * to admin-types.ts). The results, behaviour and performance reports are large and computed by
 * the statistics modules: their schemas pin the fields a client reads and let the rest through
 * (`looseObject`), and the type test keeps each report's TypeScript type within its schema.
 */
import { z } from 'zod'
import { EXPERIMENT_STATUSES, EXPERIMENT_TYPES } from './api-types.ts'
import { recommendedItemSchema } from './api-schemas.ts'

const timestamp = z.number().int().describe('Milliseconds since the Unix epoch.')
const nullableCount = z.number().nullable()

export const phaseSchema = z.strictObject({
  phase: z.number().int(),
  seed: z.string(),
  weights: z.array(z.number()),
  variationKeys: z.array(z.string()),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
})

/** An experiment with its phases (`newPhase` only in the answer of a PATCH). */
export const experimentDetailSchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  phase: z.number().int(),
  variations: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string().optional(),
      weight: z.number(),
      url: z.string().optional(),
    }),
  ),
  coverage: z.number(),
  seed: z.string().nullable(),
  goal: z.strictObject({ event: z.string(), name: z.string().optional() }),
  url: z.string().nullable(),
  redirect: z.boolean(),
  winsorize: z.number().nullable(),
  metrics: z.array(z.looseObject({ key: z.string(), kind: z.string(), role: z.string() })),
  audience: z.record(z.string(), z.unknown()).nullable(),
  type: z.enum(EXPERIMENT_TYPES),
  bandit: z.record(z.string(), z.unknown()).nullable(),
  winner: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  phases: z.array(phaseSchema),
  newPhase: z.boolean().optional(),
})

export const experimentListSchema = z.strictObject({ experiments: z.array(experimentDetailSchema) })

export const reweighAnswerSchema = z.strictObject({
  updated: z.boolean(),
  reason: z.enum(['exploring', 'not_enough_visitors']).optional(),
  weights: z.array(z.number()),
  bestArmProbabilities: z.array(z.number()),
})

export const resultsAnswerSchema = z.looseObject({
  experiment: z.string(),
  phase: z.number().int(),
  status: z.string(),
  srm: z.looseObject({}),
  test: z.looseObject({}),
  variations: z.array(z.looseObject({ key: z.string(), visitors: z.number() })),
  power: z.looseObject({}),
  settings: z.looseObject({}),
  phases: z.array(z.number().int()),
  metrics: z.array(z.looseObject({ key: z.string() })),
  duration: z.looseObject({ visitorsPerDay: nullableCount, windowDays: z.number() }),
  bandit: z.looseObject({ weights: z.array(z.number()) }).optional(),
  breakdown: z.looseObject({}).optional(),
})

export const timeseriesAnswerSchema = z.strictObject({
  experiment: z.string(),
  phase: z.number().int(),
  days: z.array(
    z.strictObject({
      date: z.string(),
      variations: z.array(
        z.strictObject({
          key: z.string(),
          visitors: z.number(),
          conversions: z.number(),
          revenue: z.number(),
          cumulativeVisitors: z.number(),
          cumulativeConversions: z.number(),
          cumulativeRate: z.number().nullable(),
        }),
      ),
    }),
  ),
})

export const sampleSizeAnswerSchema = z.strictObject({
  baselineRate: z.number(),
  minimumDetectableEffect: z.number(),
  alpha: z.number(),
  power: z.number(),
  variations: z.number().int(),
  visitorsPerVariation: z.number().int(),
  totalVisitors: z.number().int(),
  experiment: z.string().optional(),
  duration: z.looseObject({ visitorsPerDay: nullableCount, windowDays: z.number() }).optional(),
})

export const catalogSizeSchema = z.strictObject({
  items: z.number().int(),
  inStock: z.number().int(),
})

export const catalogAnswerSchema = z.strictObject({ catalog: catalogSizeSchema })

export const catalogUploadAnswerSchema = z.strictObject({
  upserted: z.number().int(),
  /** Feeds only (TSV, RSS/XML): rows skipped as invalid, the first 20 listed. */
  skippedCount: z.number().int().optional(),
  skipped: z.array(z.looseObject({})).optional(),
  catalog: catalogSizeSchema,
})

export const catalogItemsAnswerSchema = z.strictObject({
  items: z.array(
    recommendedItemSchema.omit({ score: true, rule: true }).extend({ inStock: z.boolean() }),
  ),
})

export const siteInfoSchema = z.strictObject({
  siteId: z.string(),
  name: z.string(),
  publicKey: z.string(),
  allowedOrigins: z.array(z.string()),
  imageOrigins: z.array(z.string()),
  ownOrigins: z.array(z.string()),
  currency: z.string(),
  eventRetentionDays: z.number().int(),
  /** Gift days (`MM-DD`) for the purchase-intent feature SpecialDay; null: the default calendar. */
  specialDays: z.array(z.string()).nullable(),
})

export const rotatedKeySchema = z.strictObject({ adminKey: z.string(), message: z.string() })

export const recsStatusSchema = z.strictObject({
  modelVersion: z.string().nullable(),
  trainedAt: timestamp.nullable(),
  training: z.boolean(),
  trainingStartedAt: timestamp.nullable(),
  items: z.number().int(),
  visitors: z.number().int(),
  metrics: z.record(z.string(), z.number()).nullable(),
  lastError: z.string().nullable(),
})

/** `POST /v1/admin/recs/train`: 202 while a run is under way, else the run's outcome. */
export const recsTrainAnswerSchema = z.union([
  z.strictObject({ training: z.literal(true), message: z.string() }),
  z.looseObject({ status: recsStatusSchema }),
])

export const recsPerformanceSchema = z.strictObject({
  windowMinutes: z.number(),
  periodDays: z.number(),
  catalog: catalogSizeSchema,
  coverage: z.number().nullable(),
  slots: z.array(
    z.strictObject({
      slot: z.string(),
      impressions: z.number(),
      clicks: z.number(),
      ctr: z.number().nullable(),
      addToCarts: z.number(),
      revenue: z.number(),
    }),
  ),
})

export const visitorIdsAnswerSchema = z.strictObject({
  visitorIds: z.array(z.strictObject({ customerId: z.string(), visitorId: z.string() })),
})

export const importAnswerSchema = z.strictObject({
  imported: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.array(z.strictObject({ line: z.number().int(), reason: z.string() })),
  skippedCount: z.number().int(),
  skippedByReason: z.record(z.string(), z.number().int()),
})

export const recsRulesAnswerSchema = z.strictObject({
  rules: z.array(
    z.looseObject({
      slot: z.string(),
      itemId: z.string(),
      item: z.looseObject({ itemId: z.string() }).nullable(),
    }),
  ),
})

const hostnameProofSchema = z.strictObject({
  hostname: z.string(),
  record: z.strictObject({ name: z.string(), value: z.string() }),
  verified: z.boolean(),
  verifiedAt: timestamp.nullable(),
  checkedAt: timestamp.nullable(),
  error: z.string().nullable(),
})

export const proxySettingsAnswerSchema = z.strictObject({
  originUrl: z.string().nullable(),
  hostnames: z.array(z.string()),
  consentRequired: z.boolean(),
  verification: z.array(hostnameProofSchema),
  dashboardHostnames: z.array(z.string()),
})

const teamKeySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(['viewer', 'editor']),
  site: z.boolean().optional(),
})

export const teamKeysSchema = z.strictObject({
  you: z.string(),
  maxKeys: z.number().int(),
  keys: z.array(teamKeySchema),
})

export const createdKeySchema = teamKeySchema.extend({
  /** The id of the key that created it. */
  createdBy: z.string(),
  createdAt: timestamp,
  adminKey: z.string(),
  message: z.string(),
})

export const revokedKeySchema = z.strictObject({ id: z.string(), revoked: z.literal(true) })

export const auditPageSchema = z.strictObject({
  entries: z.array(
    z.strictObject({
      id: z.number().int(),
      at: timestamp,
      keyId: z.string(),
      keyName: z.string(),
      summary: z.string().nullable(),
      confirmed: z.boolean(),
      method: z.string(),
      route: z.string(),
      target: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
})

export const siteHealthSchema = z.looseObject({
  now: timestamp,
  lastExposureAt: timestamp.nullable(),
  lastPurchaseAt: timestamp.nullable(),
  refusals: z.array(z.looseObject({ code: z.string(), count: z.number() })),
  warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
  experiments: z.array(z.looseObject({ key: z.string(), status: z.string() })),
})

export const behaviourAnswerSchema = z.looseObject({
  days: z.number().int(),
  funnel: z.array(z.looseObject({ day: z.string(), sessions: z.number() })),
  intent: z.looseObject({ model: z.enum(['site', 'starter']), sessions: z.number() }),
})

export const intentStatusSchema = z.strictObject({
  model: z.enum(['site', 'starter']),
  version: z.string().nullable(),
  trainedAt: z.string().nullable(),
  trainedOn: z.strictObject({ sessions: z.number().int(), purchases: z.number().int() }),
  importances: z.array(z.strictObject({ feature: z.string(), importance: z.number() })),
  onlineUpdates: z.number().int(),
  onlineTrust: z.number().min(0).max(1),
  bands: z.strictObject({ medium: z.number(), high: z.number() }),
  cuts: z.strictObject({ medium: z.number(), high: z.number() }),
  lastError: z.string().nullable(),
})

const count = z.number().int().nonnegative()

/** `POST /v1/admin/intent/train`: the run's outcome, then the model that now scores. */
export const intentTrainAnswerSchema = z.strictObject({
  training: z.strictObject({
    trained: z.boolean(),
    version: z.string().optional(),
    reason: z.string().optional(),
    sessions: count,
    purchases: count,
    pages: count,
  }),
  status: intentStatusSchema,
})

/** `POST /v1/admin/intent/learn`: the run's outcome, then the model that now scores. */
export const intentLearnAnswerSchema = z.strictObject({
  learning: z.strictObject({
    learnt: count,
    skipped: count,
    remaining: count,
    reason: z.string().optional(),
  }),
  status: intentStatusSchema,
})

export const shopifySettingsSchema = z.strictObject({
  webhookUrl: z.string(),
  webhookSecretSet: z.boolean(),
})

export const alertSettingsAnswerSchema = z.strictObject({
  alerts: z.array(
    z.strictObject({ url: z.string(), format: z.enum(['json', 'slack', 'discord']) }),
  ),
})

/** The CSV exports: RFC 4180 text, streamed. */
export const csvSchema = z.string().describe('text/csv; header row first')
