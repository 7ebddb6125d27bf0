/**
 * The results of one phase (the current one unless the URL says `?phase=N`): the SRM alarm, the
 * verdict, the table with lift bars or, picked above it, the same split by intent band or device
 * (its figures' statistical terms folded below it), the other metrics, the daily chart and the
 * chi-square test.
 */
import { experimentApi } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import type { ExperimentDetail, ResultsResponse, TimeseriesResponse } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading } from '../components/page.tsx'
import { experimentPath, navigate, queryParam, type Location } from '../router.ts'
import type { Breakdown } from '../../../shared/audience.ts'
import { useState } from 'preact/hooks'
import { BreakdownTable } from './breakdown-table.tsx'
import { BanditPanel } from './bandit-panel.tsx'
import { ChiSquareTable } from './chi-square-table.tsx'
import { CsvDownloads } from './csv-downloads.tsx'
import { MetricsTable } from './metrics-table.tsx'
import { FigureTerms } from './figure-terms.tsx'
import { RateChart } from './rate-chart.tsx'
import { ResultsTable } from './results-table.tsx'
import { SrmBanner } from './srm-banner.tsx'
import { VerdictBanner } from './verdict-banner.tsx'

type Props = {
  experiment: ExperimentDetail
  location: Location
  refresh: number
  /** A change made here (a bandit rolled out, reweighed): the page reloads what depends on it. */
  onChanged: (exp: ExperimentDetail | null) => void
}

/** Which phase's results to show; the current phase keeps the URL without `?phase`. */
function PhasePicker({
  experiment: exp,
  results,
}: {
  experiment: ExperimentDetail
  results: ResultsResponse
}) {
  return (
    <div class="phase-picker">
      <label for="phase-picker">Phase</label>
      <select
        id="phase-picker"
        value={String(results.phase)}
        onChange={(e) => {
          const value = e.currentTarget.value
          const current = String(exp.phase) === value
          navigate(experimentPath(exp.key, current ? '' : `?phase=${value}`), {
            replace: true,
          })
        }}
      >
        {results.phases.map((p) => (
          <option key={p} value={String(p)}>
            Phase {p}
            {p === exp.phase ? ' (current)' : ''}
          </option>
        ))}
      </select>
    </div>
  )
}

export function ResultsSection({ experiment: exp, location, refresh, onChanged }: Props) {
  const phase = queryParam(location, 'phase')
  const query = phase && /^\d+$/.test(phase) ? `?phase=${phase}` : ''
  const started = exp.phase > 0
  const results = useApi<ResultsResponse>(
    started ? experimentApi(exp.key, `/results${query}`) : null,
    refresh,
  )
  const series = useApi<TimeseriesResponse>(
    started ? experimentApi(exp.key, `/timeseries${query}`) : null,
    refresh,
  )
  const [view, setView] = useState<Breakdown | ''>('')
  const splitQuery = `${query ? `${query}&` : '?'}breakdown=${view}`
  const split = useApi<ResultsResponse>(
    started && view ? experimentApi(exp.key, `/results${splitQuery}`) : null,
    refresh,
  )
  const data = results.data
  const names = Object.fromEntries(exp.variations.map((v) => [v.key, v.name]))

  return (
    <section class="results-section" aria-labelledby="results-title">
      <div class="section-head">
        <h2 id="results-title">Results{data ? ` · phase ${data.phase}` : ''}</h2>
        {data && data.phases.length > 1 && <PhasePicker experiment={exp} results={data} />}
      </div>
      {!started && (
        <p class="empty">Results appear here once the experiment is started and visitors arrive.</p>
      )}
      <ErrorDisplay failure={results.error} />
      {started && results.loading && !data && <Loading what="results" />}
      {data && (
        <div aria-busy={results.loading ? true : undefined} data-results-phase={data.phase}>
          <SrmBanner results={data} />
          {data.bandit && (
            <BanditPanel
              experiment={exp}
              bandit={data.bandit}
              onChanged={onChanged}
              onReweighed={() => onChanged(null)}
            />
          )}
          {/* A bandit's pooled rates mix its periods: its own panel recommends instead. */}
          {!data.bandit && <VerdictBanner results={data} />}
          <ViewPicker view={view} setView={setView} />
          {view === '' && <ResultsTable results={data} names={names} />}
          {view !== '' && <ErrorDisplay failure={split.error} />}
          {view !== '' && split.loading && !split.data?.breakdown && <Loading what="breakdown" />}
          {view !== '' && split.data?.breakdown?.by === view && (
            <BreakdownTable breakdown={split.data.breakdown} />
          )}
          <FigureTerms />
          <MetricsTable results={data} />
          <h3>Conversion rate over time</h3>
          <ErrorDisplay failure={series.error} />
          {series.data && <RateChart series={series.data} />}
          <ChiSquareTable results={data} />
          <CsvDownloads experimentKey={exp.key} phase={data.phase} />
        </div>
      )}
    </section>
  )
}

const VIEWS: { value: Breakdown | ''; label: string }[] = [
  { value: '', label: 'All visitors' },
  { value: 'intent', label: 'By intent' },
  { value: 'device', label: 'By device' },
]

function ViewPicker(props: { view: Breakdown | ''; setView: (view: Breakdown | '') => void }) {
  return (
    <fieldset class="check-group view-picker">
      <legend>Show results for</legend>
      {VIEWS.map(({ value, label }) => (
        <label key={value}>
          <input
            type="radio"
            name="results-view"
            value={value}
            checked={props.view === value}
            onChange={() => props.setView(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  )
}
