/**
 * How an experiment moves: draft → running ⇄ paused → stopped. Pure decisions; the store persists
 * them. Changing who is split how (weights, variations or seed) while an experiment has data starts
 * a new phase, re-randomized by a derived seed and analysed apart; coverage does not, because
 * raising it only adds visitors.
 */
import { conflict } from '../domain-error.ts'
import { currentSeed, type Experiment, type Phase } from './experiment.ts'
import type { PatchExperimentInput } from './experiment-schema.ts'

export type LifecycleAction = 'start' | 'pause' | 'stop'

/** What a change means for storage: the next state, and the phase to open and/or close. */
export type Change = { next: Experiment; openPhase?: Phase; closePhase?: number }

/** The result of `start`, `pause` or `stop`, or a 409 when the status forbids it. */
export function transition(exp: Experiment, action: LifecycleAction, now: number): Change {
  const next = { ...exp, updatedAt: now }
  if (action === 'start') {
    if (exp.status === 'running')
      throw conflict('already_running', 'The experiment is already running.')
    if (exp.status === 'stopped') {
      throw conflict(
        'experiment_stopped',
        'A stopped experiment cannot start again; create a new one.',
      )
    }
    if (exp.status === 'paused') return { next: { ...next, status: 'running' } }
    const started = { ...next, status: 'running' as const, phase: 1 }
    return { next: started, openPhase: phaseOf(started, now) }
  }
  if (action === 'pause') {
    if (exp.status !== 'running')
      throw conflict('not_running', 'Only a running experiment can be paused.')
    return { next: { ...next, status: 'paused' } }
  }
  if (exp.status === 'stopped')
    throw conflict('experiment_stopped', 'The experiment is already stopped.')
  const stopped: Change = { next: { ...next, status: 'stopped' } }
  return exp.phase > 0 ? { ...stopped, closePhase: exp.phase } : stopped
}

/** The result of a PATCH: the merged experiment, and a new phase when the split changed. */
export function applyPatch(exp: Experiment, patch: PatchExperimentInput, now: number): Change {
  if (exp.status === 'stopped' && Object.keys(patch).some((k) => k !== 'name')) {
    throw conflict('experiment_stopped', 'A stopped experiment can only be renamed.')
  }
  const next: Experiment = {
    ...exp,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.variations !== undefined && { variations: patch.variations }),
    ...(patch.coverage !== undefined && { coverage: patch.coverage }),
    ...(patch.seed !== undefined && { seed: patch.seed }),
    ...(patch.goal !== undefined && { goal: patch.goal }),
    ...(patch.url !== undefined && { url: patch.url }),
    ...(patch.redirect !== undefined && { redirect: patch.redirect }),
    ...(patch.winsorize !== undefined && { winsorize: patch.winsorize }),
    ...(patch.metrics !== undefined && { metrics: patch.metrics }),
    ...(patch.audience !== undefined && { audience: patch.audience }),
    updatedAt: now,
  }
  const hasData = exp.status === 'running' || exp.status === 'paused'
  if (!hasData || splitSignature(exp) === splitSignature(next)) return { next }
  const reSplit = { ...next, phase: exp.phase + 1 }
  return { next: reSplit, openPhase: phaseOf(reSplit, now), closePhase: exp.phase }
}

/** The phase row an experiment's current state opens. */
export function phaseOf(exp: Experiment, now: number): Phase {
  return {
    phase: exp.phase,
    seed: currentSeed(exp),
    weights: exp.variations.map((v) => v.weight),
    variationKeys: exp.variations.map((v) => v.key),
    startedAt: now,
    endedAt: null,
  }
}

/** What decides each visitor's variation: variation keys, weights, seed and audience. */
function splitSignature(exp: Experiment): string {
  // A new audience is a new split too: visitors decided under the old one keep their decision
  // within its phase, and the new phase decides everyone afresh.
  return JSON.stringify([
    exp.variations.map((v) => [v.key, v.weight]),
    exp.seed ?? exp.key,
    exp.audience,
  ])
}
