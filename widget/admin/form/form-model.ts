/**
 * The experiment form's state and rules, apart from any DOM: weights are typed in percent (text,
 * so a half-typed "33." is not lost), checked live against 100%, and turned into the API's body.
 * The Save button is disabled while `formProblems` lists anything.
 */
import { KEY } from '../../../shared/identifiers.ts'
import type { Experiment, ExperimentInput, GoalEvent, Variation } from '../api/types.ts'
import type { IntentBand } from '../../../shared/api-types.ts'
import type { Audience, Device, TrafficSourceKind, VisitorKind } from '../../../shared/audience.ts'
import {
  banditDraftOf,
  banditInputOf,
  banditProblems,
  newBanditDraft,
  type BanditDraft,
} from './bandit-draft.ts'
import { metricDraftOf, metricInputOf, metricProblems, type MetricDraft } from './metric-draft.ts'

export const MIN_VARIATIONS = 2
export const MAX_VARIATIONS = 10
/** Percent points of slack for typed sums such as 33.33 + 33.33 + 33.34 rounding. */
const SUM_TOLERANCE = 0.005

export type VariationDraft = {
  key: string
  name: string
  weightPercent: string
  url: string
  /** The stored weight this row started from, re-sent as is when its percent is not edited. */
  initialWeight?: number
}

export type ExperimentDraft = {
  key: string
  name: string
  variations: VariationDraft[]
  /** Share of traffic 0-1, kept exact: the slider moves in whole percents, an API value may not. */
  coverage: number
  goalEvent: GoalEvent
  goalName: string
  url: string
  redirect: boolean
  winsorize: boolean
  winsorizePercent: string
  /** Secondary and guardrail metrics. */
  metrics: MetricDraft[]
  audience: AudienceDraft
  /** A/B test or bandit, and the bandit's settings. */
  bandit: BanditDraft
}

/** The audience as ticked in the form: an empty list (or '') leaves that condition out. */
export type AudienceDraft = {
  intentBands: IntentBand[]
  devices: Device[]
  visitors: VisitorKind | ''
  sources: TrafficSourceKind[]
}

const EVERYBODY: AudienceDraft = { intentBands: [], devices: [], visitors: '', sources: [] }

/** A weight 0-1 as the percent text the form shows: up to four decimals, no trailing zeros. */
export function percentText(weight: number): string {
  return String(Number((weight * 100).toFixed(4)))
}

/** Even weights in percent that add up to exactly 100 (the first takes the rounding rest). */
export function evenPercents(n: number): string[] {
  const share = Math.floor(10000 / n) / 100
  const rest = Number((100 - share * (n - 1)).toFixed(2))
  return Array.from({ length: n }, (_, i) => String(i === 0 ? rest : share))
}

export function newDraft(): ExperimentDraft {
  return {
    key: '',
    name: '',
    variations: [
      { key: 'control', name: 'Control', weightPercent: '50', url: '' },
      { key: 'treatment', name: 'Treatment', weightPercent: '50', url: '' },
    ],
    coverage: 1,
    goalEvent: 'purchase',
    goalName: '',
    url: '',
    redirect: false,
    winsorize: false,
    winsorizePercent: '99',
    metrics: [],
    audience: EVERYBODY,
    bandit: newBanditDraft(),
  }
}

export function draftOf(exp: Experiment): ExperimentDraft {
  return {
    key: exp.key,
    name: exp.name,
    variations: exp.variations.map((v) => ({
      key: v.key,
      name: v.name ?? '',
      weightPercent: percentText(v.weight),
      url: v.url ?? '',
      initialWeight: v.weight,
    })),
    coverage: exp.coverage,
    goalEvent: exp.goal.event,
    goalName: exp.goal.name ?? '',
    url: exp.url ?? '',
    redirect: exp.redirect,
    winsorize: exp.winsorize !== null,
    winsorizePercent: exp.winsorize === null ? '99' : percentText(exp.winsorize),
    metrics: exp.metrics.map(metricDraftOf),
    audience: {
      intentBands: exp.audience?.intentBands ?? [],
      devices: exp.audience?.devices ?? [],
      visitors: exp.audience?.visitors ?? '',
      sources: exp.audience?.sources ?? [],
    },
    bandit: banditDraftOf(exp),
  }
}

/** The API's audience for the ticked conditions: null when none is ticked (everybody). */
export function audienceOf(draft: AudienceDraft): Audience | null {
  const audience: Audience = {
    ...(draft.intentBands.length > 0 && { intentBands: draft.intentBands }),
    ...(draft.devices.length > 0 && { devices: draft.devices }),
    ...(draft.visitors !== '' && { visitors: draft.visitors }),
    ...(draft.sources.length > 0 && { sources: draft.sources }),
  }
  return Object.keys(audience).length === 0 ? null : audience
}

/** A typed percent as a number, or NaN when it is not one. */
function parsePercent(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text)
}

/** The weights' sum in percent, and the sentence the form shows about it. */
export function weightCheck(draft: ExperimentDraft): { sum: number; ok: boolean; message: string } {
  const values = draft.variations.map((v) => parsePercent(v.weightPercent))
  if (values.some((w) => !Number.isFinite(w) || w < 0 || w > 100)) {
    return { sum: Number.NaN, ok: false, message: 'Every weight must be a number from 0 to 100.' }
  }
  const sum = Number(values.reduce((a, w) => a + w, 0).toFixed(4))
  const ok = Math.abs(sum - 100) <= SUM_TOLERANCE
  const message = ok
    ? 'Weights add up to 100%.'
    : `Weights add up to ${sum}%; they must add up to 100%.`
  return { sum, ok, message }
}

