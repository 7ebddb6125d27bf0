/**
 * Writes the audit log of the admin API: every request that `accessOf` calls a write gets a row
 * naming the key, the method, the route pattern and its target (the experiment key, the key id)
 * before its handler runs, confirmed with a short summary after a success, removed after a
 * refusal (4xx: nothing changed) and left unconfirmed after a failure on our side (5xx: the
 * change may have been stored before a later step failed). Writing first is what D1 allows
 * without wrapping every handler's writes: no change can happen without a row.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { accessOf, handlerRoute } from '../team/access.ts'
import { beginEntry, confirmEntry, dropEntry } from '../team/audit-log.ts'

const MAX_TEXT = 200
/** An erased visitor's id must not outlive the erasure in the log. */
const WITHHELD_PARAMS = new Set([':visitorId'])
/** Bodies up to this size are read again for their field names; imports are larger. */
const MAX_SUMMARIZED_BODY = 64 * 1024

export const auditChanges: MiddlewareHandler<AppEnv> = async (c, next) => {
  const route = handlerRoute(c)
  if (route === null || accessOf(c.req.method, route) !== 'write') return next()
  const { db, site, admin } = c.var
  const fields = await bodyFieldNames(c)
  const action = { method: c.req.method, route, target: targetOf(route, c.req.path) }
  const id = await beginEntry(db, site.id, admin, action, Date.now())
  await next()
  try {
    if (c.res.status < 400) {
      await confirmEntry(db, site.id, id, clip(c.var.auditNote ?? summaryOf(c, fields)))
    } else if (c.res.status < 500) {
      await dropEntry(db, site.id, id)
    }
  } catch (err) {
    // The change's own answer stands; its entry stays unconfirmed and says so in the log.
    console.error('audit entry not finished', id, err)
  }
}

/**
 * The values of the route's parameters in the path, e.g. `checkout-copy/start` for
 * `/experiments/:key/:action{start|pause|stop}`.
 */
export function targetOf(route: string, path: string): string | null {
  const patterns = route.split('/')
  const parts = path.split('/')
  const values = patterns.flatMap((p, i) => {
    if (!p.startsWith(':')) return []
    return [WITHHELD_PARAMS.has(p) ? '(withheld)' : decoded(parts[i] ?? '')]
  })
  return values.length > 0 ? clip(values.join('/')) : null
}

/** Which top-level fields a small JSON body set (never their values, which may be large or personal). */
async function bodyFieldNames(c: Context<AppEnv>): Promise<string[]> {
  const length = Number(c.req.header('content-length') ?? 'NaN')
  if (!(length > 0 && length <= MAX_SUMMARIZED_BODY)) return []
  try {
    const body: unknown = await c.req.raw.clone().json()
    return body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : []
  } catch {
    return []
  }
}

function summaryOf(c: Context<AppEnv>, fields: string[]): string | null {
  const parts = []
  const query = new URL(c.req.url).search
  if (query) parts.push(query)
  if (fields.length > 0) parts.push(`set ${fields.join(', ')}`)
  return parts.length > 0 ? parts.join(' ') : null
}

function clip(text: string | null): string | null {
  return text === null || text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
