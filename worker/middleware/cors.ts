/**
 * CORS for public routes. A site that lists allowed origins is answered only for those and for
 * the pages of its proxied hostnames (sites/site-origins.ts): a browser request from elsewhere
 * gets 403 (the check is server-side too, because sendBeacon's text/plain POST needs no
 * preflight). A site with no list accepts any origin, which suits a first install.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { recordLater } from '../health/refusals.ts'
import { ApiError } from '../http/api-error.ts'
import { isPublicKey } from '../sites/keys.ts'
import { siteOfPublicKey } from './auth.ts'
import { originAllowed } from '../sites/site-origins.ts'

const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS'
const ALLOW_HEADERS = 'Content-Type, X-Edgelift-Site'
const PREFLIGHT_MAX_AGE = '600'

/**
 * Preflight: browsers send no custom header values on OPTIONS, so the site is read from `?site=`,
 * which is how the widget calls.
 */
export const answerPreflight: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'OPTIONS') return next()
  const origin = c.req.header('origin')
  const key = c.req.query('site')
  const site = key && isPublicKey(key) ? await siteOfPublicKey(c, key) : null
  if (!origin || (site && !originAllowed(site, origin))) {
    if (origin && site) refused(c, site.id, origin)
    throw new ApiError(403, 'origin_not_allowed', 'This origin may not call this site’s API.')
  }
  // Without ?site= the preflight cannot know the site; allowing it is safe because the actual
  // request is checked against the site's origins below.
  return c.body(null, 204, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': ALLOW_METHODS,
    'Access-Control-Allow-Headers': ALLOW_HEADERS,
    'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
    Vary: 'Origin',
  })
}

/** After authentication: refuses foreign origins and marks allowed ones readable. */
export const allowSiteOrigins: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin')
  if (origin && !originAllowed(c.var.site, origin)) {
    refused(c, c.var.site.id, origin)
    throw new ApiError(
      403,
      'origin_not_allowed',
      `The origin ${origin} is not allowed for this site.`,
    )
  }
  await next()
  if (origin) {
    c.res.headers.set('Access-Control-Allow-Origin', origin)
    c.res.headers.append('Vary', 'Origin')
  }
}

/**
 * Refusals of events a browser can read: an answer refused before the origin check passed (a bad
 * key, a foreign origin, a missing database) carries the request's origin too, so the widget sees
 * the status and does not resend what would be refused again (an unreadable answer looks like a
 * network error, which it retries). An error body holds nothing of a site's data.
 */
export const readableRefusals: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const origin = c.req.header('origin')
  // A refused preflight stays unreadable: the browser then never sends the request at all.
  if (c.req.method === 'OPTIONS') return
  if (origin && c.res.status >= 400 && !c.res.headers.has('Access-Control-Allow-Origin')) {
    c.res.headers.set('Access-Control-Allow-Origin', origin)
    c.res.headers.append('Vary', 'Origin')
  }
}

/** Tallies the refusal for the site's health, where a store's own forgotten origin shows. */
function refused(c: Context<AppEnv>, siteId: string, origin: string): void {
  recordLater(c.executionCtx, c.var.db, {
    siteId,
    code: 'origin_not_allowed',
    detail: origin,
    at: Date.now(),
  })
}
