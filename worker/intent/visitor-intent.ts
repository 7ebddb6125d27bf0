/**
 * The purchase intent of a visitor's current session, as `POST /v1/assign`, `GET /v1/intent`
 * and the proxy answer it: the session's features from the stored events, scored by the site's
 * model and online layer, banded at the site's cuts. It never throws: a visitor without an open
 * session, or a failure to read or score, is an answer with no score and the reason.
 */
import type { IntentAnswer } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import type { Site } from '../sites/site-store.ts'
import { bandOf } from './bands.ts'
import { featureVector } from './features.ts'
import { cachedSiteIntent } from './intent-store.ts'
import { scoreIntent } from './score.ts'
import { currentSessionFeatures } from './session-features.ts'
import type { CurrentSessionFeatures, SessionContext } from './session-source.ts'

/** Why an answer has no score. */
export const NO_SESSION = 'no_session'
export const UNAVAILABLE = 'unavailable'

/** What a request tells about the visitor: their browser and Cloudflare's location of them. */
export function sessionContext(request: Request): SessionContext {
  const cf = (request as { cf?: { region?: unknown } }).cf
  return {
    userAgent: request.headers.get('user-agent'),
    region: typeof cf?.region === 'string' ? cf.region : null,
  }
}

/**
 * @example
 * const intent = await visitorIntent(c.var.db, c.env, c.var.site, visitorId, c.req.raw)
 * if (intent.band === 'low') ...
 */
export async function visitorIntent(
  db: Database,
  _env: unknown,
  site: Site,
  visitorId: string,
  /** The visitor's request, or what a server tells of it (`GET /v1/intent`). */
  request: Request | SessionContext,
  features: CurrentSessionFeatures = currentSessionFeatures,
  now = Date.now(),
): Promise<IntentAnswer> {
  try {
    const [session, state] = await Promise.all([
      features(
        db,
        site.id,
        visitorId,
        now,
        request instanceof Request ? sessionContext(request) : request,
      ),
      cachedSiteIntent(db, site.id),
    ])
    if (!session) return { score: null, band: null, reason: NO_SESSION }
    const { probability } = scoreIntent(state.scorer, featureVector(session), state.layer)
    if (!Number.isFinite(probability)) return { score: null, band: null, reason: UNAVAILABLE }
    return {
      score: Math.round(probability * 1e4) / 1e4,
      band: bandOf(probability, state.cuts),
      model: state.kind,
    }
  } catch (err) {
    console.error(`intent: site ${site.id}: ${err instanceof Error ? err.message : String(err)}`)
    return { score: null, band: null, reason: UNAVAILABLE }
  }
}
