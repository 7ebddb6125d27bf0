/**
 * The metrics part of the experiment form: beside the goal, up to MAX_METRICS secondary or
 * guardrail metrics, one fieldset each (key, what it measures, its event, its role and which way
 * is better), added and removed in place.
 */
import { MAX_METRICS, METRIC_EVENTS, METRIC_KINDS, type MetricKind } from '../api/types.ts'
import { KIND_LABELS, newMetric, type MetricDraft } from './metric-draft.ts'

type Props = {
  metrics: MetricDraft[]
  disabled: boolean
  onChange: (metrics: MetricDraft[]) => void
}

type MetricPartProps = {
  /** The prefix of the part's element ids. */
  id: string
  metric: MetricDraft
  onUpdate: (patch: Partial<MetricDraft>) => void
}

/** Which event a conversion metric counts: a built-in one or a custom name. */
function ConversionEventFields({ id, metric: m, onUpdate }: MetricPartProps) {
  return (
    <>
      <div class="field">
        <label for={`${id}-event`}>Event</label>
        <select
          id={`${id}-event`}
          value={m.event}
          onChange={(e) => onUpdate({ event: e.currentTarget.value as MetricDraft['event'] })}
        >
          {METRIC_EVENTS.map((ev) => (
            <option key={ev} value={ev}>
              {ev}
            </option>
          ))}
        </select>
      </div>
      {m.event === 'custom' && (
        <div class="field">
          <label for={`${id}-name`}>Custom event name</label>
          <input
            id={`${id}-name`}
            value={m.name}
            maxLength={64}
            placeholder="refund"
            onInput={(e) => onUpdate({ name: e.currentTarget.value })}
          />
        </div>
      )}
    </>
  )
}

/** The metric's role in the verdict and which way is better. */
function MetricReadingFields({ id, metric: m, onUpdate }: MetricPartProps) {
  return (
    <>
      <div class="field">
        <label for={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={m.role}
          onChange={(e) => onUpdate({ role: e.currentTarget.value as MetricDraft['role'] })}
        >
          <option value="secondary">Secondary: shown for information</option>
          <option value="guardrail">Guardrail: must not get worse</option>
        </select>
      </div>
      <div class="field">
        <label for={`${id}-better`}>Better when</label>
        <select
          id={`${id}-better`}
          value={m.better}
          onChange={(e) => onUpdate({ better: e.currentTarget.value as MetricDraft['better'] })}
        >
          <option value="higher">higher</option>
          <option value="lower">lower</option>
        </select>
      </div>
    </>
  )
}

type MetricFieldsetProps = {
  metric: MetricDraft
  index: number
  onUpdate: (patch: Partial<MetricDraft>) => void
  onRemove: () => void
}

function MetricFieldset({ metric: m, index: i, onUpdate, onRemove }: MetricFieldsetProps) {
  const id = `metric-${i}`
  return (
    <fieldset class="metric" data-metric-index={i}>
      <legend>Metric {i + 1}</legend>
      <div class="field">
        <label for={`${id}-key`}>Key</label>
        <input
          id={`${id}-key`}
          value={m.key}
          maxLength={64}
          autocomplete="off"
          onInput={(e) => onUpdate({ key: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={`${id}-kind`}>Measures</label>
        <select
          id={`${id}-kind`}
          value={m.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value as MetricKind
            onUpdate({ kind, ...(kind === 'bounce' && { better: 'lower' }) })
          }}
        >
          {METRIC_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {m.kind === 'conversion' && <ConversionEventFields id={id} metric={m} onUpdate={onUpdate} />}
      <MetricReadingFields id={id} metric={m} onUpdate={onUpdate} />
      <button type="button" class="button secondary" onClick={onRemove}>
        Remove metric {i + 1}
      </button>
    </fieldset>
  )
}

export function MetricFields({ metrics, disabled, onChange }: Props) {
  const update = (index: number, patch: Partial<MetricDraft>) =>
    onChange(metrics.map((m, i) => (i === index ? { ...m, ...patch } : m)))
  return (
    <fieldset class="metrics" disabled={disabled}>
      <legend>Other metrics</legend>
      <p class="hint">
        Watched beside the goal, each with its interval. A guardrail is a metric the change must not
        hurt: if a variation makes it significantly worse, the verdict warns.
      </p>
      {metrics.map((m, i) => (
        <MetricFieldset
          key={i}
          metric={m}
          index={i}
          onUpdate={(patch) => update(i, patch)}
          onRemove={() => onChange(metrics.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        class="button secondary"
        disabled={metrics.length >= MAX_METRICS}
        onClick={() => onChange([...metrics, newMetric(metrics)])}
      >
        Add a metric
      </button>
    </fieldset>
  )
}
