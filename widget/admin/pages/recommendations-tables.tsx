/** The recommendations page's figures: the model's evaluation metrics and per-slot performance. */
import type { SlotPerformance } from '../api/types.ts'
import { formatCount, formatPercent } from '../lib/format.ts'

/** The training job's figures (worker/recs/train.ts `TrainMetrics`) in words, with their units. */
const METRICS: Record<string, { label: string; format: (value: number) => string }> = {
  interactions: { label: 'Interactions trained on', format: formatCount },
  ignored: { label: 'Interactions left out', format: formatCount },
  visitors: { label: 'Visitors', format: formatCount },
  items: { label: 'Items', format: formatCount },
  nonZeros: { label: 'Visitor × item cells', format: formatCount },
  rank: { label: 'Factors (rank)', format: formatCount },
  // 100% when the rank reaches the number of visitors or items: a small site is kept whole.
  capturedEnergy: { label: 'Signal the factors keep', format: (v) => formatPercent(v) },
  trainMs: { label: 'Training time', format: (v) => `${(v / 1000).toFixed(1)} s` },
}

/** Metrics are whatever the training job reports: numbers are shown, nested values skipped. */
export function RecsMetrics({ metrics }: { metrics: Record<string, unknown> | null }) {
  const entries = Object.entries(metrics ?? {}).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
  )
  if (entries.length === 0) return null
  return (
    <>
      <h3>Training run</h3>
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
