/** The recommendations page's figures: the model's evaluation metrics and per-slot performance. */
import type { SlotPerformance } from '../api/types.ts'
import { formatCount, formatPercent } from '../lib/format.ts'

/** Metrics are whatever the training job reports: numbers are shown, nested values skipped. */
export function RecsMetrics({ metrics }: { metrics: Record<string, unknown> | null }) {
  const entries = Object.entries(metrics ?? {}).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
  )
  if (entries.length === 0) return null
  return (
    <>
      <h3>Evaluation</h3>
      <dl class="facts">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{Number.isInteger(value) ? formatCount(value) : value.toPrecision(3)}</dd>
          </div>
        ))}
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
