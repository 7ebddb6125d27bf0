/**
 * Finding the site behind a key. Public-key look-ups are cached in the isolate for a few seconds
 * because every assignment and event needs one; admin-key look-ups are not, so a rotated secret
 * key stops working at once.
 */
import { eq } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { sites } from '../db/schema.ts'
import { hashKey, sameHash } from './keys.ts'
import { siteOwnOrigins } from './site-origins.ts'

export type Site = {
  id: string
  name: string
  publicKey: string
  allowedOrigins: string[]
  /** Its proxied hostnames' origins (site-origins.ts): always allowed, being its own pages. */
  ownOrigins: string[]
  currency: string
}

const PUBLIC_KEY_TTL_MS = 10_000
const CACHE_LIMIT = 1000
/** No key is longer: a longer one is unknown without asking D1. */
const MAX_PUBLIC_KEY_LENGTH = 64
type Cached = { site: Site | null; expires: number }
/**
 * Sites found and keys not found are cached apart: anyone can send requests with made-up keys,
 * and if those shared one cache they would push the real sites out of it and every request
 * back to D1.
 */
const found = new Map<string, Cached>()
const unknown = new Map<string, Cached>()

/** The site with this public key, or null. */
export async function findSiteByPublicKey(db: Database, publicKey: string): Promise<Site | null> {
  if (publicKey.length > MAX_PUBLIC_KEY_LENGTH) return null
  const cached = found.get(publicKey) ?? unknown.get(publicKey)
  if (cached && cached.expires > Date.now()) return cached.site
  const row = await db.select().from(sites).where(eq(sites.publicKey, publicKey)).get()
  const site = row ? toSite(row, await siteOwnOrigins(db, row.id)) : null
  const cache = site ? found : unknown
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(publicKey, { site, expires: Date.now() + PUBLIC_KEY_TTL_MS })
  return site
}

/** The site this secret admin key manages, or null. */
export async function findSiteByAdminKey(db: Database, adminKey: string): Promise<Site | null> {
  const hash = await hashKey(adminKey)
  const row = await db.select().from(sites).where(eq(sites.adminKeyHash, hash)).get()
  // The index look-up found the row by hash; the constant-time check is what authenticates.
  return row && sameHash(row.adminKeyHash, hash)
    ? toSite(row, await siteOwnOrigins(db, row.id))
    : null
}

/** Forget cached look-ups of a site after its settings change. */
export function forgetCachedSite(publicKey: string): void {
  found.delete(publicKey)
  unknown.delete(publicKey)
}

function toSite(row: typeof sites.$inferSelect, ownOrigins: string[]): Site {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.publicKey,
    allowedOrigins: parseOrigins(row.allowedOrigins),
    ownOrigins,
    currency: row.currency,
  }
}

function parseOrigins(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}
