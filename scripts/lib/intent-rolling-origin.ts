/**
 * Rolling-origin validation of intent-model settings inside Feb-Jul of the Online Shoppers file:
 * train on earlier months, score later ones, as the model is used. The later months differ from
 * the earlier ones (months training never saw, a higher purchase rate), which shuffled
 * cross-validation hides. Every fit goes through `trainIntentModel`, the path `npm run
 * train:intent` and the nightly cron take.
 */
import { featureVector, type IntentFeature } from '../../worker/intent/features.ts'
import type { BoostingOptions } from '../../worker/intent/gradient-boosting.ts'
import { forecastQuality, type ForecastQuality } from '../../worker/intent/metrics.ts'
import type { IntentModel } from '../../worker/intent/model.ts'
import type { LabelledSession } from '../../worker/intent/online-shoppers-csv.ts'
import { compileIntentModel, scoreIntent } from '../../worker/intent/score.ts'
import { trainIntentModel } from '../../worker/intent/train-intent.ts'
import { inMonths, monthRange } from './online-shoppers-file.ts'

export type Origin = { train: LabelledSession[]; validate: LabelledSession[] }
export type Quality = Pick<ForecastQuality, 'auc' | 'logloss' | 'brier'>

/** Train Feb-Mar and validate May; train Feb-May and validate June-Jul. */
export function rollingOrigins(rows: LabelledSession[]): Origin[] {
  const months = (range: string) => inMonths(rows, monthRange(range) ?? new Set())
  return [
    { train: months('Feb-Mar'), validate: months('May') },
    { train: months('Feb-May'), validate: months('June-Jul') },
  ]
}

/** One origin's model, trained as `npm run train:intent` trains (seeded). */
export function fitOrigin(
  origin: Origin,
  boosting: BoostingOptions,
  ignoredFeatures: readonly IntentFeature[] = [],
): IntentModel {
  return trainIntentModel(origin.train, {
    kind: 'starter',
    source: 'rolling origin',
    trainedAt: '2026-01-01T00:00:00.000Z',
    boosting,
    ignoredFeatures,
  })
}

/**
 * The mean validation AUC, log loss and Brier score over `origins` of one setting at each tree
 * count in `checkpoints` (prefixes of the same `boosting.trees` trees), keyed by tree count.
 *
 * @example
 * const byTrees = validateSetting(rollingOrigins(rows), DEFAULT_BOOSTING, [DEFAULT_BOOSTING.trees])
 */
export function validateSetting(
  origins: Origin[],
  boosting: BoostingOptions,
  checkpoints: readonly number[],
  ignoredFeatures: readonly IntentFeature[] = [],
): Map<number, Quality> {
  const sums = new Map<number, Quality>()
  for (const origin of origins) {
    const model = fitOrigin(origin, boosting, ignoredFeatures)
    const x = origin.validate.map((r) => featureVector(r.session))
    const y = origin.validate.map((r) => r.bought)
    for (const trees of checkpoints.filter((t) => t <= boosting.trees)) {
      const ensemble = { ...model.ensemble, roots: model.ensemble.roots.slice(0, trees) }
      const scorer = compileIntentModel({ ...model, ensemble })
      const q = forecastQuality(
        y,
        x.map((v) => scoreIntent(scorer, v).probability),
      )
      const sum = sums.get(trees) ?? { auc: 0, logloss: 0, brier: 0 }
      sums.set(trees, {
        auc: sum.auc + q.auc / origins.length,
        logloss: sum.logloss + q.logloss / origins.length,
        brier: sum.brier + q.brier / origins.length,
      })
    }
  }
  return sums
}

/**
 * The search's rule: among `cells` whose validation log loss and Brier score are no worse than
 * `reference`'s, the highest AUC (a tie goes to the lower log loss). Calibration is the guard
 * because AUC alone keeps rising with trees while the scores drift from the later months' rate.
 * `reference` itself always qualifies, so there is always a choice.
 */
export function chooseSetting<C extends Quality>(cells: readonly C[], reference: C): C {
  return cells
    .filter((c) => c.logloss <= reference.logloss && c.brier <= reference.brier)
    .reduce(
      (best, c) =>
        c.auc > best.auc || (c.auc === best.auc && c.logloss < best.logloss) ? c : best,
      reference,
    )
}
