/**
 * Routes a request for one of a site's own hostnames to that site's origin, unless it is for the
 * product itself (/v1, /admin, /widget), which works on every host. A Host of no site falls
 * through to the product routes (and their 404). A request that already went through this Worker
 * is refused, so a misconfigured origin cannot make it fetch itself forever.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { isLoop, proxyRequest } from './proxy.ts'
import { proxySiteFor } from './proxy-site.ts'

const PRODUCT_PATH = /^\/(v1|admin|widget)(\/|\.js$|$)/

export const edgeProxy: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url)
  if (PRODUCT_PATH.test(url.pathname)) return next()
  if (isLoop(c.req.raw)) {
    throw new ApiError(
      508,
      'proxy_loop',
      'This request already passed through edgelift; check the site’s origin URL.',
    )
  }
  let target
  try {
    target = await proxySiteFor(c.var.db, url.host)
  } catch (err) {
    // No site can be known without D1 and no cached answer: let the product routes answer.
    console.error('proxy site look-up failed', err)
    return next()
  }
  if (!target) return next()
  return proxyRequest(c, target)
}
