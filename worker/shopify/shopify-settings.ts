/**
 * A site's Shopify settings: the webhook secret, read fresh from D1 on every webhook (never from
 * the isolate's site cache, so a changed secret applies at once) and written by the admin.
 */
import { eq } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { sites } from '../db/schema.ts'

/** The secret this site's order webhooks are signed with, or null when none is set. */
export async function shopifyWebhookSecret(db: Database, siteId: string): Promise<string | null> {
  const row = await db
    .select({ secret: sites.shopifyWebhookSecret })
    .from(sites)
    .where(eq(sites.id, siteId))
    .get()
  return row?.secret ?? null
}

/** Sets (or with null, removes) the webhook secret. */
export async function setShopifyWebhookSecret(
  db: Database,
  siteId: string,
  secret: string | null,
): Promise<void> {
  await db.update(sites).set({ shopifyWebhookSecret: secret }).where(eq(sites.id, siteId))
}
