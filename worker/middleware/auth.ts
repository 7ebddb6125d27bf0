/**
 * Who is calling. Public routes take the site's public key (`?site=pk_...`, which works with
 * sendBeacon, or `X-Edgelift-Site`); admin routes take `Authorization: Bearer sk_...`. A secret key
 * never belongs in a URL or on a public route: both are refused with 403 so a leaked key is noticed.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { primaryDatabase } from '../db/site-databases.ts'
import { ApiError } from '../http/api-error.ts'
import { isPublicKey, isSecretKey, SECRET_KEY_PREFIX } from '../sites/keys.ts'
import { locateSite } from '../sites/locate-site.ts'
import { findAdminByKey, findSiteByPublicKey, type Site } from '../sites/site-store.ts'
import type { AdminCaller } from '../team/admin-keys.ts'

const MAX_KEY_LENGTH = 128

/**
 * A secret key anywhere in a query name or value, also inside another value (`?next=/a?k=sk_...`)
 * or after a space; `task_id` or `risk_level` are not keys.
 */
const SECRET_IN_TEXT = new RegExp(`(?:^|[^A-Za-z0-9])${SECRET_KEY_PREFIX}[A-Za-z0-9]`)

/** Refuses any request that carries a secret key in its query string. */
export const refuseSecretInUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
  const params = new URL(c.req.url).searchParams
  for (const [name, value] of params) {
    if (SECRET_IN_TEXT.test(name) || SECRET_IN_TEXT.test(value)) {
      throw new ApiError(
        403,
        'secret_key_in_url',
        'A secret admin key must never be sent in a URL; rotate it and send it as a Bearer header.',
      )
    }
  }
  await next()
}

/**
 * Gives every handler the drizzle handle over D1: the primary database until the request's site
 * is known, then that site's own database (sites/locate-site.ts), so routes query `c.var.db` and
 * never choose one.
 */
export const withDatabase: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('db', primaryDatabase(c.env))
  await next()
}

/** The site with this public key, on its own database, which becomes the request's `db`. */
export async function siteOfPublicKey(c: Context<AppEnv>, key: string): Promise<Site | null> {
  const located = await locateSite(c.env, async (db, binding) => {
    const site = await findSiteByPublicKey(db, key, binding)
    return site ? { site } : null
  })
  if (located) c.set('db', located.db)
  return located?.site ?? null
}

/** Authenticates a public route by the site's public key. */
export const requirePublicKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (isSecretKey(bearerToken(c))) throw secretOnPublicRoute()
  const key = c.req.query('site') ?? c.req.header('x-edgelift-site')
  c.set('site', await sitePublicKey(c, key))
  await next()
}

/** Authenticates an admin route by a secret admin key: the site's own or a team member's. */
export const requireAdminKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  await signInAdmin(c, bearerToken(c))
  await next()
}

/** Sets the site and the caller of a secret admin key on the context. */
export async function signInAdmin(c: Context<AppEnv>, token: string | undefined): Promise<void> {
  const { site, caller } = await adminOfKey(c, token)
  c.set('site', site)
  c.set('admin', caller)
}

/** The site and holder of a secret admin key; 401 when it is missing or unknown, 403 for a public key. */
async function adminOfKey(
  c: Context<AppEnv>,
  token: string | undefined,
): Promise<{ site: Site; caller: AdminCaller }> {
  if (!token) {
    throw new ApiError(
      401,
      'missing_key',
      'Send the secret admin key as `Authorization: Bearer sk_...`.',
    )
  }
  if (isPublicKey(token)) {
    throw new ApiError(
      403,
      'wrong_key_kind',
      'Admin routes need the secret admin key (sk_...), not the public key.',
    )
  }
  const found =
    isSecretKey(token) && token.length <= MAX_KEY_LENGTH
      ? await locateSite(c.env, (db) => findAdminByKey(db, token))
      : null
  if (!found) throw new ApiError(401, 'unknown_key', 'This admin key is not valid.')
  c.set('db', found.db)
  return found
}

async function sitePublicKey(c: Context<AppEnv>, key: string | undefined): Promise<Site> {
  if (!key) {
    throw new ApiError(
      401,
      'missing_key',
      'Send the site public key as `?site=pk_...` or `X-Edgelift-Site`.',
    )
  }
  if (isSecretKey(key)) throw secretOnPublicRoute()
  const site =
    isPublicKey(key) && key.length <= MAX_KEY_LENGTH ? await siteOfPublicKey(c, key) : null
  if (!site) throw new ApiError(401, 'unknown_key', 'This site key is not valid.')
  return site
}

/** The token of an `Authorization: Bearer ...` header, if any. */
export function bearerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization')
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match?.[1]
}

function secretOnPublicRoute(): ApiError {
  return new ApiError(
    403,
    'wrong_key_kind',
    'Public routes take the public key (pk_...); never put the secret admin key in a page.',
  )
}
