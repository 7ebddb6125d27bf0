/**
 * The metrics part of the experiment form: beside the goal, up to MAX_METRICS secondary or
 * guardrail metrics, one fieldset each (key, what it measures, its event, its role and which way
 * is better), added and removed in place.
 */
import { MAX_METRICS, METRIC_EVENTS, METRIC_KINDS } from '../api/types.ts'
import { KIND_LABELS, newMetric, type MetricDraft } from './metric-draft.ts'
import { SelectField } from '../components/select-field.tsx'

const METRIC_ROLES = ['secondary', 'guardrail'] as const
const ROLE_LABELS: Record<MetricDraft['role'], string> = {
  secondary: 'Secondary: shown for information',
  guardrail: 'Guardrail: must not get worse',
}
const DIRECTIONS = ['higher', 'lower'] as const

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
      <SelectField
        id={`${id}-event`}
        label="Event"
        value={m.event}
        options={METRIC_EVENTS}
        onChange={(event) => onUpdate({ event })}
      />
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
      <SelectField
        id={`${id}-role`}
        label="Role"
        value={m.role}
        options={METRIC_ROLES}
        optionLabel={(role) => ROLE_LABELS[role]}
        onChange={(role) => onUpdate({ role })}
      />
      <SelectField
        id={`${id}-better`}
        label="Better when"
        value={m.better}
        options={DIRECTIONS}
        onChange={(better) => onUpdate({ better })}
      />
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
      <SelectField
        id={`${id}-kind`}
        label="Measures"
        value={m.kind}
        options={METRIC_KINDS}
        optionLabel={(kind) => KIND_LABELS[kind]}
        onChange={(kind) => onUpdate({ kind, ...(kind === 'bounce' && { better: 'lower' }) })}
      />
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
