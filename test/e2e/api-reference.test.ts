// The API reference and the typed client against `wrangler dev` (the demo site pk_demo/sk_demo),
// as `npm start` serves them: over the network, with the assets configuration in front.
import { describe, expect, inject, it } from 'vitest'
import { createEdgeliftClient, EdgeliftError } from '../../clients/js/src/index.ts'

describe('the API reference and @edgelift/client on wrangler dev', () => {
  it('serves /v1/openapi.json and /docs from the Worker', async () => {
    const doc = await fetch(`${inject('baseUrl')}/v1/openapi.json`)
    expect(doc.status).toBe(200)
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0')
    const page = await fetch(`${inject('baseUrl')}/docs`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('post</span> <code>/v1/assign</code>')
  })

  it('assigns, recommends and reads the admin API over HTTP', async () => {
    const edgelift = createEdgeliftClient({
      baseUrl: inject('baseUrl'),
      publicKey: 'pk_demo',
      adminKey: 'sk_demo',
    })
    const site = await edgelift.admin.GET('/v1/admin/site')
    expect(site.data?.publicKey).toBe('pk_demo')
    const answer = await edgelift.assign({ visitorId: 'server-rendered-visitor' })
    expect(answer.visitorId).toBe('server-rendered-visitor')
    const list = await edgelift.recommend({ slot: 'trending', n: 3 })
    expect(list).toMatchObject({ slot: 'trending', items: expect.any(Array) })
    const refused = await edgelift.recommend({ slot: 'trending', n: 99 }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(EdgeliftError)
    expect(refused).toMatchObject({ status: 400, code: 'invalid_query' })
  })
})
