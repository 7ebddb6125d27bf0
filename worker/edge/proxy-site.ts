/**
 * Which site a request's Host belongs to in proxy mode: the one whose claim of it is proven
 * (hostname-verification.ts), cached in the isolate. When D1 fails, the
 * last known answer keeps serving (the store must not go down because edgelift's storage did).
 * An isolate that never knew the host (a new one, mid-outage) still finds the store's origin in
 * the location's cache (the Cache API, shared by the isolates of a Cloudflare location), where
 * each proxied request leaves it for a day: the page is then passed through untouched.
 */
import { sql } from 'drizzle-orm'
import { IsolateCache } from '../cache/isolate-cache.ts'
import type { Database } from '../db/database.ts'
import { PRIMARY_BINDING } from '../db/site-databases.ts'
import { findSiteByPublicKey, type Site } from '../sites/site-store.ts'

export type ProxySite = {
  site: Site
  origin: URL
  /** Only visitors with an `el_vid` (set by the widget after consent) are assigned and counted. */
  consentRequired: boolean
}

const cache = new IsolateCache<ProxySite | null>({ ttlMs: 10_000, maxEntries: 1000 })

/** The site proven for this host on this database (`binding` names it for the cache), or null. */
export async function proxySiteFor(
  db: Database,
  host: string,
  binding = PRIMARY_BINDING,
): Promise<ProxySite | null> {
  const key = `${binding} ${host.toLowerCase()}`
  if (cache.has(key)) return cache.get(key) ?? null
  try {
    const [row] = await db.all<{
      public_key: string
      origin_url: string | null
      proxy_consent_required: number
    }>(sql`
      SELECT s.public_key, s.origin_url, s.proxy_consent_required
      FROM site_hostnames h JOIN sites s ON s.id = h.site_id
      WHERE h.hostname = ${host.toLowerCase()} AND h.verified_at IS NOT NULL`)
    const site = row?.origin_url ? await findSiteByPublicKey(db, row.public_key, binding) : null
    const value =
      site && row?.origin_url
        ? {
            site,
            origin: new URL(row.origin_url),
            consentRequired: row.proxy_consent_required === 1,
          }
        : null
    cache.set(key, value)
    return value
  } catch (err) {
    const last = cache.lastKnown(key)
    if (last !== undefined) return last
    throw err
  }
}

/** Forget cached host look-ups after a site's proxy settings change. */
export function forgetProxySites(): void {
  cache.clear()
}

/** Where a host's origin is kept for a D1 outage: a URL of the location's cache, never fetched. */
function originKey(host: string): Request {
  return new Request(
    `https://edgelift-proxy.invalid/origin/${encodeURIComponent(host.toLowerCase())}`,
  )
}

/** The location's cache the origins are kept in. */
const ORIGINS_CACHE = 'edgelift-proxy-origins'
const ORIGIN_KEPT_S = 86_400
/** An isolate writes a host's entry again only when it changed or after this long. */
const REWRITE_MS = 3_600_000
const written = new IsolateCache<string>({ ttlMs: REWRITE_MS, maxEntries: 1000 })

/**
 * Keeps the origin of `host` in the location's cache, from the combined answer of every database
 * (one database's "not mine" never erases another's site), at most once an hour per isolate and
 * host, off the page's path. A host no longer proxied is not removed (a spray of made-up hosts
 * would be a spray of cache writes): its entry may serve, only during a D1 outage, until it
 * expires.
 */
export function rememberOrigin(
  ctx: { waitUntil(promise: Promise<unknown>): void },
  host: string,
  origin: URL,
): void {
  if (written.get(host) === origin.href) return
  written.set(host, origin.href)
  ctx.waitUntil(
    caches
      .open(ORIGINS_CACHE)
      .then((kept) =>
        kept.put(
          originKey(host),
          new Response(origin.href, { headers: { 'cache-control': `max-age=${ORIGIN_KEPT_S}` } }),
        ),
      )
      .catch((err: unknown) => console.warn('proxy origin not kept in the cache', err)),
  )
}

/** The origin a look-up of `host` last found at this location, for a D1 outage; null if none. */
export async function lastKnownOrigin(host: string): Promise<URL | null> {
  try {
    const cache = await caches.open(ORIGINS_CACHE)
    const kept = await cache.match(originKey(host))
    return kept ? new URL(await kept.text()) : null
  } catch {
    return null
  }
}
