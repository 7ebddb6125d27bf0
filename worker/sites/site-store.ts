/**
 * Finding the site behind a key. Public-key look-ups are cached in the isolate for a few seconds
 * because every assignment and event needs one; admin-key look-ups are not, so a rotated secret
 * key stops working at once.
 */
import { eq } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { sites } from '../db/schema.ts'
import { hashKey, sameHash } from './keys.ts'

export type Site = {
  id: string
  name: string
  publicKey: string
  allowedOrigins: string[]
  currency: string
}

const PUBLIC_KEY_TTL_MS = 10_000
const CACHE_LIMIT = 1000
const byPublicKey = new Map<string, { site: Site | null; expires: number }>()

/** The site with this public key, or null. */
export async function findSiteByPublicKey(db: Database, publicKey: string): Promise<Site | null> {
  const cached = byPublicKey.get(publicKey)
  if (cached && cached.expires > Date.now()) return cached.site
  const row = await db.select().from(sites).where(eq(sites.publicKey, publicKey)).get()
  const site = row ? toSite(row) : null
  if (byPublicKey.size >= CACHE_LIMIT) byPublicKey.clear()
  byPublicKey.set(publicKey, { site, expires: Date.now() + PUBLIC_KEY_TTL_MS })
  return site
}

/** The site this secret admin key manages, or null. */
export async function findSiteByAdminKey(db: Database, adminKey: string): Promise<Site | null> {
  const hash = await hashKey(adminKey)
  const row = await db.select().from(sites).where(eq(sites.adminKeyHash, hash)).get()
  // The index look-up found the row by hash; the constant-time check is what authenticates.
  return row && sameHash(row.adminKeyHash, hash) ? toSite(row) : null
}

/** Forget cached look-ups of a site after its settings change. */
export function forgetCachedSite(publicKey: string): void {
  byPublicKey.delete(publicKey)
}

function toSite(row: typeof sites.$inferSelect): Site {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.publicKey,
    allowedOrigins: parseOrigins(row.allowedOrigins),
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
