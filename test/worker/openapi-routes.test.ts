// Every route the app mounts is in the OpenAPI document, and the document has no route the app
// does not mount: both lists come from the running code (Hono's `app.routes`, the document).
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/index.ts'
import { openApiDocument } from '../../worker/openapi/document.ts'

/** Routes that are not the API, each for its reason. */
const NOT_API = new Set([
  // The dashboard's single-page shell (static assets; client-routed pages).
  'GET /admin/*',
  // The demo store's pages (DEMO=on only).
  'GET /demo',
  'GET /demo/',
  'GET /demo/products/{sku}',
  'GET /demo/cart',
  'GET /demo/checkout',
  'GET /demo/images/{file}',
  // Benchmark baselines (bench/), answered only when BENCH_ROUTES=on.
  'GET /v1/_bench/bare',
  'POST /v1/_bench/bare',
  'GET /v1/_bench/d1-row',
  'GET /v1/_bench/group-by/{siteId}/{experiment}',
  'GET /v1/_bench/open-session/{siteId}/{visitorId}',
])

/** `/x/:key/:action{start|pause|stop}` → `/x/{key}/start`, `/x/{key}/pause`, `/x/{key}/stop`. */
function openApiPaths(honoPath: string): string[] {
  const alternatives = /:(\w+)\{((?:[a-z]+\|)+[a-z]+)\}/.exec(honoPath)
  if (alternatives?.[2]) {
    return alternatives[2]
      .split('|')
      .flatMap((word) => openApiPaths(honoPath.replace(alternatives[0], word)))
  }
  return [honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')]
}

function mountedRoutes(): Set<string> {
  const routes = app.routes
    // `.use()` middleware is listed as ALL; the proxy runs as middleware, not a route.
    .filter((r) => r.method !== 'ALL')
    .flatMap((r) => openApiPaths(r.path).map((path) => `${r.method} ${path}`))
  return new Set(routes)
}

function documentedRoutes(): Set<string> {
  const paths = openApiDocument().paths
  return new Set(
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    ),
  )
}

describe('the OpenAPI document covers the app', () => {
  it('documents every mounted API route', () => {
    const missing = [...mountedRoutes()].filter(
      (r) => !NOT_API.has(r) && !documentedRoutes().has(r),
    )
    expect(missing).toEqual([])
  })

  it('documents no route the app does not mount', () => {
    const mounted = mountedRoutes()
    expect([...documentedRoutes()].filter((r) => !mounted.has(r))).toEqual([])
  })

  it('excludes only routes that exist', () => {
    const mounted = mountedRoutes()
    expect([...NOT_API].filter((r) => !mounted.has(r))).toEqual([])
  })

  it('has a route count that matches what the app mounts', () => {
    const api = [...mountedRoutes()].filter((r) => !NOT_API.has(r))
    expect(api.length).toBe(documentedRoutes().size)
    expect(api.length).toBeGreaterThan(40)
  })
})
