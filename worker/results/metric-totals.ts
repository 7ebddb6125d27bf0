/**
 * Per metric and variation, the totals of an experiment phase's metric rows, in one index-only
 * aggregate over `assignment_metrics_results`.
 *
 * Why rows written at event time rather than a GROUP BY over events at read time: results must
 * stay a cheap query however long an experiment runs (1,000,000 assignments in bench/results.ts).
 * A read-time join of the phase's events to its assignments costs every event of every visitor on
 * every page load of the results; a row per visitor and metric, derived when the visitor's events
 * arrive (events/event-writes.ts, in the same batch as their conversion state, so as exactly-once
 * as it), costs one small upsert per batch and leaves results reading only the visitors who did
 * something, from an index. Visitors without a row count as 0: their number comes from
 * `assignments`, which results read anyway.
 */
import { sql } from 'drizzle-orm'
import { minorUnitExponent } from '../../shared/currencies.ts'
import type { MetricDefinition } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import { EMPTY_METRIC_TOTALS, type MetricTotals } from '../stats/metrics.ts'

type Row = {
  metric: string
  variation: number
  rows: number
  engaged: number
  value: number
  value_sq: number
  events: number
  events_sq: number
  value_events: number
}

/**
 * Totals per metric key and variation index, `visitors` taken from the phase's visitor counts.
 * Revenue comes back in major units of the site's currency.
 */
export async function metricTotals(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number },
  metrics: readonly MetricDefinition[],
  visitors: readonly number[],
  currency: string,
): Promise<Map<string, MetricTotals[]>> {
  const totals = new Map(
    metrics.map((m) => [m.key, visitors.map((v) => ({ ...EMPTY_METRIC_TOTALS, visitors: v }))]),
  )
  if (metrics.length === 0) return totals
  const rows = await db.all<Row>(sql`
    SELECT metric, variation, count(*) AS rows, total(value > 0) AS engaged, total(value) AS value,
      total(value * value) AS value_sq, total(events) AS events, total(events * events) AS events_sq,
      total(value * events) AS value_events
    FROM assignment_metrics
    WHERE site_id = ${where.siteId} AND experiment_key = ${where.experimentKey}
      AND phase = ${where.phase}
    GROUP BY metric, variation`)
  const unit = 10 ** minorUnitExponent(currency)
  const kinds = new Map(metrics.map((m) => [m.key, m.kind]))
  for (const row of rows) {
    const total = totals.get(row.metric)?.[row.variation]
    const kind = kinds.get(row.metric)
    if (!total || !kind) continue
    const scale = kind === 'revenue_per_visitor' || kind === 'average_order_value' ? unit : 1
    Object.assign(total, {
      rows: row.rows,
      engaged: row.engaged,
      value: row.value / scale,
      valueSquares: row.value_sq / (scale * scale),
      events: row.events,
      eventsSquares: row.events_sq,
      valueTimesEvents: row.value_events / scale,
    })
  }
  return totals
}
