// Every route an admin key can call, classified read or write by `accessOf`: a route added
// without a line here fails the first test, and each line is checked against a viewer key.
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/index.ts'
import { accessOf } from '../../worker/team/access.ts'
import { call, createSite, errorOf, expectRefused } from './support/api.ts'
import { createKey } from './support/team.ts'

const EXPECTED: Record<string, 'read' | 'write'> = {
  'GET /v1/admin/experiments': 'read',
  'POST /v1/admin/experiments': 'write',
  'GET /v1/admin/experiments/:key': 'read',
  'PATCH /v1/admin/experiments/:key': 'write',
  'POST /v1/admin/experiments/:key/:action{start|pause|stop}': 'write',
  'POST /v1/admin/experiments/:key/reweigh': 'write',
  'POST /v1/admin/experiments/:key/rollout': 'write',
  'GET /v1/admin/experiments/:key/results': 'read',
  'GET /v1/admin/experiments/:key/timeseries': 'read',
  'GET /v1/admin/sample-size': 'read',
  'PUT /v1/admin/catalog': 'write',
  'GET /v1/admin/catalog': 'read',
  'GET /v1/admin/catalog/items': 'read',
  'GET /v1/admin/recs/rules': 'read',
  'PUT /v1/admin/recs/rules': 'write',
  'GET /v1/admin/recs/preview': 'read',
  'GET /v1/admin/site': 'read',
  'PATCH /v1/admin/site': 'write',
  'POST /v1/admin/site/rotate-key': 'write',
  'POST /v1/admin/recs/train': 'write',
  'GET /v1/admin/recs/status': 'read',
  'GET /v1/admin/recs/performance': 'read',
  'POST /v1/admin/import/events': 'write',
  // Makes the site's visitor-id key on first use.
  'POST /v1/admin/import/visitor-ids': 'write',
  'GET /v1/admin/site/proxy': 'read',
  'PUT /v1/admin/site/proxy': 'write',
  // Records each hostname's check: an editor's action.
  'POST /v1/admin/site/proxy/verify': 'write',
  'GET /v1/admin/keys': 'read',
  'POST /v1/admin/keys': 'write',
  'DELETE /v1/admin/keys/:id': 'write',
  'GET /v1/admin/audit': 'read',
  'GET /v1/admin/health': 'read',
  'GET /v1/admin/behaviour': 'read',
  'GET /v1/admin/intent': 'read',
  'PATCH /v1/admin/intent': 'write',
  'POST /v1/admin/intent/train': 'write',
  'POST /v1/admin/intent/learn': 'write',
  'GET /v1/admin/site/shopify': 'read',
  'PUT /v1/admin/site/shopify': 'write',
  'GET /v1/admin/experiments/:key/results.csv': 'read',
  'GET /v1/admin/experiments/:key/visitors.csv': 'read',
  'GET /v1/admin/site/alerts': 'read',
  'PUT /v1/admin/site/alerts': 'write',
  // Outside /v1/admin, but an admin key may call it.
  'DELETE /v1/visitors/:visitorId': 'write',
}

/**
 * What each read answers a viewer on the path `pathOf` makes, with no query: the route's own
 * answer, past the role check. Experiment `x` does not exist; sample-size and the recs preview
 * need parameters.
 */
const READ_ANSWERS: Record<string, 200 | [status: number, code: string]> = {
  'GET /v1/admin/experiments': 200,
  'GET /v1/admin/experiments/:key': [404, 'not_found'],
  'GET /v1/admin/experiments/:key/results': [404, 'not_found'],
  'GET /v1/admin/experiments/:key/timeseries': [404, 'not_found'],
  'GET /v1/admin/sample-size': [400, 'invalid_baseline'],
  'GET /v1/admin/catalog': 200,
  'GET /v1/admin/catalog/items': 200,
  'GET /v1/admin/recs/rules': 200,
  'GET /v1/admin/recs/preview': [400, 'invalid_query'],
  'GET /v1/admin/site': 200,
  'GET /v1/admin/recs/status': 200,
  'GET /v1/admin/recs/performance': 200,
  'GET /v1/admin/site/proxy': 200,
  'GET /v1/admin/keys': 200,
  'GET /v1/admin/audit': 200,
  'GET /v1/admin/health': 200,
  'GET /v1/admin/behaviour': 200,
  'GET /v1/admin/intent': 200,
  'GET /v1/admin/site/shopify': 200,
  'GET /v1/admin/experiments/:key/results.csv': [404, 'not_found'],
  'GET /v1/admin/experiments/:key/visitors.csv': [404, 'not_found'],
  'GET /v1/admin/site/alerts': 200,
}

/** Every method + pattern mounted for an admin key (middleware is mounted for `ALL`). */
function mountedAdminRoutes(): string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL')
    .filter((r) => r.path.startsWith('/v1/admin') || r.path === '/v1/visitors/:visitorId')
    .map((r) => `${r.method} ${r.path}`)
  return [...new Set(routes)]
}

/** A concrete path for a pattern: each parameter gets a harmless value. */
function pathOf(pattern: string): string {
  return pattern
    .replace(':action{start|pause|stop}', 'start')
    .replace(':id', 'key_0000000000000000')
    .replace(/:[A-Za-z]+/g, 'x')
}

describe('admin route classification', () => {
  it('lists every mounted admin route, and only those', () => {
    expect(mountedAdminRoutes().sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(Object.entries(EXPECTED))('classifies %s as %s', (route, access) => {
    const [method = '', pattern = ''] = route.split(' ')
    expect(accessOf(method, pattern)).toBe(access)
  })

  it('knows the answer of every read, and only of reads', () => {
    const reads = Object.entries(EXPECTED).filter(([, access]) => access === 'read')
    expect(Object.keys(READ_ANSWERS).sort()).toEqual(reads.map(([route]) => route).sort())
  })

  it('refuses every write to a viewer with 403 and lets every read past the role check', async () => {
    const site = await createSite()
    const viewer = await createKey(site, 'viewer')
    for (const [route, access] of Object.entries(EXPECTED)) {
      const [method = '', pattern = ''] = route.split(' ')
      const res = await call(pathOf(pattern), {
        method,
        headers: { authorization: `Bearer ${viewer.adminKey}`, 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      })
      if (access === 'write') {
        await expectRefused(res, 403, 'read_only_key')
      } else {
        const answer = READ_ANSWERS[route]
        if (answer === 200) {
          expect(res.status, route).toBe(200)
          await res.body?.cancel()
        } else {
          expect(answer, route).toBeDefined()
          const [status, code] = answer ?? [0, '']
          expect({ route, status: res.status }).toEqual({ route, status })
          expect({ route, code: (await errorOf(res)).code }).toEqual({ route, code })
        }
      }
    }
  })
})
