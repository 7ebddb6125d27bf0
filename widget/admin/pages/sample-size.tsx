/**
 * `/admin/sample-size`: visitors per variation for a baseline rate and the smallest relative lift
 * worth detecting. Computed by the API as the admin types (debounced); a 400 `invalid_<param>`
 * is shown beside the field it names.
 */
import { useEffect, useState } from 'preact/hooks'
import { asFailure, isAbort, request, type ApiFailure } from '../api/client.ts'
import type { SampleSizeResponse } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Page } from '../components/page.tsx'
import { formatCount, formatLift, formatPercent } from '../lib/format.ts'

type Param = 'baseline' | 'mde' | 'alpha' | 'power' | 'variations'
type Field = {
  param: Param
  label: string
  hint: string
  unit: 'percent' | 'number'
  initial: string
}

const FIELDS: Field[] = [
  {
    param: 'baseline',
    label: 'Baseline conversion rate (%)',
    hint: 'The control’s rate today, e.g. 5.',
    unit: 'percent',
    initial: '5',
  },
  {
    param: 'mde',
    label: 'Minimum detectable lift (%)',
    hint: 'Relative: 10 means 5% → 5.5%.',
    unit: 'percent',
    initial: '10',
  },
  {
    param: 'alpha',
    label: 'Significance level α',
    hint: 'Chance of a false alarm; 0.05 is usual.',
    unit: 'number',
    initial: '0.05',
  },
  {
    param: 'power',
    label: 'Power (%)',
    hint: 'Chance to detect the lift if it is real; 80 is usual.',
    unit: 'percent',
    initial: '80',
  },
  {
    param: 'variations',
    label: 'Variations (with the control)',
    hint: 'From 2 to 10.',
    unit: 'number',
    initial: '2',
  },
]
const DEBOUNCE_MS = 250

/** The query string for typed values; percents become the API's fractions. */
export function sampleSizeQuery(values: Record<Param, string>): string {
  const params = new URLSearchParams()
  for (const field of FIELDS) {
    const raw = values[field.param].trim()
    const n = Number(raw)
    const value =
      raw === ''
        ? ''
        : field.unit === 'percent' && Number.isFinite(n)
          ? String(Number((n / 100).toPrecision(12)))
          : raw
    params.set(field.param, value)
  }
  return params.toString()
}

export function SampleSizePage() {
  const [values, setValues] = useState(
    () => Object.fromEntries(FIELDS.map((f) => [f.param, f.initial])) as Record<Param, string>,
  )
  const [answer, setAnswer] = useState<SampleSizeResponse | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      request<SampleSizeResponse>(`/v1/admin/sample-size?${sampleSizeQuery(values)}`, {
        signal: controller.signal,
      })
        .then((body) => {
          setAnswer(body)
          setFailure(null)
        })
        .catch((err: unknown) => {
          if (isAbort(err)) return
          setFailure(asFailure(err))
          setAnswer(null)
        })
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [values])

  const badParam = failure?.code.startsWith('invalid_')
    ? failure.code.slice('invalid_'.length)
    : null
  const fieldOf = FIELDS.find((f) => f.param === badParam)

  return (
    <Page title="Sample size">
      <p>How many visitors an experiment needs before its fixed-horizon p-value can be read.</p>
      <form class="sample-size" onSubmit={(e) => e.preventDefault()} noValidate>
        {FIELDS.map((f) => {
          const bad = fieldOf === f
          return (
            <div class="field" key={f.param}>
              <label for={`ss-${f.param}`}>{f.label}</label>
              <input
                id={`ss-${f.param}`}
                type="number"
                inputMode="decimal"
                step="any"
                value={values[f.param]}
                aria-invalid={bad ? true : undefined}
                aria-describedby={bad ? `ss-${f.param}-error` : `ss-${f.param}-hint`}
                onInput={(e) => {
                  const value = e.currentTarget.value
                  setValues((v) => ({ ...v, [f.param]: value }))
                }}
              />
              <p class="hint" id={`ss-${f.param}-hint`}>
                {f.hint}
              </p>
              {bad && <ErrorDisplay failure={failure} inline id={`ss-${f.param}-error`} />}
            </div>
          )
        })}
      </form>
      {failure && !fieldOf && <ErrorDisplay failure={failure} />}
      <div class="answer" role="status" aria-live="polite">
        {answer && (
          <>
            <p class="big">
              <strong data-figure="per-variation">
                {formatCount(answer.visitorsPerVariation)}
              </strong>{' '}
              visitors per variation,{' '}
              <strong data-figure="total">{formatCount(answer.totalVisitors)}</strong> in total
            </p>
            <p class="muted">
              To detect a {formatLift(answer.minimumDetectableEffect)} lift on a{' '}
              {formatPercent(answer.baselineRate)} baseline ({formatPercent(answer.baselineRate)} →{' '}
              {formatPercent(answer.baselineRate * (1 + answer.minimumDetectableEffect))}) with{' '}
              {formatPercent(answer.power, 0)} power at α = {answer.alpha}, two-sided
              {answer.variations > 2 ? `, corrected for ${answer.variations - 1} comparisons` : ''}.
            </p>
          </>
        )}
      </div>
    </Page>
  )
}
