/**
 * Creating and changing an experiment. Save is marked unavailable, with the reasons listed beside
 * it once the admin has typed (or pressed Save, which moves focus to them), until the form is
 * valid (weights summing to 100% above all). Changing the split of a started
 * experiment opens a new phase, so the form says so up front and asks before saving it.
 */
import { useEffect, useState } from 'preact/hooks'
import { asFailure, experimentApi, request, type ApiFailure } from '../api/client.ts'
import type { ExperimentDetail, ExperimentInput } from '../api/types.ts'
import { useConfirm, type ConfirmOptions } from '../components/confirm-dialog.tsx'
import { ErrorDisplay } from '../components/error-display.tsx'
import { readableFailure, row, type FieldLabels } from '../lib/field-messages.ts'
import { experimentPath, navigate } from '../router.ts'
import {
  changesSplit,
  draftOf,
  formProblems,
  hasStarted,
  inputOf,
  newDraft,
  type ExperimentDraft,
} from './form-model.ts'
import { AudienceFields } from './audience-fields.tsx'
import { BanditFields } from './bandit-fields.tsx'
import { MetricFields } from './metric-fields.tsx'
import { VariationFields } from './variation-fields.tsx'

/** The form's words for the fields `POST/PATCH /v1/admin/experiments` names. */
export const experimentLabels: FieldLabels = ([field, index, part]) => {
  const variationField: Record<string, string> = {
    key: 'key',
    name: 'name',
    weight: 'weight',
    url: 'split URL',
  }
  if (field === 'variations' && index !== undefined && part && variationField[part]) {
    return `Variation ${row(index)}’s ${variationField[part]}`
  }
  if (field === 'metrics' && index !== undefined) return `Metric ${row(index)}`
  const fields: Record<string, string> = {
    key: 'The key',
    name: 'The name',
    coverage: 'Coverage',
    url: 'The URL pattern',
    winsorize: 'The revenue cap',
    goal: 'The goal',
    metrics: 'The metrics',
  }
  return index === undefined ? fields[field ?? ''] : undefined
}

/** The draft being edited, and whether the admin has changed anything yet. */
function useExperimentDraft(existing: ExperimentDetail | undefined) {
  const [draft, setDraft] = useState<ExperimentDraft>(() =>
    existing ? draftOf(existing) : newDraft(),
  )
  /** Whether the admin has changed anything: an untouched new form is not yet wrong. */
  const [dirty, setDirty] = useState(false)
  const set = (patch: Partial<ExperimentDraft>) => {
    setDirty(true)
    setDraft((d) => ({ ...d, ...patch }))
  }
  return { draft, dirty, set }
}

/**
 * How many times Save was pressed while blocked, and the way to count one more. Each attempt
 * moves focus to the reasons, so they are read out.
 */
function useBlockedAttempts(): [number, () => void] {
  const [attempts, setAttempts] = useState(0)
  useEffect(() => {
    if (attempts > 0) document.getElementById('save-blocked')?.focus()
  }, [attempts])
  return [attempts, () => setAttempts((n) => n + 1)]
}

/** Why the draft cannot be saved; a stopped experiment only needs its name. */
function saveProblems(draft: ExperimentDraft, existing: ExperimentDetail | undefined): string[] {
  if (existing?.status === 'stopped')
    return draft.name.trim() ? [] : ['Give the experiment a name.']
  return formProblems(draft, existing?.variations[0]?.weight === 0)
}

/** Creates the experiment, or changes the existing one (only its name once it is stopped). */
function sendExperiment(
  input: ExperimentInput,
  existing: ExperimentDetail | undefined,
): Promise<ExperimentDetail> {
  if (!existing) {
    return request<ExperimentDetail>('/v1/admin/experiments', { method: 'POST', body: input })
  }
  const { key: _key, type: _type, ...fields } = input
  return request<ExperimentDetail>(experimentApi(existing.key), {
    method: 'PATCH',
    body: existing.status === 'stopped' ? { name: fields.name } : fields,
  })
}