/**
 * Why the form cannot be saved yet; empty when it can. `savedZeroControl`: the experiment is
 * already stored with a 0% control (a rollout made through the API), which a rename or a change
 * of coverage must not be blocked by; a new 0% control is still refused.
 */
export function formProblems(draft: ExperimentDraft, savedZeroControl = false): string[] {
  const problems: string[] = []
  if (!draft.key.trim()) problems.push('Enter a key for the experiment.')
  else if (!KEY.test(draft.key))
    problems.push('The key must be 1-64 characters of A-Z a-z 0-9 _ . : -.')
  const keys = draft.variations.map((v) => v.key)
  if (keys.some((k) => !KEY.test(k))) {
    problems.push('Every variation needs a key of 1-64 characters of A-Z a-z 0-9 _ . : -.')
  } else if (new Set(keys.map((k) => k.toLowerCase())).size !== keys.length) {
    // `control` and `Control` would be two variations the admin cannot tell apart.
    problems.push('Variation keys must be different from each other, also in upper/lower case.')
  }
  const weights = weightCheck(draft)
  // A bandit's weights are the bandit's: it starts them equal.
  if (draft.bandit.type === 'bandit') problems.push(...banditProblems(draft.bandit, keys.length))
  else if (!weights.ok) problems.push(weights.message)
  else if (!savedZeroControl && !(parsePercent(draft.variations[0]?.weightPercent ?? '') > 0)) {
    problems.push(
      'The first variation is the control: give it a weight above 0%, or there is nothing to compare with.',
    )
  }
  if (draft.goalEvent === 'custom' && !draft.goalName.trim()) {
    problems.push('A custom goal needs the name of its custom event.')
  }
  const cap = parsePercent(draft.winsorizePercent)
  if (draft.winsorize && !(cap >= 50 && cap <= 99.99)) {
    problems.push('The revenue cap must be a percentile from 50 to 99.99.')
  }
  problems.push(...metricProblems(draft.metrics))
  return problems
}

/**
 * A note, not a problem: the storefront widget shows the elements marked with the variation key
 * `control` to visitors without an assignment (no consent, outside coverage, a slow answer), so a
 * first variation keyed otherwise leaves such visitors none of an on-page experiment's elements.
 */
export function controlKeyNote(draft: ExperimentDraft): string | null {
  const first = draft.variations[0]?.key.trim()
  if (!first || first === 'control') return null
  return `Pages using the script tag show the elements marked data-edgelift-variation="control" to visitors without an assignment. Key this variation control unless the experiment only uses split URLs or your own server.`
}

function weightOf(v: VariationDraft): number {
  const typed = parsePercent(v.weightPercent)
  if (v.initialWeight !== undefined && v.weightPercent === percentText(v.initialWeight)) {
    return v.initialWeight
  }
  return Number((typed / 100).toFixed(6))
}

/** The body of `POST /v1/admin/experiments` (PATCH takes the same fields without `key`). */
export function inputOf(draft: ExperimentDraft): ExperimentInput {
  const bandit = draft.bandit.type === 'bandit'
  const variations = draft.variations.map((v): Variation => {
    const weight = bandit ? 1 / draft.variations.length : weightOf(v)
    const variation: Variation = { key: v.key.trim(), weight }
    if (v.name.trim()) variation.name = v.name.trim()
    if (v.url.trim()) variation.url = v.url.trim()
    return variation
  })
  const goalName = draft.goalName.trim()
  return {
    key: draft.key.trim(),
    name: draft.name.trim() || draft.key.trim(),
    variations,
    coverage: draft.coverage,
    goal:
      draft.goalEvent === 'custom'
        ? { event: 'custom', name: goalName }
        : { event: draft.goalEvent },
    url: draft.url.trim() || null,
    redirect: draft.redirect,
    winsorize: draft.winsorize
      ? Number((parsePercent(draft.winsorizePercent) / 100).toFixed(6))
      : null,
    metrics: draft.metrics.map(metricInputOf),
    audience: audienceOf(draft.audience),
    ...(bandit && { type: 'bandit' as const, bandit: banditInputOf(draft.bandit) }),
  }
}

/**
 * Whether saving re-splits traffic, which for a started experiment opens a new phase. Mirrors the
 * Worker's rule: variation keys and weights, the audience (and the seed, which the form does not
 * edit); a bandit's keys only, its weights being its own.
 */
export function changesSplit(exp: Experiment, input: ExperimentInput): boolean {
  const split = (v: Variation) => (exp.type === 'bandit' ? [v.key] : [v.key, v.weight])
  const before = [exp.variations.map(split), exp.audience]
  const after = [input.variations.map(split), input.audience]
  return JSON.stringify(before) !== JSON.stringify(after)
}

/** Whether the experiment has visitors a new phase would set aside. */
export function hasStarted(exp: Experiment): boolean {
  return exp.status === 'running' || exp.status === 'paused'
}
