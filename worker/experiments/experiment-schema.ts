/**
 * What an admin may send to create or change an experiment (docs/api.md, "Experiments"). Weights must
 * sum to 1 here even though bucketing would fall back to equal weights: a merchant who typed 70%
 * meant something, and silently splitting evenly would hide the mistake.
 */
import { z } from 'zod'
import { BANDIT_OBJECTIVES, EXPERIMENT_TYPES, GOAL_EVENTS } from '../../shared/api-types.ts'
import { metricsSchema } from './metric-schema.ts'
import { KEY } from '../../shared/identifiers.ts'
import { parseSplitTarget } from './split-target.ts'
import { audienceSchema } from './audience-schema.ts'
import { DEFAULT_BANDIT_SETTINGS } from '../stats/bandit/reweigh.ts'
import { DEFAULT_STOPPING_RULE } from '../stats/bandit/stopping.ts'

export const MAX_VARIATIONS = 10
const WEIGHT_SUM_TOLERANCE = 0.01

const key = z.string().regex(KEY, 'must be 1-64 characters of A-Z a-z 0-9 _ . : -')

/** A split-URL target: the one check the edge applies when it serves the variation. */
const targetUrl = z.string().superRefine((value, ctx) => {
  const parsed = parseSplitTarget(value)
  if ('refused' in parsed) ctx.addIssue({ code: 'custom', message: parsed.refused })
})

const variation = z.strictObject({
  key,
  name: z.string().min(1).max(200).optional(),
  weight: z.number().min(0).max(1),
  url: targetUrl.optional(),
})

const goal = z
  .strictObject({ event: z.enum(GOAL_EVENTS), name: z.string().min(1).max(64).optional() })
  .refine((g) => g.event !== 'custom' || g.name !== undefined, {
    message: 'a custom goal needs the custom event name',
    path: ['name'],
  })

const variations = z
  .array(variation)
  .min(2, 'an experiment needs at least two variations')
  .max(MAX_VARIATIONS)
  .refine((vs) => new Set(vs.map((v) => v.key)).size === vs.length, {
    message: 'variation keys must be unique',
  })
  .refine((vs) => Math.abs(vs.reduce((s, v) => s + v.weight, 0) - 1) <= WEIGHT_SUM_TOLERANCE, {
    message: 'weights must sum to 1 (100%)',
  })
  // Stored summing to exactly 1: bucketing cuts the last range at 1, while the sample-ratio check
  // normalises, so 0.34/0.34/0.33 would raise a false mismatch at scale.
  .transform((vs) => {
    const sum = vs.reduce((s, v) => s + v.weight, 0)
    return sum === 1 ? vs : vs.map((v) => ({ ...v, weight: v.weight / sum }))
  })

const fields = {
  name: z.string().trim().min(1).max(200),
  variations,
  coverage: z.number().min(0).max(1),
  seed: z.string().min(1).max(128).nullable(),
  goal,
  url: z.string().min(1).max(2048).nullable(),
  redirect: z.boolean(),
  // Below the median a cap would change typical orders, not outliers.
  winsorize: z.number().min(0.5).max(0.9999).nullable(),
  metrics: metricsSchema,
  audience: audienceSchema,
}

/**
 * A bandit's settings with their defaults. The cron checks every few minutes, so an update
 * cadence under a quarter of an hour could not be kept.
 */
const bandit = z.strictObject({
  objective: z.enum(BANDIT_OBJECTIVES).default(DEFAULT_BANDIT_SETTINGS.objective),
  exploreHours: z
    .number()
    .min(0)
    .max(24 * 90)
    .default(DEFAULT_BANDIT_SETTINGS.exploreHours),
  updateHours: z
    .number()
    .min(0.25)
    .max(24 * 7)
    .default(DEFAULT_BANDIT_SETTINGS.updateHours),
  minWeight: z.number().min(0).max(0.5).default(DEFAULT_BANDIT_SETTINGS.minWeight),
  // Below a majority the "best" variation would not be more likely best than not.
  stopThreshold: z.number().min(0.5).max(0.9999).default(DEFAULT_STOPPING_RULE.threshold),
})

/** Every variation keeps `minWeight`: k floors cannot exceed the whole traffic. */
function floorsFit(
  value: { bandit?: { minWeight: number } | null; variations?: readonly unknown[] },
  ctx: z.RefinementCtx,
): void {
  const count = value.variations?.length
  const minWeight = value.bandit?.minWeight
  if (count === undefined || minWeight === undefined || minWeight * count <= 1 + 1e-9) return
  ctx.addIssue({
    code: 'custom',
    path: ['bandit', 'minWeight'],
    message: `${count} variations cannot each keep ${minWeight} of the traffic: minWeight × variations must be at most 1`,
  })
}

export const createExperimentSchema = z
  .strictObject({
    key,
    name: fields.name.optional(),
    variations: fields.variations,
    coverage: fields.coverage.default(1),
    seed: fields.seed.optional(),
    goal: fields.goal.default({ event: 'purchase' }),
    url: fields.url.optional(),
    redirect: fields.redirect.default(false),
    winsorize: fields.winsorize.default(null),
    metrics: fields.metrics.default([]),
    audience: fields.audience.default(null),
    type: z.enum(EXPERIMENT_TYPES).default('ab'),
    bandit: bandit.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type === 'ab' && value.bandit !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['bandit'],
        message: 'bandit settings need "type": "bandit"',
      })
    }
    floorsFit(value, ctx)
  })
  // A bandit explores with equal weights whatever was typed: its weights are the bandit's to set.
  .transform((value) =>
    value.type === 'bandit'
      ? {
          ...value,
          bandit: value.bandit ?? bandit.parse({}),
          variations: value.variations.map((v, _, all) => ({ ...v, weight: 1 / all.length })),
        }
      : { ...value, bandit: null },
  )

export const patchExperimentSchema = z
  .strictObject({
    name: fields.name,
    variations: fields.variations,
    coverage: fields.coverage,
    seed: fields.seed,
    goal: fields.goal,
    url: fields.url,
    redirect: fields.redirect,
    winsorize: fields.winsorize,
    metrics: fields.metrics,
    audience: fields.audience,
    bandit,
  })
  .partial()

export type CreateExperimentInput = z.output<typeof createExperimentSchema>
export type PatchExperimentInput = z.output<typeof patchExperimentSchema>
export type VariationInput = z.output<typeof variation>
