/**
 * Which admin requests read and which change something: the one place that decides what a
 * `viewer` key may do and what the audit log records. The HTTP method decides (GET and HEAD read,
 * every other method writes) unless a route is listed below, so a route added later is a write
 * until someone says otherwise: safe for viewers, and logged.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'

export type Access = 'read' | 'write'

/**
 * Routes whose method does not say what they do, by `METHOD /route/pattern`. A POST that only
 * reads (a search or a preview with a body) belongs here as `read`.
 */
const EXCEPTIONS: Readonly<Record<string, Access>> = {}

/** Whether a request to this route pattern (or, unmatched, this path) reads or writes. */
export function accessOf(method: string, route: string): Access {
  return (
    EXCEPTIONS[`${method} ${route}`] ?? (method === 'GET' || method === 'HEAD' ? 'read' : 'write')
  )
}

/** The pattern of the route that handles this request (`/v1/admin/experiments/:key`), if any. */
export function handlerRoute(c: Context<AppEnv>): string | null {
  // Middleware is registered for every method (`ALL`); the handler under it for its own.
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL')
  return handler?.path ?? null
}

/** Whether this request reads or writes. */
export function accessOfRequest(c: Context<AppEnv>): Access {
  return accessOf(c.req.method, handlerRoute(c) ?? c.req.path)
}

/** Refuses a write with 403 when the key's role is `viewer`; runs after the key is known. */
export const enforceRole: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.admin.role !== 'editor' && accessOfRequest(c) === 'write') throw readOnlyKey()
  await next()
}

/** The refusal of a change to a viewer key. */
export function readOnlyKey(): ApiError {
  return new ApiError(
    403,
    'read_only_key',
    'This admin key is a viewer key: it can read but not change anything. Ask an editor.',
  )
}
