/**
 * `/admin/sample-size`: visitors per variation for a baseline rate and the smallest relative lift
 * worth detecting, and, for a chosen experiment, how many days its recent traffic takes to bring
 * them. Computed by the API as the admin types (debounced); a 400 `invalid_<param>` is shown
 * beside the field it names.
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiFailure, asFailure, isAbort, request } from '../api/client.ts'
import type { Duration, ExperimentDetail, SampleSizeResponse } from '../api/types.ts'
import { useApi } from '../api/use-api.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Page } from '../components/page.tsx'
import { formatCount, formatDays, formatLift, formatPercent } from '../lib/format.ts'
import { SelectField } from '../components/select-field.tsx'

type Param = 'baseline' | 'mde' | 'alpha' | 'power' | 'variations'
type Field = {
  param: Param
  label: string
  hint: string
  unit: 'percent' | 'number'
  initial: string
  /**
   * What to say when the API refuses the value, in the field's own units: the API's sentence
   * speaks of the fractions the percents were turned into (`power must be at least 0.5`).
   */
  invalid: string
}

const FIELDS: Field[] = [
  {
    param: 'baseline',
    label: 'Baseline conversion rate (%)',
    hint: 'The control’s rate today, e.g. 5.',
    unit: 'percent',
    initial: '5',
    invalid: 'Enter the control’s conversion rate: above 0 and below 100.',
  },
  {
    param: 'mde',
    label: 'Minimum detectable lift (%)',
    hint: 'Relative: 10 means 5% → 5.5%.',
    unit: 'percent',
    initial: '10',
    invalid:
      'Enter a lift other than 0 and above −100 that keeps the treated rate below 100% (e.g. 10).',
  },
  {
    param: 'alpha',
    label: 'Significance level α',
    hint: 'Chance of a false alarm; 0.05 is usual.',
    unit: 'number',
    initial: '0.05',
    invalid: 'Enter α above 0 and at most 0.5 (0.05 is usual).',
  },
  {
    param: 'power',
    label: 'Power (%)',
    hint: 'Chance to detect the lift if it is real; 80 is usual.',
    unit: 'percent',
    initial: '80',
    invalid: 'Enter a power from 50 to below 100 (80 is usual).',
  },
  {
    param: 'variations',
    label: 'Variations (with the control)',
    hint: 'From 2 to 10.',
    unit: 'number',
    initial: '2',
    invalid: 'Enter a whole number of variations from 2 to 10.',
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

/** Two rates with as many digits as it takes to tell them apart (5.0% → 5.0% says nothing). */
export function distinctPercents(a: number, b: number): [string, string] {
  for (let digits = 1; digits < 6; digits++) {
    const pair: [string, string] = [formatPercent(a, digits), formatPercent(b, digits)]
    if (pair[0] !== pair[1]) return pair
  }
  return [formatPercent(a), formatPercent(b)]
}

/** The duration of a plan in words: days at the recent traffic, or why there is no estimate. */
export function durationSentence(duration: Duration, experiment: string): string {
  const window =
    duration.windowDays >= 1 ? `the last ${formatDays(duration.windowDays)}` : 'its first hour'
  if (duration.visitorsPerDay === null) {
    return `${experiment} had no new visitors over ${window}, so there is no estimate in days.`
  }
  const perDay = formatCount(Math.round(duration.visitorsPerDay))
  return `About ${formatDays(duration.days)} at ${experiment}’s recent traffic: ${perDay} new visitors a day over ${window}.`
}

/** The API's answer for the typed values, re-asked a moment after the admin stops typing. */
function useSampleSize(values: Record<Param, string>, experiment: string) {
  const [answer, setAnswer] = useState<SampleSizeResponse | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      const forExperiment = experiment ? `&experiment=${encodeURIComponent(experiment)}` : ''
      request<SampleSizeResponse>(
        `/v1/admin/sample-size?${sampleSizeQuery(values)}${forExperiment}`,
        {
          signal: controller.signal,
        },
      )
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
  }, [values, experiment])

  return { answer, failure }
}

