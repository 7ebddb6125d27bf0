/**
 * `/admin/behaviour`: what shoppers do (the funnel per day) and how well edgelift predicts who
 * will buy (the intent model's quality on recent sessions), over 7, 30 or 90 days.
 */
import { useState } from 'preact/hooks'
import type { BehaviourAnswer } from '../../../shared/behaviour.ts'
import { useApi } from '../api/use-api.ts'
import { FunnelView } from '../behaviour/funnel-view.tsx'
import { IntentView } from '../behaviour/intent-view.tsx'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading, Page } from '../components/page.tsx'

const PERIODS = [7, 30, 90] as const

export function BehaviourPage() {
  const [days, setDays] = useState<number>(30)
  const loaded = useApi<BehaviourAnswer>(`/v1/admin/behaviour?days=${days}`)
  const data = loaded.data
  const empty = data !== undefined && data.funnel.every((d) => d.sessions === 0)
  return (
    <Page
      title="Behaviour"
      actions={
        <fieldset class="check-group view-picker">
          <legend>Period</legend>
          {PERIODS.map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="behaviour-days"
                checked={days === p}
                onChange={() => setDays(p)}
              />
              {p} days
            </label>
          ))}
        </fieldset>
      }
    >
      <ErrorDisplay failure={loaded.error} />
      {loaded.loading && !data && <Loading what="behaviour" />}
      {data && (
        <div aria-busy={loaded.loading ? true : undefined} data-days={data.days}>
          <section aria-labelledby="funnel-title">
            <h2 id="funnel-title">Funnel</h2>
            {empty ? (
              <p class="empty" data-state="no-sessions">
                No sessions in the last {data.days} days. The funnel counts the page views the
                edgelift script sends from every page of your store: add the script tag from
                Settings to your pages (mark product pages with JSON-LD or{' '}
                <code>data-edgelift-page="product"</code>), and sessions appear here within minutes.
              </p>
            ) : (
              <FunnelView days={data.funnel} />
            )}
          </section>
          <section aria-labelledby="intent-title">
            <h2 id="intent-title">Purchase intent</h2>
            <IntentView intent={data.intent} />
          </section>
        </div>
      )}
    </Page>
  )
}
