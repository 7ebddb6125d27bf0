/**
 * Whether all variations convert alike, in plain words with the p-value, and the chi-square test of
 * independence folded away as an analyst checks it by hand: observed converted and not converted
 * per variation, then chi-square, degrees of freedom and the p-value.
 */
import type { ResultsResponse } from '../api/types.ts'
import { formatCount, formatPValue, formatStatistic } from '../lib/format.ts'

/** "p = 0.032" but "p < 0.001": the formatted value may carry its own relation. */
export function pEquals(p: number): string {
  return formatPValue(p).startsWith('<') ? ' ' : ' = '
}

export function ChiSquareTable({ results }: { results: ResultsResponse }) {
  const { test } = results
  const tested = results.variations.filter((v) => v.visitors > 0)
  return (
    <section class="chi-square" aria-labelledby="chi-square-title">
      <h3 id="chi-square-title">Do all variations convert alike?</h3>
      {test.chiSquare === null ? (
        <p class="muted">Nothing to compare yet: {test.reason.replace(/_/g, ' ')}.</p>
      ) : (
        <p data-plain="chi-square">
          {test.pValue < 0.05 ? 'Probably not' : 'Could be'} (noise check{pEquals(test.pValue)}
          {formatPValue(test.pValue)}).
        </p>
      )}
      <details data-detail="chi-square">
        <summary>The test behind it, with its table</summary>
        <div
          class="table-scroll"
          role="region"
          aria-label="Converted and not, by variation"
          tabIndex={0}
        >
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Variation</th>
                <th scope="col" class="num">
                  Converted
                </th>
                <th scope="col" class="num">
                  Not converted
                </th>
                <th scope="col" class="num">
                  Visitors
                </th>
              </tr>
            </thead>
            <tbody>
              {tested.map((v) => (
                <tr key={v.key} data-variation={v.key}>
                  <th scope="row">{v.key}</th>
                  <td class="num" data-col="converted">
                    {formatCount(v.conversions)}
                  </td>
                  <td class="num" data-col="not-converted">
                    {formatCount(v.visitors - v.conversions)}
                  </td>
                  <td class="num">{formatCount(v.visitors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {test.chiSquare !== null && (
          <p class="statistics">
            Chi-square test of independence: χ² ={' '}
            <span data-stat="chi-square">{formatStatistic(test.chiSquare)}</span>, degrees of
            freedom = <span data-stat="dof">{test.dof}</span>, p{pEquals(test.pValue)}
            <span data-stat="p-value">{formatPValue(test.pValue)}</span>
            {test.dof === 1 && " (with Yates' continuity correction)"}.
          </p>
        )}
        {test.excluded && test.excluded.length > 0 && (
          <p class="muted">Left out for having no visitors: {test.excluded.join(', ')}.</p>
        )}
      </details>
    </section>
  )
}
