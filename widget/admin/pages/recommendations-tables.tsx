/** The recommendations page's figures: the model's evaluation metrics and per-slot performance. */
import type { SlotPerformance } from '../api/types.ts'
import { formatCount, formatPercent } from '../lib/format.ts'

/** The training job's figures (the Worker's recs/train/train.ts `TrainMetrics`) in plain words, with their units. */
const METRICS: Record<string, { label: string; format: (value: number) => string }> = {
  interactions: { label: 'Shopper actions learned from', format: formatCount },
  ignored: { label: 'Actions left out', format: formatCount },
  visitors: { label: 'Shoppers', format: formatCount },
  items: { label: 'Products', format: formatCount },
  nonZeros: { label: 'Shopper–product pairs', format: formatCount },
  rank: { label: 'Taste patterns', format: formatCount },
  // 100% when the rank reaches the number of visitors or items: a small site is kept whole.
  capturedEnergy: { label: 'Buying patterns kept', format: (v) => formatPercent(v) },
  trainMs: { label: 'Training time', format: (v) => `${(v / 1000).toFixed(1)} s` },
}

type MetricsProps = { metrics: Record<string, unknown> | null; version: string | null }

/**
 * Metrics are whatever the training job reports: numbers are shown, nested values skipped. The
 * model's id and the terms of the trade are folded away below the plain figures.
 */
export function RecsMetrics({ metrics, version }: MetricsProps) {
  const entries = Object.entries(metrics ?? {}).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
  )
  return (
    <>
      {entries.length > 0 && (
        <>
          <h3>What the model learned</h3>
          <dl class="facts">
            {entries.map(([name, value]) => {
              const known = METRICS[name]
              return (
                <div key={name} data-metric={name}>
                  <dt>{known?.label ?? name}</dt>
                  <dd>
                    {known
                      ? known.format(value)
                      : Number.isInteger(value)
                        ? formatCount(value)
                        : value.toPrecision(3)}
                  </dd>
                </div>
              )
            })}
          </dl>
        </>
      )}
      {version && (
        <details data-detail="model">
          <summary>In technical terms</summary>
          <p>
            Model <code data-model-version>{version}</code>: taste patterns are its factors (rank),
            buying patterns kept the signal the factors keep.
          </p>
        </details>
      )}
    </>
  )
}

type Props = { slots: SlotPerformance[]; format: (money: number) => string }

export function SlotTable({ slots, format }: Props) {
  if (slots.length === 0) return <p class="empty">No recommendation was shown in this window.</p>
  return (
    <div class="table-scroll" role="region" aria-label="Performance by slot" tabIndex={0}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Slot</th>
            <th scope="col" class="num">
              Impressions
            </th>
            <th scope="col" class="num">
              Clicks
            </th>
            <th scope="col" class="num">
              Click-through
            </th>
            <th scope="col" class="num">
              Add to carts
            </th>
            <th scope="col" class="num">
              Revenue
            </th>
          </tr>
        </thead>
        <tbody>
          {slots.map((s) => (
            <tr key={s.slot}>
              <th scope="row">{s.slot}</th>
              <td class="num">{formatCount(s.impressions)}</td>
              <td class="num">{formatCount(s.clicks)}</td>
              <td class="num">{formatPercent(s.ctr)}</td>
              <td class="num">{formatCount(s.addToCarts)}</td>
              <td class="num">{format(s.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
