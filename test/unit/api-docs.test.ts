// docs/api.md and the typed client's types are generated from the OpenAPI document
// (`npm run api:docs`): the committed files are what the document gives today.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generatedApiFiles } from '../../scripts/lib/api-files.ts'

describe('files generated from the OpenAPI document', () => {
  it('are current (run `npm run api:docs` after changing a route or a schema)', async () => {
    const files = await generatedApiFiles()
    expect(Object.keys(files).sort()).toEqual(['clients/js/src/schema.d.ts', 'docs/api.md'])
    for (const [path, text] of Object.entries(files)) {
      const committed = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
      expect(committed === text, `${path} is stale: run npm run api:docs`).toBe(true)
    }
    // openapi-typescript and Prettier over the 8,000-line types: about 12 s on a busy 2-core box.
  }, 60_000)

  it('document what the product added to the first contract', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')
    for (const topic of [
      '`product`',
      '`fallback`',
      '`skippedByReason`',
      '?wait=true',
      'PATCH `/v1/admin/site`',
      'POST `/v1/admin/site/rotate-key`',
      'PUT `/v1/admin/site/proxy`',
      '`proxy_loop`',
      '`rate_limited`',
      'GET `/v1/intent`',
      '/reweigh',
      '`audience`',
      'results.csv',
      'POST `/v1/webhooks/shopify`',
      'PUT `/v1/admin/site/alerts`',
    ]) {
      expect(doc, topic).toContain(topic)
    }
  })
})
