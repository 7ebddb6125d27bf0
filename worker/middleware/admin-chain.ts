/**
 * What every request made with an admin key passes once the key is known: the admin rate limit,
 * the key's role (a viewer only reads) and the audit log of changes. The admin API and the admin
 * branch of `DELETE /v1/visitors/{id}` share it.
 */
import type { MiddlewareHandler } from 'hono'
import { every } from 'hono/combine'
import type { AppEnv } from '../app-env.ts'
import { enforceRole } from '../team/access.ts'
import { auditChanges } from './audit-changes.ts'
import { limitAdmin } from './rate-limit.ts'

export const adminChain: MiddlewareHandler<AppEnv> = every(limitAdmin, enforceRole, auditChanges)
