/**
 * The API reference, public and cacheable: `GET /v1/openapi.json` (OpenAPI 3.1, generated from
 * the routes' zod schemas, openapi/document.ts) and `GET /docs` (the same as one HTML page).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { openApiDocument } from '../openapi/document.ts'
import { referencePage } from '../openapi/reference-page.ts'

/** The document changes only with a deploy; five minutes of caching costs nothing to correct. */
const CACHE_CONTROL = 'public, max-age=300'
/** The page's own inline style and nothing else: no script, nothing fetched from elsewhere. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

let page: string | undefined

export const openApiRoute = new Hono<AppEnv>()
  .get('/v1/openapi.json', (c) => {
    c.header('cache-control', CACHE_CONTROL)
    c.header('access-control-allow-origin', '*')
    return c.json(openApiDocument())
  })
  .get('/docs', (c) => {
    page ??= referencePage(openApiDocument())
    c.header('cache-control', CACHE_CONTROL)
    c.header('content-security-policy', PAGE_POLICY)
    return c.html(page)
  })
