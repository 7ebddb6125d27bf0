// The API reference as served: the document at /v1/openapi.json and the page at /docs, public,
// cacheable, and the page self-contained (nothing fetched from elsewhere, no script).
import { describe, expect, it } from 'vitest'
import { call } from './support/api.ts'

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string }>> }

describe('the API reference', () => {
  it('serves OpenAPI 3.1 without a key, cacheable', async () => {
    const res = await call('/v1/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    const doc = (await res.json()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    const assign = doc.paths['/v1/assign']?.post as unknown as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }
    }
    // The route's own schema: its fields, as zod gives them.
    expect(
      Object.keys(assign.requestBody.content['application/json']?.schema.properties ?? {}),
    ).toEqual(['visitorId', 'experiments', 'url', 'attributes', 'intent'])
  })

  it('renders every operation at /docs as one page with no script and nothing from elsewhere', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as Doc
    const res = await call('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const op of Object.values(methods)) {
        expect(html, path).toContain(`id="${op.operationId}"`)
      }
    }
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!json-schema\.org)/i)
    expect(html).toContain('proxy_loop')
  })
})
