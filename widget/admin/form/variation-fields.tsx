/**
 * The variations part of the experiment form: one fieldset per variation (key, name, weight in
 * percent, optional split URL), add / remove / split evenly, and the live check that the weights
 * add up to 100%, announced politely as they change.
 */
import {
  controlKeyNote,
  evenPercents,
  MAX_VARIATIONS,
  MIN_VARIATIONS,
  weightCheck,
  type ExperimentDraft,
  type VariationDraft,
} from './form-model.ts'

type Props = {
  draft: ExperimentDraft
  disabled: boolean
  onChange: (variations: VariationDraft[]) => void
}

export const WEIGHT_SUM_ID = 'weights-sum'

type VariationKeyFieldProps = {
  /** The variation's id prefix. */
  id: string
  value: string
  /** What to say beside the key, or null. */
  note: string | null
  onInput: (key: string) => void
}

function VariationKeyField({ id, value, note, onInput }: VariationKeyFieldProps) {
  return (
    <div class="field">
      <label for={`${id}-key`}>Key</label>
      <input
        id={`${id}-key`}
        value={value}
        required
        maxLength={64}
        autocomplete="off"
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={note ? `${id}-key-note` : undefined}
      />
      {note && (
        <p class="hint" id={`${id}-key-note`}>
          {note}
        </p>
      )}
    </div>
  )
}

type VariationFieldsetProps = {
  variation: VariationDraft
  index: number
  /** What to say beside the control's key, or null. */
  controlNote: string | null
  weighted: boolean
  weightsOk: boolean
  removable: boolean
  onUpdate: (patch: Partial<VariationDraft>) => void
  onRemove: () => void
}

/** One variation's key, name, weight and split URL, with its remove button. */
function VariationFieldset(props: VariationFieldsetProps) {
  const { variation: v, index: i, controlNote, onUpdate } = props
  const id = `variation-${i}`
  const label = i === 0 ? 'Variation 1 (control)' : `Variation ${i + 1}`
  return (
    <fieldset class="variation" data-variation-index={i}>
      <legend>{label}</legend>
      <VariationKeyField
        id={id}
        value={v.key}
        note={i === 0 ? controlNote : null}
        onInput={(key) => onUpdate({ key })}
      />
      <div class="field">
        <label for={`${id}-name`}>Name (optional)</label>
        <input
          id={`${id}-name`}
          value={v.name}
          maxLength={200}
          onInput={(e) => onUpdate({ name: e.currentTarget.value })}
        />
      </div>
      {props.weighted && (
        <div class="field weight">
          <label for={`${id}-weight`}>Weight (%)</label>
          <input
            id={`${id}-weight`}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            value={v.weightPercent}
            aria-describedby={WEIGHT_SUM_ID}
            aria-invalid={props.weightsOk ? undefined : true}
            onInput={(e) => onUpdate({ weightPercent: e.currentTarget.value })}
          />
        </div>
      )}
      <div class="field">
        <label for={`${id}-url`}>Split URL (optional)</label>
        <input
          id={`${id}-url`}
          value={v.url}
          placeholder="/products/new-page"
          maxLength={2048}
          onInput={(e) => onUpdate({ url: e.currentTarget.value })}
        />
      </div>
      {props.removable && (
        <button
          type="button"
          class="button secondary small"
          aria-label={`Remove ${label}`}
          onClick={props.onRemove}
        >
          Remove
        </button>
      )}
    </fieldset>
  )
}

export function VariationFields({ draft, disabled, onChange }: Props) {
  const { variations } = draft
  // A bandit sets its own weights, starting equal.
  const weighted = draft.bandit.type !== 'bandit'
  const check = weightCheck(draft)
  const controlNote = controlKeyNote(draft)
  const update = (index: number, patch: Partial<VariationDraft>) =>
    onChange(variations.map((v, i) => (i === index ? { ...v, ...patch } : v)))
  const add = () => {
    const n = variations.length + 1
    const percents = evenPercents(n)
    const next = [...variations, { key: `variation-${n}`, name: '', weightPercent: '0', url: '' }]
    onChange(next.map((v, i) => ({ ...v, weightPercent: percents[i] ?? '0' })))
  }
  const remove = (index: number) => onChange(variations.filter((_, i) => i !== index))
  const even = () => {
    const percents = evenPercents(variations.length)
    onChange(variations.map((v, i) => ({ ...v, weightPercent: percents[i] ?? '0' })))
  }

  return (
    <fieldset class="variations" disabled={disabled}>
      <legend>Variations</legend>
      <p class="hint">
        The first variation is the control. Weights are the share of the experiment’s visitors each
        variation gets.
      </p>
      {variations.map((v, i) => (
        <VariationFieldset
          key={i}
          variation={v}
          index={i}
          controlNote={controlNote}
          weighted={weighted}
          weightsOk={check.ok}
          removable={variations.length > MIN_VARIATIONS}
          onUpdate={(patch) => update(i, patch)}
          onRemove={() => remove(i)}
        />
      ))}
      {weighted && (
        <p
          id={WEIGHT_SUM_ID}
          class={check.ok ? 'weight-sum ok' : 'weight-sum bad'}
          aria-live="polite"
        >
          <span aria-hidden="true">{check.ok ? '✓ ' : '⚠ '}</span>
          {check.message}
        </p>
      )}
      <div class="row-actions">
        {variations.length < MAX_VARIATIONS && (
          <button type="button" class="button secondary" onClick={add}>
            Add a variation
          </button>
        )}
        {weighted && (
          <button type="button" class="button secondary" onClick={even}>
            Split evenly
          </button>
        )}
      </div>
    </fieldset>
  )
}
