/**
 * The experiment form's audience and goal: coverage (a slider), the pages it targets, whether
 * split URLs redirect, who it includes (visitor-audience-fields.tsx), the goal event, and the
 * optional cap on revenue outliers (winsorizing).
 */
import { GOAL_EVENTS, type GoalEvent } from '../api/types.ts'
import { percentText, type ExperimentDraft } from './form-model.ts'
import { VisitorAudienceFields } from './visitor-audience-fields.tsx'
import { SelectField } from '../components/select-field.tsx'

/** The goal events as the dashboard names them, in the form and in an experiment's facts. */
export const GOAL_LABELS: Record<GoalEvent, string> = {
  purchase: 'Purchase',
  add_to_cart: 'Add to cart',
  click: 'Click',
  custom: 'Custom event',
}

type Props = {
  draft: ExperimentDraft
  disabled: boolean
  set: (patch: Partial<ExperimentDraft>) => void
}

type PartProps = Omit<Props, 'disabled'>

/** How much traffic the experiment takes, on which pages, and whether split URLs redirect. */
function TrafficFields({ draft, set }: PartProps) {
  return (
    <>
      <div class="field">
        <label for="exp-coverage">Coverage: {percentText(draft.coverage)}% of traffic</label>
        <input
          id="exp-coverage"
          type="range"
          min={0}
          max={100}
          step={1}
          value={draft.coverage * 100}
          aria-valuetext={`${percentText(draft.coverage)}%`}
          aria-describedby="exp-coverage-hint"
          onInput={(e) => set({ coverage: Number(e.currentTarget.value) / 100 })}
        />
        <p class="hint" id="exp-coverage-hint">
          Raising coverage only adds visitors; nobody already in the experiment moves.
        </p>
      </div>
      <div class="field">
        <label for="exp-url">Pages (targeting pattern, optional)</label>
        <input
          id="exp-url"
          value={draft.url}
          placeholder="/products/*"
          maxLength={2048}
          aria-describedby="exp-url-hint"
          onInput={(e) => set({ url: e.currentTarget.value })}
        />
        <p class="hint" id="exp-url-hint">
          A path like <code>/products/*</code> or a full URL; <code>*</code> matches anything.
          Empty: every page.
        </p>
      </div>
      <div class="field check">
        <input
          id="exp-redirect"
          type="checkbox"
          checked={draft.redirect}
          aria-describedby="exp-redirect-hint"
          onChange={(e) => set({ redirect: e.currentTarget.checked })}
        />
        <label for="exp-redirect">Redirect to split URLs</label>
        <p class="hint" id="exp-redirect-hint">
          Variations with a split URL answer a 302 redirect instead of serving that page in place.
        </p>
      </div>
    </>
  )
}

function GoalFields({ draft, set }: PartProps) {
  return (
    <>
      <SelectField
        id="exp-goal"
        label="Goal"
        value={draft.goalEvent}
        options={GOAL_EVENTS}
        optionLabel={(goal) => GOAL_LABELS[goal]}
        onChange={(goalEvent) => set({ goalEvent })}
      />
      {draft.goalEvent === 'custom' && (
        <div class="field">
          <label for="exp-goal-name">Custom event name</label>
          <input
            id="exp-goal-name"
            value={draft.goalName}
            maxLength={64}
            required
            onInput={(e) => set({ goalName: e.currentTarget.value })}
          />
        </div>
      )}
    </>
  )
}

/** The optional cap on revenue outliers and the percentile it caps at. */
function WinsorizeFields({ draft, set }: PartProps) {
  return (
    <>
      <div class="field check">
        <input
          id="exp-winsorize"
          type="checkbox"
          checked={draft.winsorize}
          aria-describedby="exp-winsorize-hint"
          onChange={(e) => set({ winsorize: e.currentTarget.checked })}
        />
        <label for="exp-winsorize">Cap revenue outliers</label>
        <p class="hint" id="exp-winsorize-hint">
          Revenue per visitor caps each buyer at a percentile, so one huge order cannot decide the
          test. Totals stay raw.
        </p>
      </div>
      {draft.winsorize && (
        <div class="field">
          <label for="exp-winsorize-at">Cap at percentile (50-99.99)</label>
          <input
            id="exp-winsorize-at"
            type="number"
            inputMode="decimal"
            min={50}
            max={99.99}
            step="any"
            value={draft.winsorizePercent}
            onInput={(e) => set({ winsorizePercent: e.currentTarget.value })}
          />
        </div>
      )}
    </>
  )
}

export function AudienceFields({ draft, disabled, set }: Props) {
  return (
    <fieldset disabled={disabled}>
      <legend>Audience and goal</legend>
      <TrafficFields draft={draft} set={set} />
      <VisitorAudienceFields audience={draft.audience} set={(audience) => set({ audience })} />
      <GoalFields draft={draft} set={set} />
      <WinsorizeFields draft={draft} set={set} />
    </fieldset>
  )
}
