/**
 * `DELETE /v1/visitors/{visitorId}`. With the admin key any visitor of the site can be forgotten;
 * with the public key only an edgelift-made random id, which only its owner's browser knows — a
 * merchant's own user ids are guessable and need the admin key.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { RANDOM_VISITOR_ID, VISITOR_ID } from '../../shared/identifiers.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { invalid } from '../domain-error.ts'
import { adminChain } from '../middleware/admin-chain.ts'
import { bearerToken, signInAdmin } from '../middleware/auth.ts'
import { publicChain } from '../middleware/public-chain.ts'
import { isSecretKey } from '../sites/keys.ts'
import { forgetVisitor } from '../visitors/forget-visitor.ts'

const adminOrPublic: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c)
  if (isSecretKey(token)) {
    await signInAdmin(c, token)
    return adminChain(c, next)
  }
  await publicChain(c, next)
}

export const visitorsRoute = new Hono<AppEnv>().delete(
  '/v1/visitors/:visitorId',
  adminOrPublic,
  async (c) => {
    const visitorId = c.req.param('visitorId')
    if (!VISITOR_ID.test(visitorId)) {
      throw invalid('invalid_visitor_id', 'A visitor id is 1-128 printable ASCII characters.')
    }
    const isAdmin = isSecretKey(bearerToken(c))
    if (!isAdmin && !RANDOM_VISITOR_ID.test(visitorId)) {
      throw new ApiError(
        403,
        'admin_key_required',
        'Only edgelift’s own random visitor ids can be forgotten with the public key; use the admin key.',
      )
    }
    const deleted = await forgetVisitor(c.var.db, c.var.site.id, visitorId, Date.now())
    return c.json({ visitorId, deleted })
  },
)
