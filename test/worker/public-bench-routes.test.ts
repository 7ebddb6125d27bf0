// The benchmark baselines (worker/routes/bench.ts) are mounted only when BENCH_ROUTES is "on";
// the workerd suites run with wrangler.toml's "off", as production does, where each answers the
// same 404 envelope as a path of no route.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker, { app } from '../../worker/index.ts'
import { call, expectRefused } from './support/api.ts'

/** A value for each path parameter of the bench routes. */
const SAMPLE: Record<string, string> = {
  siteId: 'site_bench',
  experiment: 'bench-exp',
  visitorId: 'bench-visitor',
}

/** Every bench route the app mounts, as method and a concrete path: new ones are covered too. */
function benchRoutes(): [string, string][] {
  return app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/_bench/'))
    .map((r) => [
      r.method,
      r.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
        const value = SAMPLE[name]
        if (value === undefined) throw new Error(`no sample value for :${name} in ${r.path}`)
        return value
      }),
    ])
}

async function withBenchOn(method: string, path: string): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(`https://edge.test${path}`, { method }),
    { ...env, BENCH_ROUTES: 'on' },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

describe('/v1/_bench/* with BENCH_ROUTES off', () => {
  it('lists the bench routes the app mounts', () => {
    expect(benchRoutes()).toEqual(
      expect.arrayContaining([
        ['GET', '/v1/_bench/bare'],
        ['POST', '/v1/_bench/bare'],
        ['GET', '/v1/_bench/d1-row'],
        ['GET', '/v1/_bench/group-by/site_bench/bench-exp'],
        ['GET', '/v1/_bench/open-session/site_bench/bench-visitor'],
      ]),
    )
  })

  it.each(benchRoutes())(
    'answers %s %s with 404 not_found in the envelope',
    async (method, path) => {
      const error = await expectRefused(await call(path, { method }), 404, 'not_found')
      expect(error.message).toBe(`No route for ${method} ${path}.`)
    },
  )

  it('answers a bench path of no route the same 404', async () => {
    await expectRefused(await call('/v1/_bench/unknown'), 404, 'not_found')
  })

  it.each(benchRoutes())(
    'answers %s %s with 200 when BENCH_ROUTES is on: the 404 is the switch',
    async (method, path) => {
      const res = await withBenchOn(method, path)
      expect(res.status, await res.clone().text()).toBe(200)
    },
  )
})
