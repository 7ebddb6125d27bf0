/**
 * The admin's own site: `GET/PATCH /v1/admin/site` (name, allowed origins, image origins, event
 * retention, gift days for the purchase-intent feature SpecialDay) and
 * `POST /v1/admin/site/rotate-key`, which answers a new secret for the calling key (the site's own
 * or a named team key) once and retires the old one at once.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { SiteInfo } from '../../../shared/admin-types.ts'
import type { AppEnv } from '../../app-env.ts'
import { conflict } from '../../domain-error.ts'
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../../events/event-archive.ts'
import { bareOrigin } from '../../http/bare-origin.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { hashKey } from '../../sites/keys.ts'
import { changeSite, rotateSiteKey } from '../../sites/site-settings.ts'
import type { Site } from '../../sites/site-store.ts'
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

export const patchSiteSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200),
    allowedOrigins: z.array(origin).max(50),
    imageOrigins: z.array(origin).max(20),
    eventRetentionDays: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS),
    /** `MM-DD` gift days replacing the default calendar; null restores it. */
    specialDays: z
      .array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD'))
      .max(24)
      .nullable(),
  })
  .partial()

function describe(site: Site): SiteInfo {
  return {
    siteId: site.id,
    name: site.name,
    publicKey: site.publicKey,
    allowedOrigins: site.allowedOrigins,
    imageOrigins: site.imageOrigins,
    ownOrigins: site.ownOrigins,
    currency: site.currency,
    eventRetentionDays: site.eventRetentionDays,
    specialDays: site.specialDays,
  }
}

export const adminSiteRoute = new Hono<AppEnv>()
  .get('/site', (c) => c.json(describe(c.var.site)))
  .patch('/site', async (c) => {
    const patch = parseOr400(patchSiteSchema, await readJsonBody(c.req.raw, 16 * 1024), 'site')
    return c.json(describe(await changeSite(c.var.db, c.var.site, patch)))
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
