// An experiment's secondary and guardrail metrics, from per-variation totals of its metric rows:
// each variation's value with its interval, each treatment's relative lift against the control
// with the log-ratio interval and test (log-ratio-lift.ts), Holm-adjusted across treatments per
// metric as the goal is, and the treatments significantly worse in the direction the metric
// calls bad. Pure: no HTTP, no database.
import type {
  MetricComparison,
  MetricDefinition,
  MetricResult,
  MetricVariationResult,
} from '../../shared/api-types.ts'
import { holmAdjust } from './holm.ts'
import { logRatioLift } from './log-ratio-lift.ts'
import { meanMoments, proportionMoments, ratioMoments, type SampleMoments } from './moments.ts'
import { meanInterval } from './welch.ts'
import { wilsonInterval } from './wilson.ts'

/**
 * One variation's totals of one metric. `visitors` are all its exposed visitors; the rest sums
 * over the visitors with a metric row (everyone else counts 0): `engaged` rows with a value above
 * 0, `value` (events, revenue in major units, or 1 when engaged) and `events` (purchases for the
 * revenue kinds), with their squares and cross products.
 */
export type MetricTotals = {
  visitors: number
  rows: number
  engaged: number
  value: number
  valueSquares: number
  events: number
  eventsSquares: number
  valueTimesEvents: number
}

export const EMPTY_METRIC_TOTALS: MetricTotals = {
  visitors: 0,
  rows: 0,
  engaged: 0,
  value: 0,
  valueSquares: 0,
  events: 0,
  eventsSquares: 0,
  valueTimesEvents: 0,
}

/** The metric's moments in a variation, and how many visitors it counts (see MetricVariationResult). */
function measure(
  kind: MetricDefinition['kind'],
  t: MetricTotals,
): { moments: SampleMoments | null; count: number; proportion: boolean } {
  switch (kind) {
    case 'conversion':
      return {
        moments: proportionMoments(t.visitors, t.engaged),
        count: t.engaged,
        proportion: true,
      }
    case 'bounce': {
      const bounced = t.visitors - t.engaged
      return { moments: proportionMoments(t.visitors, bounced), count: bounced, proportion: true }
    }
    case 'revenue_per_visitor':
      return {
        moments: meanMoments(t.visitors, t.value, t.valueSquares),
        count: t.rows,
        proportion: false,
      }
    case 'average_order_value':
      return {
        moments: ratioMoments(
          t.visitors,
          { sum: t.value, sumSquares: t.valueSquares },
          { sum: t.events, sumSquares: t.eventsSquares },
          t.valueTimesEvents,
        ),
        count: t.rows,
        proportion: false,
      }
  }
}

/**
 * The results of one metric for variations in order, control first.
 *
 * @example computeMetric({ key: 'atc', kind: 'conversion', event: 'add_to_cart', role: 'secondary',
 *   better: 'higher' }, [{ key: 'a', totals }, { key: 'b', totals }], 0.05)
 */
export function computeMetric(
  definition: MetricDefinition,
  variations: readonly { key: string; totals: MetricTotals }[],
  alpha: number,
): MetricResult {
  const measured = variations.map((v) => measure(definition.kind, v.totals))
  const control = measured[0]?.moments ?? null
  const results = variations.map((v, i): MetricVariationResult => {
    const m = measured[i] ?? { moments: null, count: 0, proportion: false }
    const valueCI = !m.moments
      ? null
      : m.proportion
        ? wilsonInterval(m.count, v.totals.visitors, alpha)
        : meanInterval(m.moments, alpha)
    const result: MetricVariationResult = {
      key: v.key,
      visitors: v.totals.visitors,
      value: m.moments ? m.moments.mean : null,
      valueCI,
      count: m.count,
    }
    if (!m.moments) result.reason = v.totals.visitors > 0 ? 'no_orders' : 'no_visitors'
    else if (valueCI === null) result.reason = 'not_enough_data'
    if (i > 0) result.vsControl = compare(control, m.moments, alpha)
    return result
  })
  const treatments = results.slice(1)
  const adjusted = holmAdjust(treatments.map((r) => r.vsControl?.pValue ?? null))
  treatments.forEach((r, i) => {
    if (r.vsControl) r.vsControl.pValueAdjusted = adjusted[i] ?? null
  })
  const worse = treatments
    .filter((r) => {
      const cmp = r.vsControl
      if (!cmp || cmp.lift === null || cmp.pValueAdjusted === null) return false
      const bad = definition.better === 'higher' ? cmp.lift < 0 : cmp.lift > 0
      return bad && cmp.pValueAdjusted < alpha
    })
    .map((r) => r.key)
  return { ...definition, variations: results, worse }
}

function compare(
  control: SampleMoments | null,
  treatment: SampleMoments | null,
  alpha: number,
): MetricComparison {
  const none = { lift: null, liftCI: null, pValue: null, pValueAdjusted: null }
  if (!control) return { ...none, reason: 'control_no_visitors' }
  if (!treatment) return { ...none, reason: 'no_visitors' }
  const test = logRatioLift(control, treatment, alpha)
  if (!test.ok) return { ...none, lift: test.lift, reason: test.reason }
  return { lift: test.lift, liftCI: test.ci, pValue: test.pValue, pValueAdjusted: null }
}
