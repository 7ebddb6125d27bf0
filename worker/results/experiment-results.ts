/**
 * An experiment's results for one phase: the phase's configuration (weights, variation keys)
 * joined with its totals, handed to the pure statistics module; its secondary and guardrail
 * metrics; and how many days the plan's remaining visitors take at the recent traffic.
 */
import type { Database } from '../db/database.ts'
import type { Experiment, Phase } from '../experiments/experiment.ts'
import { listPhases } from '../experiments/experiment-store.ts'
import { invalid } from '../domain-error.ts'
import type { ResultsAdditions } from '../../shared/api-types.ts'
import { computeResults } from '../stats/index.ts'
import { computeMetric, EMPTY_METRIC_TOTALS as EMPTY_TOTALS } from '../stats/metrics.ts'
import type { ExperimentResults } from '../../shared/results-types.ts'
import { banditSection } from './bandit-results.ts'
import { metricTotals } from './metric-totals.ts'
import { phaseTotals } from './phase-totals.ts'
import { durationAt, recentTraffic } from './recent-traffic.ts'

/** The phase `requested` (default: the current one), or invalid naming the phases that exist. */
export async function resolvePhase(
  db: Database,
  siteId: string,
  exp: Experiment,
  requested: number | undefined,
): Promise<{ phase: Phase; phases: number[] }> {
  const phases = await listPhases(db, siteId, exp.key)
  const numbers = phases.map((p) => p.phase)
  const wanted = requested ?? exp.phase
  const phase = phases.find((p) => p.phase === wanted)
  if (requested !== undefined && !phase) {
    throw invalid(
      'invalid_phase',
      numbers.length
        ? `Phase ${requested} does not exist; this experiment has phases ${numbers.join(', ')}.`
        : 'This experiment has not started, so it has no phases yet.',
    )
  }
  // A draft has no phase row yet: it is analysed as an empty phase 0 of its current setup.
  return { phase: phase ?? draftPhase(exp), phases: numbers }
}

export async function experimentResults(
  db: Database,
  site: { id: string; currency: string },
  exp: Experiment,
  phase: Phase,
  now: number,
): Promise<ExperimentResults & Omit<ResultsAdditions, 'phases'>> {
  const where = { siteId: site.id, experimentKey: exp.key, phase: phase.phase }
  const count = phase.variationKeys.length
  const [totals, traffic, metrics, bandit] = await Promise.all([
    phaseTotals(db, where, count, { currency: site.currency, winsorizeAt: exp.winsorize }),
    recentTraffic(db, { ...where, phaseStartedAt: phase.startedAt }, now),
    metricTotals(db, where, exp.metrics, count, site.currency),
    exp.type === 'bandit' ? banditSection(db, site.id, exp, phase) : undefined,
  ])
  const results = computeResults({
    experiment: exp.key,
    phase: phase.phase,
    status: phase.endedAt !== null && exp.phase !== phase.phase ? 'ended' : exp.status,
    variations: phase.variationKeys.map((key, i) => ({
      key,
      weight: phase.weights[i] ?? 0,
      ...(totals[i] ?? { visitors: 0, conversions: 0, revenueSum: 0, revenueSumSquares: 0 }),
    })),
  })
  return {
    ...results,
    // A bandit's expected split is each period's weights, not the phase's opening ones.
    ...(bandit && { srm: bandit.srm, bandit: bandit.bandit }),
    metrics: exp.metrics.map((definition) =>
      computeMetric(
        definition,
        phase.variationKeys.map((key, i) => ({
          key,
          totals: {
            ...(metrics.get(definition.key)?.[i] ?? EMPTY_TOTALS),
            visitors: totals[i]?.visitors ?? 0,
          },
        })),
        results.settings.alpha,
      ),
    ),
    duration: durationAt(traffic, results.power.visitorsStillNeeded),
  }
}

function draftPhase(exp: Experiment): Phase {
  return {
    phase: 0,
    seed: exp.seed ?? exp.key,
    weights: exp.variations.map((v) => v.weight),
    variationKeys: exp.variations.map((v) => v.key),
    startedAt: exp.createdAt,
    endedAt: null,
  }
}
