/**
 * The experiment form's type: an A/B test with fixed weights, or a bandit that moves traffic to
 * the variation converting best (its objective, exploration, cadence, floor and stopping point).
 * The type is chosen when creating; a bandit's settings stay editable.
 */
import { BANDIT_OBJECTIVES, type BanditObjectiveName, type ExperimentType } from '../api/types.ts'
import type { BanditDraft } from './bandit-draft.ts'

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
      <div class="field">
        <label for="exp-type">Experiment type</label>
        <select
          id="exp-type"
          value={bandit.type}
          disabled={!creating}
          onChange={(e) => set({ type: e.currentTarget.value as ExperimentType })}
        >
          <option value="ab">A/B test: fixed weights</option>
          <option value="bandit">Bandit: traffic moves to the variation that converts best</option>
        </select>
      </div>
      {bandit.type === 'bandit' && (
        <>
          <p class="hint">
            The bandit starts with equal weights and, after exploring, gives each new visitor the
            variations in proportion to how likely each is to be best on the goal. Visitors already
            shown a variation keep it.
          </p>
          <div class="field">
            <label for="bandit-objective">Objective</label>
            <select
              id="bandit-objective"
              value={bandit.objective}
              onChange={(e) => set({ objective: e.currentTarget.value as BanditObjectiveName })}
            >
              {BANDIT_OBJECTIVES.map((o) => (
                <option key={o} value={o}>
                  {OBJECTIVE_LABELS[o]}
                </option>
              ))}
            </select>
          </div>
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
