/**
 * The admin's own site: `GET/PATCH /v1/admin/site` (name, allowed origins, image origins, gift
 * days for the purchase-intent feature SpecialDay) and
 * `POST /v1/admin/site/rotate-key`, which answers a new secret for the calling key (the site's own
 * or a named team key) once and retires the old one at once.
 */
import { and, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import type { Database } from '../../db/database.ts'
import { sites } from '../../db/schema.ts'
import { conflict } from '../../domain-error.ts'
import { bareOrigin } from '../../http/bare-origin.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { hashKey, newAdminKey } from '../../sites/keys.ts'
import { forgetCachedSite, type Site } from '../../sites/site-store.ts'
import { rotateNamedKey, SITE_KEY } from '../../team/admin-keys.ts'

/**
 * A browser origin as browsers send it: scheme and lower-case host (and port). `HTTPS://Shop.example/`
 * is that origin written loosely and is stored as `https://shop.example`; a path or query is not
 * an origin and is refused.
 */
const origin = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const bare = bareOrigin(value)
    if (bare) return bare
    ctx.addIssue({
      code: 'custom',
      message: 'must be a bare http(s) origin such as https://shop.example',
    })
    return z.NEVER
  })

const patchSiteSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200),
    allowedOrigins: z.array(origin).max(50),
    imageOrigins: z.array(origin).max(20),
    /** `MM-DD` gift days replacing the default calendar; null restores it. */
    specialDays: z
      .array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD'))
      .max(24)
      .nullable(),
  })
  .partial()

function describe(site: Site) {
  return {
    siteId: site.id,
    name: site.name,
    publicKey: site.publicKey,
    allowedOrigins: site.allowedOrigins,
    imageOrigins: site.imageOrigins,
    ownOrigins: site.ownOrigins,
    currency: site.currency,
    specialDays: site.specialDays,
  }
}

export const adminSiteRoute = new Hono<AppEnv>()
  .get('/site', (c) => c.json(describe(c.var.site)))
  .patch('/site', async (c) => {
    const patch = parseOr400(patchSiteSchema, await readJsonBody(c.req.raw, 16 * 1024), 'site')
    const { site } = c.var
    const next = { ...site, ...patch }
    await c.var.db
      .update(sites)
      .set({
        name: next.name,
        allowedOrigins: JSON.stringify(next.allowedOrigins),
        imageOrigins: JSON.stringify(next.imageOrigins),
        specialDays: next.specialDays === null ? null : JSON.stringify(next.specialDays),
      })
      .where(eq(sites.id, site.id))
    forgetCachedSite(site.publicKey)
    return c.json(describe(next))
  })
  .post('/site/rotate-key', async (c) => {
    const { site, admin } = c.var
    const previousHash = await hashKey(
      c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '',
    )
    // Only the key that authenticated this request is replaced, so two concurrent rotations
    // cannot both succeed and leave the admin with a key that no longer works.
    const adminKey =
      admin.keyId === SITE_KEY.keyId
        ? await rotateSiteKey(c.var.db, site.id, previousHash)
        : await rotateNamedKey(c.var.db, site.id, admin.keyId, previousHash)
    if (adminKey === null) {
      throw conflict(
        'key_rotated',
        'The admin key was rotated meanwhile; sign in with the new key.',
      )
    }
    c.set('auditNote', `rotated ${admin.keyId} "${admin.name}"`)
    return c.json({ adminKey, message: 'Store this key now: it is shown only once.' })
  })

async function rotateSiteKey(
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
