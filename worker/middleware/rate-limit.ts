/**
 * Rate limits with Cloudflare's Rate Limiting binding (limits and periods in wrangler.toml):
 * public routes per site and client IP, admin routes per site. A limited request answers 429 with
 * Retry-After before anything is read or written. Counts are per Cloudflare location and
 * approximate, which is what a flood guard needs.
 *
 * Requests without a client IP or from loopback are not counted: on Cloudflare every request
 * carries CF-Connecting-IP, set by the edge and not by the client, while under `wrangler dev`
 * every request comes from 127.0.0.1, so local runs, simulations and benchmarks would otherwise
 * share one budget.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'

/** The period of both limits in wrangler.toml, in seconds: when to come back. */
export const RATE_LIMIT_PERIOD_S = 60

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

/** Public routes: one budget per site and client IP. Needs the site (after requirePublicKey). */
export const limitPublic: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ip = clientIp(c.req.header('cf-connecting-ip'))
  if (ip) await spend(c.env.PUBLIC_RATE_LIMIT, `${c.var.site.id}|${ip}`)
  await next()
}

/** Admin routes: one budget per site, whoever holds its key. Needs the site (after requireAdminKey). */
export const limitAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (clientIp(c.req.header('cf-connecting-ip'))) await spend(c.env.ADMIN_RATE_LIMIT, c.var.site.id)
  await next()
}

function clientIp(header: string | undefined): string | null {
  const ip = header?.trim()
  return ip && !LOOPBACK.test(ip) ? ip : null
}

async function spend(limiter: RateLimit, key: string): Promise<void> {
  // A limiter that cannot answer lets the request through: a flood guard must not take the
  // store's tracking down with it.
  const success = await limiter.limit({ key }).then(
    (outcome) => outcome.success,
    (err: unknown) => (console.warn('rate limiter unavailable', err), true),
  )
  if (success) return
  throw new ApiError(
    429,
    'rate_limited',
    `Too many requests; try again in ${RATE_LIMIT_PERIOD_S} seconds.`,
    { 'Retry-After': String(RATE_LIMIT_PERIOD_S) },
  )
}
