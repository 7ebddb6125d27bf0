/**
 * What an admin may send as an experiment's secondary and guardrail metrics: at most MAX_METRICS,
 * each counting an event type the site already stores, with unique keys, no metric twice under
 * two keys, and, for a guardrail, the direction that is bad said out loud (a guardrail whose
 * harm is ambiguous would warn the wrong way).
 */
import { z } from 'zod'
import { MAX_METRICS, METRIC_EVENTS, METRIC_KINDS } from '../../shared/api-types.ts'
import type { MetricDefinition } from '../../shared/api-types.ts'
import { KEY } from '../../shared/identifiers.ts'

/** Which way is good when a secondary metric does not say: less bouncing, more of the rest. */
const DEFAULT_BETTER = { bounce: 'lower' } as const

const metric = z
  .strictObject({
    key: z.string().regex(KEY, 'must be 1-64 characters of A-Z a-z 0-9 _ . : -'),
    kind: z.enum(METRIC_KINDS),
    event: z.enum(METRIC_EVENTS).optional(),
    name: z.string().min(1).max(64).optional(),
    role: z.enum(['secondary', 'guardrail']).default('secondary'),
    better: z.enum(['higher', 'lower']).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'conversion' && m.event === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['event'],
        message: 'a conversion metric names its event',
      })
    }
    if (m.kind !== 'conversion' && m.event !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['event'],
        message: `a ${m.kind} metric takes no event`,
      })
    }
    if ((m.event === 'custom') !== (m.name !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'a custom event metric needs the event name, and only it takes one',
      })
    }
    if (m.role === 'guardrail' && m.better === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['better'],
        message: 'a guardrail says which way is better: "higher" or "lower"',
      })
    }
  })
  .transform((m): MetricDefinition => ({
    key: m.key,
    kind: m.kind,
    ...(m.event !== undefined && { event: m.event }),
    ...(m.name !== undefined && { name: m.name }),
    role: m.role,
    better: m.better ?? (m.kind === 'bounce' ? DEFAULT_BETTER.bounce : 'higher'),
  }))

/** What a metric measures, whatever it is called: two keys for one measure are refused. */
function measure(m: MetricDefinition): string {
  return JSON.stringify([m.kind, m.event ?? null, m.name ?? null])
}

export const metricsSchema = z
  .array(metric)
  .max(MAX_METRICS, `at most ${MAX_METRICS} metrics beside the goal`)
  .refine((ms) => new Set(ms.map((m) => m.key)).size === ms.length, {
    message: 'metric keys must be unique',
  })
  .refine((ms) => new Set(ms.map(measure)).size === ms.length, {
    message: 'each metric measures something different: this one is listed twice',
  })
