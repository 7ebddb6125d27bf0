/**
 * The experiment's other metrics under the goal's table: per metric and variation its value with
 * its interval and, for a treatment, the lift against the control with its interval and the
 * Holm-adjusted p-value; a treatment significantly worse is marked in words. Intervals are held
 * back below the minimum sample, as in the goal's table. Cells carry `data-col` for tests.
 */
import type { MetricResult, ResultsResponse } from '../api/types.ts'
import {
  EMPTY,
  formatCount,
  formatInterval,
  formatLift,
  formatMoney,
  formatPercent,
  formatPValue,
} from '../lib/format.ts'
import { useCurrency } from '../site-context.ts'
import { KIND_LABELS } from '../form/metric-draft.ts'
import { belowMinimumSample } from './verdict.ts'

/** What the metric measures, in words: `Share of visitors with add_to_cart`. */
export function metricLabel(m: MetricResult): string {
  if (m.kind !== 'conversion') return KIND_LABELS[m.kind]
  return `Share of visitors with ${m.event === 'custom' ? `“${m.name ?? ''}”` : (m.event ?? '')}`
}

type MetricRowProps = {
  metric: MetricResult
  variation: MetricResult['variations'][number]
  /** The variation's place in the metric; the first is the control and heads the row group. */
  index: number
  /** Below the minimum sample: intervals and the "worse" call are held back. */
  early: boolean
  currency: string
}

function MetricRow({ metric: m, variation: v, index: i, early, currency }: MetricRowProps) {
  const money = m.kind === 'revenue_per_visitor' || m.kind === 'average_order_value'
  const format = (x: number | null | undefined) =>
    money ? formatMoney(x, currency) : formatPercent(x)
  const cmp = v.vsControl
  const worse = m.worse.includes(v.key)
  return (
    <tr data-metric={m.key} data-variation={v.key}>
      {i === 0 && (
        <th scope="rowgroup" rowSpan={m.variations.length}>
          {m.key}
          {m.role === 'guardrail' && <span class="tag">guardrail</span>}
          <span class="key">
            {metricLabel(m)}; {m.better} is better
          </span>
        </th>
      )}
      <td>{v.key}</td>
      <td class="num">
        <span data-col="value">{format(v.value)}</span>
        <span class="ci" data-col="value-ci">
          {early ? EMPTY : formatInterval(v.valueCI, format)}
        </span>
        <span class="muted"> of {formatCount(v.visitors)}</span>
      </td>
      <td class="num">
        {i === 0 ? (
          <span class="muted">baseline</span>
        ) : (
          <>
            <span data-col="lift">{formatLift(cmp?.lift)}</span>
            <span class="ci" data-col="lift-ci">
              {early ? 'too early for an interval' : formatInterval(cmp?.liftCI, formatLift)}
            </span>
          </>
        )}
      </td>
      <td class="num" data-col="p-adjusted">
        {i === 0 ? EMPTY : formatPValue(cmp?.pValueAdjusted)}
        {worse && !early && (
          <span class="call likely-worse" data-worse>
            ▼ significantly worse
          </span>
        )}
      </td>
    </tr>
  )
}

export function MetricsTable({ results }: { results: ResultsResponse }) {
  const currency = useCurrency()
  if (results.metrics.length === 0) return null
  const early = belowMinimumSample(results) !== null
  const control = results.variations[0]?.key ?? 'control'
  return (
    <div class="table-scroll" role="region" aria-labelledby="metrics-table-caption" tabIndex={0}>
      <table class="data metrics">
        <caption id="metrics-table-caption">
          Other metrics, phase {results.phase}; intervals are 95%, p-values Holm-adjusted per
          metric.
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Variation</th>
            <th scope="col" class="num">
              Value
            </th>
            <th scope="col" class="num">
              Lift vs {control}
            </th>
            <th scope="col" class="num">
              p‑value (Holm)
            </th>
          </tr>
        </thead>
        <tbody>
          {results.metrics.map((m) =>
            m.variations.map((v, i) => (
              <MetricRow
                key={`${m.key}-${v.key}`}
                metric={m}
                variation={v}
                index={i}
                early={early}
                currency={currency}
              />
            )),
          )}
        </tbody>
      </table>
    </div>
  )
}