type FieldInputProps = {
  field: Field
  value: string
  /** The API's refusal when it names this field, else null. */
  failure: ApiFailure | null
  onInput: (value: string) => void
}

function FieldInput({ field: f, value, failure, onInput }: FieldInputProps) {
  const bad = failure !== null
  return (
    <div class="field">
      <label for={`ss-${f.param}`}>{f.label}</label>
      <input
        id={`ss-${f.param}`}
        type="number"
        inputMode="decimal"
        step="any"
        value={value}
        aria-invalid={bad ? true : undefined}
        aria-describedby={bad ? `ss-${f.param}-error` : `ss-${f.param}-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p class="hint" id={`ss-${f.param}-hint`}>
        {f.hint}
      </p>
      {failure && (
        <ErrorDisplay
          failure={new ApiFailure(failure.status, failure.code, f.invalid)}
          inline
          id={`ss-${f.param}-error`}
        />
      )}
    </div>
  )
}

type ExperimentSelectProps = {
  experiment: string
  experiments: ExperimentDetail[]
  onChange: (key: string) => void
}

function ExperimentSelect({ experiment, experiments, onChange }: ExperimentSelectProps) {
  return (
    <SelectField
      id="ss-experiment"
      label="Days at the traffic of"
      value={experiment}
      options={['', ...experiments.map((x) => x.key)]}
      optionLabel={(key) => experiments.find((x) => x.key === key)?.name ?? 'No experiment'}
      onChange={onChange}
      hint="Its new visitors a day over the last 7 days turn the total into days."
    />
  )
}

function SampleSizeAnswer({ answer }: { answer: SampleSizeResponse }) {
  return (
    <>
      <p class="big">
        <strong data-figure="per-variation">{formatCount(answer.visitorsPerVariation)}</strong>{' '}
        visitors per variation,{' '}
        <strong data-figure="total">{formatCount(answer.totalVisitors)}</strong> in total
      </p>
      <p class="muted">
        To detect a {formatLift(answer.minimumDetectableEffect)} lift on a{' '}
        {formatPercent(answer.baselineRate)} baseline (
        {distinctPercents(
          answer.baselineRate,
          answer.baselineRate * (1 + answer.minimumDetectableEffect),
        ).join(' → ')}
        ) with {formatPercent(answer.power, 0)} power at α = {answer.alpha}, two-sided
        {answer.variations > 2 ? `, corrected for ${answer.variations - 1} comparisons` : ''}.
      </p>
      {answer.duration && answer.experiment && (
        <p data-figure="days">{durationSentence(answer.duration, answer.experiment)}</p>
      )}
    </>
  )
}

export function SampleSizePage() {
  const [values, setValues] = useState(
    () => Object.fromEntries(FIELDS.map((f) => [f.param, f.initial])) as Record<Param, string>,
  )
  const [experiment, setExperiment] = useState('')
  const list = useApi<{ experiments: ExperimentDetail[] }>('/v1/admin/experiments')
  const { answer, failure } = useSampleSize(values, experiment)

  const badParam = failure?.code.startsWith('invalid_')
    ? failure.code.slice('invalid_'.length)
    : null
  const fieldOf = FIELDS.find((f) => f.param === badParam)

  return (
    <Page title="Sample size">
      <p>How many visitors an experiment needs before its fixed-horizon p-value can be read.</p>
      <form class="sample-size" onSubmit={(e) => e.preventDefault()} noValidate>
        {FIELDS.map((f) => (
          <FieldInput
            key={f.param}
            field={f}
            value={values[f.param]}
            failure={fieldOf === f ? failure : null}
            onInput={(value) => setValues((v) => ({ ...v, [f.param]: value }))}
          />
        ))}
        <ExperimentSelect
          experiment={experiment}
          experiments={list.data?.experiments ?? []}
          onChange={setExperiment}
        />
      </form>
      {failure && !fieldOf && <ErrorDisplay failure={failure} />}
      <div class="answer" role="status" aria-live="polite">
        {answer && <SampleSizeAnswer answer={answer} />}
      </div>
    </Page>
  )
}
