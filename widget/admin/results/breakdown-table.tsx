/**
 * Results split by the visitor's intent band or device when first assigned: one block of rows per
 * cell, each variation with its conversion rate and lift against the same cell's control, every
 * figure with the cell's own 95% interval. Small cells give wide intervals, which is the point:
 * a difference seen in one cell is read against its own uncertainty.
 */
import type { ResultsBreakdown } from '../../../shared/audience.ts'
import { AUDIENCE_LABELS } from '../form/visitor-audience-fields.tsx'
import {
  formatCount,
  formatInterval,
  formatLift,
  formatPercent,
  formatPValue,
} from '../lib/format.ts'
import { CountCells } from './count-cells.tsx'

const CELL_LABELS: Record<string, string> = { ...AUDIENCE_LABELS, unknown: 'Not known' }

export function BreakdownTable({ breakdown }: { breakdown: ResultsBreakdown }) {
  const what = breakdown.by === 'intent' ? 'purchase-intent band' : 'device'
  if (breakdown.cells.length === 0) {
    return <p class="empty">No visitors yet: the breakdown fills in as they are assigned.</p>
  }
  return (
    <div class="table-scroll" role="region" aria-labelledby="breakdown-caption" tabIndex={0}>
      <table class="data results stack" data-breakdown={breakdown.by}>
        <caption id="breakdown-caption">
          By {what} when first assigned; ranges are each cell’s own 95% intervals. “Not known”:
          visitors assigned without it (by the edge proxy, or before intent could be scored).
        </caption>
        <thead>
          <tr>
            <th scope="col">{breakdown.by === 'intent' ? 'Intent' : 'Device'}</th>
            <th scope="col">Variation</th>
            <th scope="col" class="num">
              Visitors
            </th>
            <th scope="col" class="num">
              Conversions
            </th>
            <th scope="col" class="num">
              Conversion rate
            </th>
            <th scope="col" class="num">
              Lift vs control
            </th>
            <th scope="col" class="num">
              Noise check
            </th>
          </tr>
        </thead>
        <tbody>
          {breakdown.cells.flatMap(({ cell, variations }) =>
            variations.map((v, i) => (
              <tr key={`${cell}-${v.key}`} data-cell={cell} data-variation={v.key}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={variations.length} data-label="Cell">
                    {CELL_LABELS[cell] ?? cell}
                  </th>
                )}
                <th scope="row">
                  {v.key}
                  {i === 0 && <span class="tag">control</span>}
                </th>
                <CountCells
                  visitors={v.visitors}
                  conversions={v.conversions}
                  rate={v.rate}
                  rateCI={v.rateCI}
                />
                <td class="num" data-label="Lift vs control">
                  <span data-col="lift">{i === 0 ? '' : formatLift(v.lift)}</span>
                  <span class="ci" data-col="lift-ci">
                    {i === 0 ? '' : formatInterval(v.liftCI, formatLift)}
                  </span>
                </td>
                <td class="num" data-col="p-value" data-label="Noise check">
                  {i === 0 ? '' : formatPValue(v.pValue)}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  )
}
