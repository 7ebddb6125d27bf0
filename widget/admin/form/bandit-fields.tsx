/**
 * The experiment form's type: an A/B test with fixed weights, or a bandit that moves traffic to
 * the variation converting best (its objective, exploration, cadence, floor and stopping point).
 * The type is chosen when creating; a bandit's settings stay editable.
 */
import { BANDIT_OBJECTIVES, type BanditObjectiveName, type ExperimentType } from '../api/types.ts'
import type { BanditDraft } from './bandit-draft.ts'
import { SelectField } from '../components/select-field.tsx'

const EXPERIMENT_TYPES = ['ab', 'bandit'] as const satisfies readonly ExperimentType[]
const TYPE_LABELS: Record<ExperimentType, string> = {
  ab: 'A/B test: fixed weights',
  bandit: 'Bandit: traffic moves to the variation that converts best',
}

const OBJECTIVE_LABELS: Record<BanditObjectiveName, string> = {
  maximize: 'Maximize conversions (Thompson sampling)',
  identify: 'Identify the best variation (top-two Thompson sampling)',
}

type Props = {
  bandit: BanditDraft
  /** The type cannot change once the experiment exists. */
  creating: boolean
  disabled: boolean
  onChange: (bandit: BanditDraft) => void
}

export function BanditFields({ bandit, creating, disabled, onChange }: Props) {
  const set = (patch: Partial<BanditDraft>) => onChange({ ...bandit, ...patch })
  const number = (id: string, label: string, field: keyof BanditDraft, hint: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step="any"
        value={bandit[field]}
        aria-describedby={`${id}-hint`}
        onInput={(e) => set({ [field]: e.currentTarget.value })}
      />
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  )
  return (
    <fieldset class="bandit-fields" disabled={disabled}>
      <legend>Type</legend>
      <SelectField
        id="exp-type"
        label="Experiment type"
        value={bandit.type}
        options={EXPERIMENT_TYPES}
        optionLabel={(type) => TYPE_LABELS[type]}
        disabled={!creating}
        onChange={(type) => set({ type })}
      />
      {bandit.type === 'bandit' && (
        <>
          <p class="hint">
            The bandit starts with equal weights and, after exploring, gives each new visitor the
            variations in proportion to how likely each is to be best on the goal. Visitors already
            shown a variation keep it.
          </p>
          <SelectField
            id="bandit-objective"
            label="Objective"
            value={bandit.objective}
            options={BANDIT_OBJECTIVES}
            optionLabel={(objective) => OBJECTIVE_LABELS[objective]}
            onChange={(objective) => set({ objective })}
          />
          {number(
            'bandit-explore',
            'Explore for (hours)',
            'exploreHours',
            'Equal weights meanwhile.',
          )}
          {number('bandit-update', 'Update every (hours)', 'updateHours', 'At least 0.25.')}
          {number(
            'bandit-floor',
            'Minimum weight (%)',
            'minWeightPercent',
            'Every variation keeps at least this share.',
          )}
          {number(
            'bandit-stop',
            'Recommend stopping at (% probability of being best)',
            'stopPercent',
            'Reached at three updates in a row.',
          )}
        </>
      )}
    </fieldset>
  )
}
