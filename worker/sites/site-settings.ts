/**
 * Changing a site: its name, origins, event retention and gift days, and its own secret admin key. The writes behind
 * `PATCH /v1/admin/site` and `POST /v1/admin/site/rotate-key`; the input is validated by the route.
 */
import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { sites } from '../db/schema.ts'
import { hashKey, newAdminKey } from './keys.ts'
import { forgetCachedSite, type Site } from './site-store.ts'

/** What the admin may change of a site. */
export type SiteChange = Partial<
  Pick<Site, 'name' | 'allowedOrigins' | 'imageOrigins' | 'eventRetentionDays' | 'specialDays'>
>

/** Stores the change and answers the site as it now is; cached look-ups of it are forgotten. */
export async function changeSite(db: Database, site: Site, change: SiteChange): Promise<Site> {
  const next = { ...site, ...change }
  await db
    .update(sites)
    .set({
      name: next.name,
      allowedOrigins: JSON.stringify(next.allowedOrigins),
      imageOrigins: JSON.stringify(next.imageOrigins),
      eventRetentionDays: next.eventRetentionDays,
      specialDays: next.specialDays === null ? null : JSON.stringify(next.specialDays),
    })
    .where(eq(sites.id, site.id))
  forgetCachedSite(site.publicKey)
  return next
}

/**
 * Replaces the site's own admin key with a new one, answered once, if its hash is still
 * `previousHash`; null when another rotation came first.
 */
export async function rotateSiteKey(
  db: Database,
  siteId: string,
  previousHash: string,
): Promise<string | null> {
  const adminKey = newAdminKey()
  const updated = await db
    .update(sites)
    .set({ adminKeyHash: await hashKey(adminKey) })
    .where(and(eq(sites.id, siteId), eq(sites.adminKeyHash, previousHash)))
    .returning({ id: sites.id })
  return updated.length === 1 ? adminKey : null
}
