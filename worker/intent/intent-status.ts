/** What the admin sees of a site's intent model: `GET /v1/admin/intent`. */
import type { IntentStatusAnswer } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import { intentProblem, loadSiteIntent } from './intent-store.ts'
import { onlineTrust } from './online-layer.ts'

export async function intentStatus(db: Database, siteId: string): Promise<IntentStatusAnswer> {
  const state = await loadSiteIntent(db, siteId)
  const { model } = state.scorer
  const importances = Object.entries(model.importances ?? {})
    .map(([feature, importance]) => ({ feature, importance: importance ?? 0 }))
    .sort((a, b) => b.importance - a.importance)
  return {
    model: state.kind,
    version: state.version,
    trainedAt: model.trainedAt,
    trainedOn: { sessions: model.trainedOn.sessions, purchases: model.trainedOn.purchases },
    importances,
    onlineUpdates: state.onlineUpdates,
    onlineTrust: onlineTrust(state.layer),
    bands: state.bands,
    cuts: state.cuts,
    lastError: intentProblem(state),
  }
}
