/**
 * How an experiment moves: draft → running ⇄ paused → stopped. Pure decisions; the store persists
 * them. Changing who is split how (weights, variations or seed) while an experiment has data starts
 * a new phase, re-randomized by a derived seed and analysed apart; coverage does not, because
 * raising it only adds visitors.
 */
import { equalWeights } from '../../shared/bucketing.ts'
import { conflict, invalid } from '../domain-error.ts'
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
  if (patch.bandit !== undefined && exp.type !== 'bandit') {
    throw invalid(
      'invalid_experiment',
      'experiment.bandit: only a bandit experiment has bandit settings.',
    )
  }
  const variations =
    patch.variations === undefined || exp.type !== 'bandit'
      ? patch.variations
      : banditVariations(exp, patch.variations)
  const bandit = patch.bandit ?? exp.bandit
  const count = (variations ?? exp.variations).length
  if (bandit && bandit.minWeight * count > 1 + 1e-9) {
    throw invalid(
      'invalid_experiment',
      `experiment.bandit.minWeight: ${count} variations cannot each keep ${bandit.minWeight} of the traffic.`,
    )
  }
  const next: Experiment = {
    ...exp,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(variations !== undefined && { variations }),
    ...(patch.bandit !== undefined && { bandit: patch.bandit }),
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
  // A bandit's new phase explores afresh from an equal split, whatever opened it (keys, seed or
  // audience): the weights it had learnt belong to the phase that closes.
  const weights = next.type === 'bandit' ? equalWeights(next.variations.length) : null
  const reSplit = {
    ...next,
    phase: exp.phase + 1,
    ...(weights && {
      variations: next.variations.map((v, i) => ({ ...v, weight: weights[i] ?? 0 })),
    }),
  }
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

/**
 * What decides each visitor's variation: variation keys, weights, seed and audience. A bandit's
 * weights are its own to move, within the phase, so only its keys count. A new audience is a new
 * split too: visitors decided under the old one keep their decision within its phase, and the new
 * phase decides everyone afresh.
 */
function splitSignature(exp: Experiment): string {
  const split = exp.variations.map((v) => (exp.type === 'bandit' ? [v.key] : [v.key, v.weight]))
  return JSON.stringify([split, exp.seed ?? exp.key, exp.audience])
}

/**
 * A bandit's variations after a PATCH: the same keys keep the current weights (the bandit sets
 * them), other keys start a new phase with an equal split.
 */
function banditVariations(
  exp: Experiment,
  given: Experiment['variations'],
): Experiment['variations'] {
  const sameKeys =
    given.length === exp.variations.length &&
    given.every((v, i) => v.key === exp.variations[i]?.key)
  const weights = sameKeys ? exp.variations.map((v) => v.weight) : equalWeights(given.length)
  return given.map((v, i) => ({ ...v, weight: weights[i] ?? 0 }))
}

/**
 * "Stop and roll out": stops the experiment and records `variation` as the winner, which every
 * visitor is then shown. 409 unless running or paused; 400 for a key the experiment lacks.
 */
export function rollOut(exp: Experiment, variation: string, now: number): Change {
  if (exp.status !== 'running' && exp.status !== 'paused') {
    throw conflict('not_running', 'Only a running or paused experiment can be rolled out.')
  }
  if (!exp.variations.some((v) => v.key === variation)) {
    throw invalid('invalid_variation', `The experiment has no variation ${variation}.`)
  }
  const { next, closePhase } = transition(exp, 'stop', now)
  return { next: { ...next, winner: variation }, ...(closePhase !== undefined && { closePhase }) }
}
