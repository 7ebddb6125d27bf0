/**
 * The Behaviour page's figures: the funnel per day, and the intent model serving the site with
 * its progressive-validation quality over the same days and the features it leans on most.
 */
import type { Database } from '../db/database.ts'
import type { BehaviourAnswer } from '../../shared/behaviour.ts'
import { intentProblem, loadSiteIntent } from '../intent/intent-store.ts'
import { onlineTrust } from '../intent/online-layer.ts'
import { dailyFunnel } from './funnel.ts'
import { intentQuality } from './intent-quality.ts'
import { DAY_MS } from '../../shared/durations.ts'

/** Features shown: beyond these the importances are small and the list stops being read. */
const TOP_FEATURES = 8

export async function behaviourReport(
  db: Database,
  siteId: string,
  days: number,
  now: number,
): Promise<BehaviourAnswer> {
  const [funnel, quality, serving] = await Promise.all([
    dailyFunnel(db, siteId, days, now),
    intentQuality(db, siteId, now - days * DAY_MS),
    loadSiteIntent(db, siteId),
  ])
  const importances = Object.entries(serving.scorer.model.importances ?? {})
    .map(([feature, importance]) => ({ feature, importance: importance ?? 0 }))
    .filter((f) => f.importance > 0)
    .sort((a, b) => b.importance - a.importance)
    .slice(0, TOP_FEATURES)
  return {
    days,
    funnel,
    intent: {
      model: serving.kind,
      ...quality,
      features: importances,
      lastError: intentProblem(serving),
      online: { updates: serving.layer.updates, trust: onlineTrust(serving.layer) },
    },
  }
}
