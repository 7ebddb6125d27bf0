/**
 * Decides what a hostname serves. On edgelift's own hostnames (own-hostnames.ts) nothing is
 * proxied: they serve the dashboard and the API only. On a store's proven hostname, edgelift keeps
 * the paths the store's pages need from it (/v1, /widget) and everything else, /admin included,
 * is the store's origin. A Host that is neither falls through to the product routes, which serve
 * the API but not the dashboard (dashboardHostsOnly). A request that already went through this
 * Worker is refused, so a misconfigured origin cannot make it fetch itself forever.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { isOwnHostname, ownHostnames } from './own-hostnames.ts'
import { isLoop, passThrough, proxyRequest } from './proxy.ts'
import { locateSite } from '../sites/locate-site.ts'
import { lastKnownOrigin, proxySiteFor, rememberOrigin } from './proxy-site.ts'
import { refuseServiceWorkerScope, withoutScopeWidening } from './service-worker-scope.ts'

/** What edgelift answers on a store's hostname: the API and the widget's files. */
const STORE_HOST_PRODUCT_PATH = /^\/(v1|widget)(\/|\.js$|-|$)/

export const edgeProxy: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url)
  if (isOwnHostname(url.host, ownHostnames(c.env))) {
    refuseServiceWorkerScope(c.req.raw, true)
    return next()
  }
  if (STORE_HOST_PRODUCT_PATH.test(url.pathname)) return next()
  if (isLoop(c.req.raw)) {
    throw new ApiError(
      508,
      'proxy_loop',
      'This request already passed through edgelift; check the site’s origin URL.',
    )
  }
  let target
  try {
    target = await locateSite(c.env, (db, binding) => proxySiteFor(db, url.host, binding))
  } catch (err) {
    // A store whose database is not bound is told so (503), like its API.
    if (err instanceof ApiError) throw err
    console.error('proxy site look-up failed', err)
    // The store's page, untouched, from the origin this location last knew for the host.
    const origin = await lastKnownOrigin(url.host)
    if (origin) {
      refuseServiceWorkerScope(c.req.raw, false)
      return withoutScopeWidening(c.req.raw, await passThrough(c.req.raw, origin))
    }
    // No site can be known without D1 and no cached answer: let the product routes answer.
    return next()
  }
  if (!target) return next()
  rememberOrigin(c.executionCtx, url.host, target.origin)
  c.set('db', target.db)
  refuseServiceWorkerScope(c.req.raw, false)
  return withoutScopeWidening(c.req.raw, await proxyRequest(c, target))
}

/**
 * The dashboard and the demo answer on edgelift's own hostnames only: anywhere else, a 404 that
 * says where they live.
 */
export const dashboardHostsOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const own = ownHostnames(c.env)
  if (isOwnHostname(new URL(c.req.url).host, own)) return next()
  throw new ApiError(
    404,
    'not_found',
    `The dashboard is served on edgelift's own hostname${own.length === 1 ? '' : 's'} (${own.join(', ') || 'the Worker’s workers.dev name'}), never on a store's.`,
  )
}

/**
 * The dashboard's pages run its own scripts only, call its own API only, and are never framed: the
 * admin key in the page is out of reach of an injected script, a foreign frame or a clickjacker.
 * Product images (recommendation previews) may come from any https origin.
 */
const DASHBOARD_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

export function withDashboardPolicy(response: Response): Response {
  const page = new Response(response.body, response)
  page.headers.set('content-security-policy', DASHBOARD_POLICY)
  page.headers.set('x-frame-options', 'DENY')
  return page
}
