/**
 * Finding the site behind a key. Public-key look-ups are cached in the isolate for a few seconds
 * because every assignment and event needs one; admin-key look-ups are not, so a rotated or
 * revoked secret key stops working with the next request.
 */
import { eq } from 'drizzle-orm'
import type { SiteInfo } from '../../shared/admin-types.ts'
import { IsolateCache } from '../cache/isolate-cache.ts'
import type { Database } from '../db/database.ts'
import { PRIMARY_BINDING } from '../db/site-databases.ts'
import { adminKeys, sites } from '../db/schema.ts'
import { asRole, SITE_KEY, type AdminCaller } from '../team/admin-keys.ts'
import { hashKey, sameHash } from './keys.ts'
import { siteOwnOrigins } from './site-origins.ts'

/** A site as `GET /v1/admin/site` describes it, its id named `id`. */
export type Site = Omit<SiteInfo, 'siteId'> & { id: string }

/** Entries each of the two caches below keeps. */
export const PUBLIC_KEY_CACHE_ENTRIES = 1000
/** No key is longer: a longer one is unknown without asking D1. */
const MAX_PUBLIC_KEY_LENGTH = 64
/**
 * Sites found and keys not found are cached apart: anyone can send requests with made-up keys,
 * and if those shared one cache they would push the real sites out of it and every request
 * back to D1.
 */
const found = new IsolateCache<Site>({ ttlMs: 10_000, maxEntries: PUBLIC_KEY_CACHE_ENTRIES })
const unknown = new IsolateCache<null>({ ttlMs: 10_000, maxEntries: PUBLIC_KEY_CACHE_ENTRIES })

/** The databases whose look-ups the two caches hold (db/site-databases.ts): keys are per database. */
const scopes = new Set<string>([PRIMARY_BINDING])

/**
 * The site with this public key on this database (`binding` names it for the cache), or null.
 * Which database's answer counts is sites/locate-site.ts's concern.
 */
export async function findSiteByPublicKey(
  db: Database,
  publicKey: string,
  binding = PRIMARY_BINDING,
): Promise<Site | null> {
  if (publicKey.length > MAX_PUBLIC_KEY_LENGTH) return null
  const cacheKey = `${binding} ${publicKey}`
  const cached = found.get(cacheKey)
  if (cached) return cached
  if (unknown.has(cacheKey)) return null
  scopes.add(binding)
  const row = await db.select().from(sites).where(eq(sites.publicKey, publicKey)).get()
  if (!row) {
    unknown.set(cacheKey, null)
    return null
  }
  const site = toSite(row, await siteOwnOrigins(db, row.id))
  found.set(cacheKey, site)
  return site
}

/**
 * The site this secret admin key manages and who holds it (the site's own key or a named one), or
 * null. Both tables are asked in one D1 round trip; a named key's site takes a second.
 */
export async function findAdminByKey(
  db: Database,
  adminKey: string,
): Promise<{ site: Site; caller: AdminCaller } | null> {
  const hash = await hashKey(adminKey)
  const [own, named] = await db.batch([
    db.select().from(sites).where(eq(sites.adminKeyHash, hash)),
    db.select().from(adminKeys).where(eq(adminKeys.keyHash, hash)),
  ])
  // The index look-ups found the rows by hash; the constant-time check is what authenticates.
  const site = own[0]
  if (site && sameHash(site.adminKeyHash, hash))
    return { site: toSite(site, await siteOwnOrigins(db, site.id)), caller: SITE_KEY }
  const key = named[0]
  if (!key || !sameHash(key.keyHash, hash)) return null
  const keySite = await db.select().from(sites).where(eq(sites.id, key.siteId)).get()
  if (!keySite) return null
  return {
    site: toSite(keySite, await siteOwnOrigins(db, keySite.id)),
    caller: { keyId: key.id, name: key.name, role: asRole(key.role) },
  }
}

/** Forget cached look-ups of a site after its settings change. */
export function forgetCachedSite(publicKey: string): void {
  for (const binding of scopes) {
    found.delete(`${binding} ${publicKey}`)
    unknown.delete(`${binding} ${publicKey}`)
  }
}

function toSite(row: typeof sites.$inferSelect, ownOrigins: string[]): Site {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.publicKey,
    allowedOrigins: parseOrigins(row.allowedOrigins),
    imageOrigins: parseOrigins(row.imageOrigins),
    ownOrigins,
    currency: row.currency,
    eventRetentionDays: row.eventRetentionDays,
    specialDays: row.specialDays === null ? null : parseOrigins(row.specialDays),
  }
}

/** A stored JSON list of strings (origins, dates); anything else reads as empty. */
function parseOrigins(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}
