/**
 * Which variation a visitor sees in each running experiment that targets the page. Pure: the same
 * visitor, experiments and URL always give the same answer, with no storage involved.
 */
import type { Assignment } from '../../shared/api-types.ts'
import { assignVariation } from '../../shared/bucketing.ts'
import { currentSeed, type Experiment } from './experiment.ts'
import { urlMatches } from './url-target.ts'

/**
 * The visitor's assignments, keyed by experiment. `only` restricts them to the listed experiments;
 * an experiment that targets URLs includes the visitor only on a matching `url`.
 */
export function assignVisitor(
  running: readonly Experiment[],
  visitorId: string,
  options: { only?: readonly string[]; url?: string } = {},
): Record<string, Assignment> {
  const assignments: Record<string, Assignment> = {}
  for (const exp of running) {
    if (options.only && !options.only.includes(exp.key)) continue
    if (!urlMatches(exp.url, options.url)) continue
    const index = variationIndexOf(exp, visitorId)
    const variation = exp.variations[index]
    if (variation) assignments[exp.key] = { variation: variation.key, index, phase: exp.phase }
  }
  return assignments
}

/** The visitor's variation index in the experiment's current phase, or -1 when outside it. */
export function variationIndexOf(exp: Experiment, visitorId: string): number {
  const weights = exp.variations.map((v) => v.weight)
  return assignVariation({ seed: currentSeed(exp), weights, coverage: exp.coverage }, visitorId)
}
