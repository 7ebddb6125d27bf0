/**
 * `/admin/recommendations`: the model's status and how the recommendation slots performed in the
 * last window, plus "Retrain now", which polls the status every second while training runs, and
 * the merchant's steering rules with a preview of any slot (a lazily loaded chunk). These
 * routes may be missing on an older server: a 404 shows "not available" and the page carries on.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import { useApi, type Loaded } from '../api/use-api.ts'
import type { RecsPerformance, RecsStatus } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading, Page } from '../components/page.tsx'
import { formatDateTime } from '../lib/dates.ts'
import { formatCount, formatMoney, formatPercent } from '../lib/format.ts'
import { useCurrency } from '../site-context.ts'
import { LazySteering } from './lazy-steering.tsx'
import { RecsMetrics, SlotTable } from './recommendations-tables.tsx'

const POLL_MS = 1000

function NotAvailable({ what }: { what: string }) {
  return (
    <p class="empty" data-state="not-available">
      {what} is not available on this server yet.
    </p>
  )
}

export function RecommendationsPage() {
  const loaded = useApi<RecsStatus>('/v1/admin/recs/status')
  const performance = useApi<RecsPerformance>('/v1/admin/recs/performance')
  const {
    status: s,
    training,
    elapsed,
    failure,
    retrain,
  } = useTraining(loaded.data, performance.reload)

  return (
    <Page
      title="Recommendations"
      actions={
        <button
          type="button"
          class="button"
          disabled={training || !s}
          onClick={() => void retrain()}
        >
          {training ? 'Training…' : 'Retrain now'}
        </button>
      }
    >
      {failure?.status === 404 ? (
        <NotAvailable what="Retraining" />
      ) : (
        <ErrorDisplay failure={failure} />
      )}
      {training && (
        <div class="training" role="status">
          <label for="training-progress">Training the model… {elapsed} s</label>
          <progress id="training-progress" />
        </div>
      )}
      <section aria-labelledby="model-title">
        <h2 id="model-title">Model</h2>
        {loaded.loading && !s && <Loading what="the model status" />}
        {loaded.error?.status === 404 ? (
          <NotAvailable what="The recommendation model status" />
        ) : (
          <ErrorDisplay failure={loaded.error} />
        )}
        {s && <ModelFacts status={s} />}
      </section>
      <PerformanceSection performance={performance} />
      <LazySteering />
    </Page>
  )
}

/**
 * The model's status, as loaded and then as polled every second while training runs (the
 * answers replace the loaded one), and "Retrain now". A "not training" answer while the train
 * request is still in flight is too early to trust.
 */
function useTraining(loaded: RecsStatus | null | undefined, reloadPerformance: () => void) {
  const [polled, setPolled] = useState<RecsStatus | null>(null)
  const [since, setSince] = useState<number | null>(null)
  const [elapsed, setElapsed] = useState(0)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const s = polled ?? loaded
  const training = since !== null || s?.training === true
  const reload = useRef(reloadPerformance)
  reload.current = reloadPerformance

  const posting = useRef(false)
  useEffect(() => {
    if (!training) return
    const started = since ?? s?.trainingStartedAt ?? Date.now()
    const timer = setInterval(() => {
      setElapsed(Math.round((Date.now() - started) / 1000))
      request<RecsStatus>('/v1/admin/recs/status')
        .then((next) => {
          setPolled(next)
          if (!next.training && !posting.current) {
            setSince(null)
            reload.current()
          }
        })
        .catch((err: unknown) => {
          setFailure(asFailure(err))
          setSince(null)
        })
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [training, since])

  const retrain = async () => {
    setFailure(null)
    setElapsed(0)
    setSince(Date.now())
    posting.current = true
    try {
      await request('/v1/admin/recs/train', { method: 'POST' })
    } catch (err) {
      setFailure(asFailure(err))
      setSince(null)
    } finally {
      posting.current = false
    }
  }
  return { status: s, training, elapsed, failure, retrain }
}

function ModelFacts({ status: s }: { status: RecsStatus }) {
  return (
    <>
      <dl class="facts">
        <div>
          <dt>Last trained</dt>
          <dd>{s.modelVersion ? formatDateTime(s.trainedAt) : 'not trained yet'}</dd>
        </div>
        <div>
          <dt>Products</dt>
          <dd>{formatCount(s.items)}</dd>
        </div>
        <div>
          <dt>Shoppers</dt>
          <dd>{formatCount(s.visitors)}</dd>
        </div>
      </dl>
      {s.lastError && (
        <p class="error-inline">
          <span aria-hidden="true">⚠ </span>The last training run did not switch to a new model:{' '}
          {s.lastError}
        </p>
      )}
      <RecsMetrics metrics={s.metrics} version={s.modelVersion} />
    </>
  )
}

function PerformanceSection({ performance }: { performance: Loaded<RecsPerformance> }) {
  const currency = useCurrency()
  const p = performance.data
  return (
    <section aria-labelledby="performance-title">
      <h2 id="performance-title">Performance{p ? `, last ${p.periodDays} days` : ''}</h2>
      {performance.loading && !p && <Loading what="performance" />}
      {performance.error?.status === 404 ? (
        <NotAvailable what="Recommendation performance" />
      ) : (
        <ErrorDisplay failure={performance.error} />
      )}
      {p && (
        <>
          <p>
            Catalog: {formatCount(p.catalog.items)} items, {formatCount(p.catalog.inStock)} in
            stock. Coverage: {formatPercent(p.coverage)} of the catalog is recommended somewhere.
            Add-to-carts and revenue count for a list clicked up to {p.windowMinutes} minutes
            before.
          </p>
          <SlotTable slots={p.slots} format={(x) => formatMoney(x, currency)} />
        </>
      )}
    </section>
  )
}
