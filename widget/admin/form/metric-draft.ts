/**
 * The experiment form's secondary and guardrail metrics, apart from any DOM: a row per metric as
 * typed, the problems that block saving, and the API's `metrics` field.
 */
import { KEY } from '../../../shared/identifiers.ts'
import type { MetricDefinition, MetricEvent, MetricKind } from '../api/types.ts'
import { MAX_METRICS } from '../api/types.ts'

export type MetricDraft = {
  key: string
  kind: MetricKind
  event: MetricEvent
  name: string
  role: MetricDefinition['role']
  better: MetricDefinition['better']
}

/** The words the form uses for each kind. */
export const KIND_LABELS: Record<MetricKind, string> = {
  conversion: 'Share of visitors with an event',
  revenue_per_visitor: 'Revenue per visitor',
  average_order_value: 'Average order value',
  bounce: 'Bounce rate',
}

/** A new row: the add-to-cart rate unless it is taken, a guardrail's direction preset. */
export function newMetric(existing: readonly MetricDraft[]): MetricDraft {
  const taken = new Set(existing.map((m) => m.key))
  let key = 'add-to-cart-rate'
  for (let n = 2; taken.has(key); n++) key = `metric-${n}`
  return {
    key,
    kind: 'conversion',
    event: 'add_to_cart',
    name: '',
    role: 'secondary',
    better: 'higher',
  }
}

export function metricDraftOf(m: MetricDefinition): MetricDraft {
  return {
    key: m.key,
    kind: m.kind,
    event: m.event ?? 'add_to_cart',
    name: m.name ?? '',
    role: m.role,
    better: m.better,
  }
}

export function metricInputOf(m: MetricDraft): MetricDefinition {
  const base = { key: m.key.trim(), kind: m.kind, role: m.role, better: m.better }
  if (m.kind !== 'conversion') return base
  return m.event === 'custom'
    ? { ...base, event: m.event, name: m.name.trim() }
    : { ...base, event: m.event }
}

/** Why the metrics cannot be saved; empty when they can. */
export function metricProblems(metrics: readonly MetricDraft[]): string[] {
  const problems: string[] = []
  if (metrics.length > MAX_METRICS) problems.push(`At most ${MAX_METRICS} metrics beside the goal.`)
  if (metrics.some((m) => !KEY.test(m.key.trim()))) {
    problems.push('Every metric needs a key of 1-64 characters of A-Z a-z 0-9 _ . : -.')
  } else if (new Set(metrics.map((m) => m.key.trim())).size !== metrics.length) {
    problems.push('Metric keys must be different from each other.')
  }
  if (metrics.some((m) => m.kind === 'conversion' && m.event === 'custom' && !m.name.trim())) {
    problems.push('A custom event metric needs the name of its custom event.')
  }
  return problems
}