export function ExperimentForm({ existing }: { existing?: ExperimentDetail }) {
  const { draft, dirty, set } = useExperimentDraft(existing)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [saving, setSaving] = useState(false)
  const [dialog, ask] = useConfirm()
  const [blockedAttempts, attemptBlocked] = useBlockedAttempts()
  const stopped = existing?.status === 'stopped'
  const started = existing ? hasStarted(existing) : false
  const problems = saveProblems(draft, existing)
  const blocked = problems.length > 0
  const showProblems = blocked && (dirty || blockedAttempts > 0 || existing !== undefined)

  const save = async (event: Event) => {
    event.preventDefault()
    if (saving) return
    if (blocked) {
      attemptBlocked()
      return
    }
    const input = inputOf(draft)
    if (existing && started && changesSplit(existing, input) && !(await ask(newPhase(existing))))
      return
    setSaving(true)
    setFailure(null)
    try {
      const saved = await sendExperiment(input, existing)
      navigate(experimentPath(saved.key))
    } catch (err) {
      setFailure(readableFailure(asFailure(err), experimentLabels))
      setSaving(false)
      document.getElementById('form-error')?.scrollIntoView({ block: 'center' })
    }
  }

  return (
    <form class="experiment-form" onSubmit={(e) => void save(e)} noValidate>
      {dialog}
      <StateNotices started={started} stopped={stopped} />
      <KeyAndName draft={draft} keyFixed={existing !== undefined} set={set} />
      <BanditFields
        bandit={draft.bandit}
        creating={existing === undefined}
        disabled={stopped}
        onChange={(bandit) => set({ bandit })}
      />
      <VariationFields
        draft={draft}
        disabled={stopped}
        onChange={(variations) => set({ variations })}
      />
      <AudienceFields draft={draft} disabled={stopped} set={set} />
      <MetricFields
        metrics={draft.metrics}
        disabled={stopped}
        onChange={(metrics) => set({ metrics })}
      />
      <ErrorDisplay failure={failure} id="form-error" />
      <SaveActions
        saving={saving}
        blocked={blocked}
        problems={showProblems ? problems : []}
        existing={existing}
      />
    </form>
  )
}

/** What the confirmation before a split change of a started experiment says. */
function newPhase(existing: ExperimentDetail): ConfirmOptions {
  const next = existing.phase + 1
  return {
    title: `Start phase ${next}?`,
    body: (
      <p>
        You changed the variations or their weights. Saving starts phase {next}: every visitor is
        assigned again and phase {next} is analysed on its own. The results of phase{' '}
        {existing.phase} stay available but are not combined with the new ones.
      </p>
    ),
    confirmLabel: `Save and start phase ${next}`,
  }
}

function StateNotices({ started, stopped }: { started: boolean; stopped: boolean }) {
  return (
    <>
      {started && (
        <div class="notice" role="note">
          <strong>This experiment has started.</strong> Changing variations or weights starts a new
          phase: everyone is assigned again and the new phase is analysed separately. Changing the
          name, coverage, goal or targeting keeps the current phase.
        </div>
      )}
      {stopped && (
        <div class="notice" role="note">
          This experiment is stopped: only its name can change.
        </div>
      )}
    </>
  )
}

function KeyAndName({
  draft,
  keyFixed,
  set,
}: {
  draft: ExperimentDraft
  /** An existing experiment's key cannot change. */
  keyFixed: boolean
  set: (patch: Partial<ExperimentDraft>) => void
}) {
  return (
    <>
      <div class="field">
        <label for="exp-key">Key</label>
        <input
          id="exp-key"
          value={draft.key}
          required
          maxLength={64}
          autocomplete="off"
          disabled={keyFixed}
          aria-describedby="exp-key-hint"
          onInput={(e) => set({ key: e.currentTarget.value })}
        />
        <p class="hint" id="exp-key-hint">
          Used in code and events; letters, digits and _ . : - only. It cannot change later.
        </p>
      </div>
      <div class="field">
        <label for="exp-name">Name</label>
        <input
          id="exp-name"
          value={draft.name}
          maxLength={200}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </div>
    </>
  )
}

/** Save and Cancel, and the reasons Save is blocked (`problems`, once they are to be shown). */
function SaveActions({
  saving,
  blocked,
  problems,
  existing,
}: {
  saving: boolean
  blocked: boolean
  problems: string[]
  existing: ExperimentDetail | undefined
}) {
  return (
    <>
      <div class="form-actions">
        {/* aria-disabled, not disabled: the button stays in the Tab order, and pressing it says why. */}
        <button
          type="submit"
          class="button"
          disabled={saving}
          aria-disabled={blocked ? 'true' : undefined}
          aria-describedby={problems.length > 0 ? 'save-blocked' : undefined}
        >
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Create experiment'}
        </button>
        <a class="button secondary" href={existing ? experimentPath(existing.key) : '/admin'}>
          Cancel
        </a>
      </div>
      {problems.length > 0 && (
        <div id="save-blocked" class="blocked" tabIndex={-1}>
          <p>Cannot save yet:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
