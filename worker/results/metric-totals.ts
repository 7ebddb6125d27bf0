/**
 * Per metric and variation, the totals of an experiment phase's metric rows, read from
 * `metric_totals`: a few rows, whatever the experiment's size.
 *
 * Why rows written at event time rather than a GROUP BY over events at read time: results must
 * stay a cheap query however long an experiment runs (1,000,000 assignments in bench/results.ts).
 * A read-time join of the phase's events to its assignments costs every event of every visitor on
 * every page load of the results. Instead each visitor's state per metric is derived when their
 * events arrive (events/event-writes.ts, in the same batch as their conversion state, so as
 * exactly-once as it) into `assignment_metrics`; a GROUP BY over those rows would still read one
 * row per active visitor and metric (about as many as the assignments themselves with five
 * metrics, twice the work of the goal's aggregate), so triggers of migration 0010 keep the sums
 * per variation in `metric_totals` as the rows are inserted, changed or deleted. A replayed batch
 * rewrites a row with the values it has, which the update trigger skips, so the sums stay exact.
 * Visitors without a row count as 0: their number comes from `assignments`, read anyway.
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
 * Totals per metric key and variation index, without `visitors` (0 here: the phase's visitor
 * counts come from `assignments`, read beside this query, not after it). Revenue comes back in
 * major units of the site's currency.
 */
export async function metricTotals(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number },
  metrics: readonly MetricDefinition[],
  variationCount: number,
  currency: string,
): Promise<Map<string, MetricTotals[]>> {
  const totals = new Map(
    metrics.map((m) => [
      m.key,
      Array.from({ length: variationCount }, () => ({ ...EMPTY_METRIC_TOTALS })),
    ]),
  )
  if (metrics.length === 0) return totals
  const rows = await db.all<Row>(sql`
    SELECT metric, variation, rows, engaged, value, value_sq, events, events_sq, value_events
    FROM metric_totals
    WHERE site_id = ${where.siteId} AND experiment_key = ${where.experimentKey}
      AND phase = ${where.phase}`)
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
