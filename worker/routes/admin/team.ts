/**
 * Team access: `GET/POST /v1/admin/keys`, `DELETE /v1/admin/keys/{id}` (named admin keys with a
 * role; a new key's secret is answered once) and `GET /v1/admin/audit?cursor=&limit=` (the log of
 * changes, newest first).
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { conflict, invalid, notFound } from '../../domain-error.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import {
  createKey,
  listKeys,
  MAX_KEYS_PER_SITE,
  revokeKey,
  SITE_KEY,
} from '../../team/admin-keys.ts'
import { listEntries } from '../../team/audit-log.ts'

export const newKeySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(40, 'is at most 40 characters')
    .regex(/^[\p{L}\p{N} ._@-]+$/u, 'may use letters, digits, spaces and . _ @ -'),
  role: z.enum(['viewer', 'editor']),
})

const KEY_ID = /^key_[0-9a-f]{16}$/

export const auditQuerySchema = z.strictObject({
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, 'must be the nextCursor of an earlier page')
    .transform(Number)
    .optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, 'must be a whole number from 1 to 100')
    .transform(Number)
    .pipe(z.number().min(1, 'must be at least 1').max(100, 'must be at most 100'))
    .optional(),
})

export const adminTeamRoute = new Hono<AppEnv>()
  .get('/keys', async (c) => {
    const keys = await listKeys(c.var.db, c.var.site.id)
    return c.json({
      you: c.var.admin.keyId,
      maxKeys: MAX_KEYS_PER_SITE,
      keys: [{ id: SITE_KEY.keyId, name: SITE_KEY.name, role: SITE_KEY.role, site: true }, ...keys],
    })
  })
  .post('/keys', async (c) => {
    const input = parseOr400(newKeySchema, await readJsonBody(c.req.raw, 4 * 1024), 'key')
    const created = await createKey(
      c.var.db,
      c.var.site.id,
      { ...input, createdBy: c.var.admin.keyId },
      Date.now(),
    )
    if (created === 'name_taken') {
      throw conflict('key_name_taken', `A key is already named "${input.name}".`)
    }
    if (created === 'limit_reached') {
      throw conflict(
        'too_many_keys',
        `A site has at most ${MAX_KEYS_PER_SITE} named keys; revoke one first.`,
      )
    }
    const { key, adminKey } = created
    c.set('auditNote', `created ${key.id} "${key.name}" (${key.role})`)
    return c.json({ ...key, adminKey, message: 'Store this key now: it is shown only once.' }, 201)
  })
  .delete('/keys/:id', async (c) => {
    const id = c.req.param('id')
    if (id === SITE_KEY.keyId) {
      throw conflict(
        'site_key_not_revocable',
        'The site key cannot be revoked, so a site always keeps an editor; rotate it instead.',
      )
    }
    if (!KEY_ID.test(id)) throw invalid('invalid_key_id', 'A key id is key_ and 16 hex digits.')
    const revoked = await revokeKey(c.var.db, c.var.site.id, id)
    if (!revoked) throw notFound(`Key ${id}`)
    c.set('auditNote', `revoked ${revoked.id} "${revoked.name}" (${revoked.role})`)
    return c.json({ id: revoked.id, revoked: true })
  })
  .get('/audit', async (c) => {
    const query = parseOr400(auditQuerySchema, c.req.query(), 'audit_query')
    const page = await listEntries(c.var.db, c.var.site.id, {
      before: query.cursor,
      limit: query.limit ?? 50,
    })
    return c.json(page)
  })
