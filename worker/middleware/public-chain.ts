/**
 * What every request to a public route passes: the site's public key, the site's allowed origins
 * (CORS) and the public rate limit. `/v1/assign`, `/v1/events`, `/v1/recs`, `/v1/intent` and the public branch
 * of `DELETE /v1/visitors/{id}` share it.
 */
import type { MiddlewareHandler } from 'hono'
import { every } from 'hono/combine'
import type { AppEnv } from '../app-env.ts'
import { requirePublicKey } from './auth.ts'
import { allowSiteOrigins } from './cors.ts'
import { limitPublic } from './rate-limit.ts'

export const publicChain: MiddlewareHandler<AppEnv> = every(
  requirePublicKey,
  allowSiteOrigins,
  limitPublic,
)
