/**
 * One row of the experiments list. The list answers each experiment with its phases (for days
 * running), so a started experiment's row fetches only its current results (visitors, verdict,
 * SRM): one admin request per row, within the site's rate limit; a draft shows dashes. Cells carry
 * `data-label` for the phone layout, where each row is a card of labelled figures.
 */
import { experimentApi } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import type { ExperimentDetail, ResultsResponse } from '../api/types.ts'
import { StatusBadge } from '../components/status-badge.tsx'
import { daysRunning } from '../lib/dates.ts'
import { EMPTY, formatCount, formatDays } from '../lib/format.ts'
import { listVerdict, totalVisitors } from '../results/list-summary.ts'
import { experimentPath } from '../router.ts'

export function ExperimentRow({ experiment: exp }: { experiment: ExperimentDetail }) {
  const started = exp.phase > 0
  const results = useApi<ResultsResponse>(started ? experimentApi(exp.key, '/results') : null)
  const days = started ? daysRunning(exp.phases, exp.status, Date.now()) : null
  const data = results.data
  const verdict = data ? listVerdict(data) : null
  const pending = started && results.loading

  return (
    <tr data-experiment={exp.key} aria-busy={pending ? true : undefined}>
      <th scope="row">
        <a href={experimentPath(exp.key)}>{exp.name}</a>
        {exp.name !== exp.key && <span class="key">{exp.key}</span>}
      </th>
      <td data-label="Status">
        <StatusBadge status={exp.status} />
      </td>
      <td class="num" data-label="Phase">
        {started ? exp.phase : EMPTY}
      </td>
      <td class="num" data-col="days" data-label="Running for">
        {formatDays(days)}
      </td>
      <td class="num" data-col="visitors" data-label="Visitors">
        {data ? formatCount(totalVisitors(data)) : EMPTY}
      </td>
      <td data-col="verdict" data-label="Verdict" data-verdict={verdict?.kind}>
        {verdict ? verdict.text : EMPTY}
        {verdict?.warnings.map((w) => (
          <span key={w} class="flag bad" data-guardrail>
            <span aria-hidden="true">⚠ </span>
            {w}
          </span>
        ))}
      </td>
      <td data-col="srm" data-label="Split check">
        <SrmFlag results={data} />
      </td>
    </tr>
  )
}

function SrmFlag({ results }: { results: ResultsResponse | undefined }) {
  if (!results || results.srm.ok === null) return <span class="muted">{EMPTY}</span>
  if (results.srm.ok) {
    return (
      <span class="flag ok">
        <span aria-hidden="true">✓ </span>OK
      </span>
    )
  }
  return (
    <span class="flag bad">
      <span aria-hidden="true">⚠ </span>Mismatch
    </span>
  )
}
