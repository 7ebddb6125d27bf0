/**
 * A variation's visitors, conversions and conversion rate with its interval: the first cells of
 * a row in the results table and in the breakdown by intent or device alike.
 */
import type { Interval } from '../api/types.ts'
import { formatCount, formatInterval, formatPercent } from '../lib/format.ts'

type Props = {
  visitors: number
  conversions: number
  rate: number | null
  rateCI: Interval | null | undefined
}

export function CountCells({ visitors, conversions, rate, rateCI }: Props) {
  return (
    <>
      <td class="num" data-col="visitors" data-label="Visitors">
        {formatCount(visitors)}
      </td>
      <td class="num" data-col="conversions" data-label="Conversions">
        {formatCount(conversions)}
      </td>
      <td class="num" data-label="Conversion rate">
        <span data-col="rate">{formatPercent(rate)}</span>
        <span class="ci" data-col="rate-ci">
          {formatInterval(rateCI, formatPercent)}
        </span>
      </td>
    </>
  )
}
