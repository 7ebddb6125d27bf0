/**
 * Which site a request's Host belongs to in proxy mode: the one whose claim of it is proven
 * (hostname-verification.ts), cached in the isolate. When D1 fails, the
 * last known answer keeps serving (the store must not go down because edgelift's storage did).
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
