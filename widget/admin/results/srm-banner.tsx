/**
 * The sample ratio mismatch alarm: when visitors do not split the way the weights say (p < 0.001),
 * assignment or tracking is broken and no other figure on the page can be trusted.
 */
import type { ResultsResponse } from '../api/types.ts'
import { formatCount, formatPercent, formatPValue, formatStatistic } from '../lib/format.ts'
import { listKeys } from './verdict.ts'

export function SrmBanner({ results }: { results: ResultsResponse }) {
  const { srm } = results
  if (srm.ok !== false) return null
  const weighted = results.variations.filter((v) => v.weight > 0)
  const visitors = weighted.reduce((sum, v) => sum + v.visitors, 0)
  const weights = weighted.reduce((sum, v) => sum + v.weight, 0)
  const split = (share: (v: (typeof weighted)[number]) => number) =>
    weighted.map((v) => `${v.key} ${formatPercent(share(v))}`).join(' / ')
  const p = formatPValue(srm.pValue)
  const stray = results.variations.filter((v) => !(v.weight > 0) && v.visitors > 0)
  return (
    <div class="banner bad srm" role="alert" data-banner="srm">
      <p class="banner-title">
        <span aria-hidden="true">⚠ </span>Sample ratio mismatch: the traffic split is off
      </p>
      {stray.length > 0 ? (
        <p>
          {listKeys(stray.map((v) => `${v.key} (${formatCount(v.visitors)} visitors)`))}{' '}
          {stray.length === 1 ? 'has' : 'have'} weight 0 and should receive no one.
        </p>
      ) : (
        <p>
          The weights say {split((v) => v.weight / weights)}, but visitors split{' '}
          {split((v) => (visitors > 0 ? v.visitors / visitors : 0))} (χ² ={' '}
          {formatStatistic(srm.chiSquare)}, p {p.startsWith('<') ? p : `= ${p}`}).
        </p>
      )}
      <p>
        Assignment or tracking is broken — for example a variation that fails to log its exposure, a
        redirect that loses visitors, or bots in one arm. Do not trust these results until the split
        is fixed.
      </p>
    </div>
  )
}
