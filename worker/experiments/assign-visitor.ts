/**
 * Which variation a visitor sees in each served experiment that targets the page. Pure: the same
 * visitor, experiments, URL and stored bandit exposures always give the same answer. A rolled-out
 * experiment shows its winner to everyone; a bandit keeps the variation stored at the visitor's
 * exposure (bandit-assignment.ts).
 */
import type { Assignment } from '../../shared/api-types.ts'
import { assignVariation } from '../../shared/bucketing.ts'
import { banditVariationOf } from './bandit-assignment.ts'
import { currentSeed, type Experiment } from './experiment.ts'
import { urlMatches } from './url-target.ts'

/**
 * The visitor's assignments, keyed by experiment. `only` restricts them to the listed experiments;
 * an experiment that targets URLs includes the visitor only on a matching `url`.
 */
export function assignVisitor(
  running: readonly Experiment[],
  visitorId: string,
  options: {
    only?: readonly string[]
    url?: string
    /** The variation index stored at the visitor's exposure, by bandit key (bandit-exposures.ts). */
    exposed?: ReadonlyMap<string, number>
  } = {},
): Record<string, Assignment> {
  const assignments: Record<string, Assignment> = {}
  for (const exp of running) {
    if (options.only && !options.only.includes(exp.key)) continue
    if (!urlMatches(exp.url, options.url)) continue
    const winner = exp.winner === null ? -1 : exp.variations.findIndex((v) => v.key === exp.winner)
    const index =
      winner >= 0 ? winner : variationIndexOf(exp, visitorId, options.exposed?.get(exp.key))
    const variation = exp.variations[index]
    if (!variation) continue
    assignments[exp.key] = {
      variation: variation.key,
      index,
      phase: exp.phase,
      ...(winner >= 0 && { rolledOut: true as const }),
    }
  }
  return assignments
}

/**
 * The visitor's variation index in the experiment's current phase, or -1 when outside it. A
 * bandit's visitor with a stored exposure (`exposedIndex`) keeps it.
 */
export function variationIndexOf(
  exp: Experiment,
  visitorId: string,
  exposedIndex?: number,
): number {
  const weights = exp.variations.map((v) => v.weight)
  const config = { seed: currentSeed(exp), weights, coverage: exp.coverage }
  return exp.type === 'bandit'
    ? banditVariationOf(config, visitorId, exposedIndex)
    : assignVariation(config, visitorId)
}
