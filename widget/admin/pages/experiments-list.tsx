/**
 * `/admin`: the site's experiments, filterable by status (kept in the URL as `?status=`), with
 * each started experiment's phase, days running, visitors, verdict (the results page's) and SRM
 * flag.
 */
import { useApi } from '../api/use-api.ts'
import { EXPERIMENT_STATUSES, type ExperimentDetail, type ExperimentStatus } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading, Page } from '../components/page.tsx'
import { BASE, navigate, queryParam, type Location } from '../router.ts'
import { ExperimentRow } from './experiment-row.tsx'

function statusOf(location: Location): ExperimentStatus | null {
  const value = queryParam(location, 'status')
  return EXPERIMENT_STATUSES.find((s) => s === value) ?? null
}

export function ExperimentsList({ location }: { location: Location }) {
  const status = statusOf(location)
  const list = useApi<{ experiments: ExperimentDetail[] }>(
    `/v1/admin/experiments${status ? `?status=${status}` : ''}`,
  )
  const experiments = list.data?.experiments

  return (
    <Page
      title="Experiments"
      actions={
        <a class="button" href={`${BASE}/experiments/new`}>
          New experiment
        </a>
      }
    >
      <div class="toolbar">
        <label for="status-filter">Show</label>
        <select
          id="status-filter"
          value={status ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value
            navigate(value ? `${BASE}?status=${value}` : BASE, { replace: true })
          }}
        >
          <option value="">All experiments</option>
          {EXPERIMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0]?.toUpperCase()}
              {s.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <ErrorDisplay failure={list.error} />
      {list.loading && !experiments && <Loading what="experiments" />}
      {experiments && experiments.length === 0 && (
        <p class="empty">
          {status ? `No ${status} experiments.` : 'No experiments yet. '}
          {!status && <a href={`${BASE}/experiments/new`}>Create the first one</a>}
        </p>
      )}
      {experiments && experiments.length > 0 && (
        <div class="table-scroll" role="region" aria-label="Experiments" tabIndex={0}>
          <table class="data experiments stack">
            <thead>
              <tr>
                <th scope="col">Experiment</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Phase
                </th>
                <th scope="col" class="num">
                  Running for
                </th>
                <th scope="col" class="num">
                  Visitors
                </th>
                <th scope="col">Verdict</th>
                <th scope="col">Split check</th>
              </tr>
            </thead>
            <tbody>
              {experiments.map((exp) => (
                <ExperimentRow key={exp.key} experiment={exp} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  )
}
