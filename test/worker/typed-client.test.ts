// @edgelift/client (clients/js) against the real Worker: its requests go through the app's own
// fetch handler in workerd, with D1, exactly as they would over the network.
import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createEdgeliftClient, EdgeliftError } from '../../clients/js/src/index.ts'
import { createSite, eventId, type TestSite } from './support/api.ts'

const worker = (request: Request) => exports.default.fetch(request)

function clientOf(site: TestSite, keys: { publicKey?: string; adminKey?: string } = site) {
  return createEdgeliftClient({ baseUrl: 'https://edge.test/', fetch: worker, ...keys })
}

describe('@edgelift/client', () => {
  it('creates and starts an experiment with the admin key, then assigns and tracks with the public key', async () => {
    const site = await createSite()
    const edgelift = clientOf(site)
    const created = await edgelift.admin.POST('/v1/admin/experiments', {
      body: {
        key: 'hero',
        variations: [
          { key: 'control', weight: 0.5 },
          { key: 'bold', weight: 0.5 },
        ],
      },
    })
    expect(created.response.status).toBe(201)
    expect(created.data?.status).toBe('draft')
    const started = await edgelift.admin.POST('/v1/admin/experiments/{key}/start', {
      params: { path: { key: 'hero' } },
    })
    expect(started.data?.status).toBe('running')

    const answer = await edgelift.assign({ visitorId: 'customer-42' })
    const variation = answer.assignments.hero?.variation
    expect(['control', 'bold']).toContain(variation)
    // The same visitor, the same variation: a server can render it before the page is sent.
    expect((await edgelift.assign({ visitorId: 'customer-42' })).assignments.hero?.variation).toBe(
      variation,
    )

    const exposure = { id: eventId(), type: 'exposure' as const, visitorId: 'customer-42' }
    const tracked = await edgelift.track([{ ...exposure, experiment: 'hero' }])
    expect(tracked).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] })
    expect(await edgelift.track([{ ...exposure, experiment: 'hero' }])).toMatchObject({
      accepted: 0,
      duplicates: 1,
    })

    const results = await edgelift.admin.GET('/v1/admin/experiments/{key}/results', {
      params: { path: { key: 'hero' } },
    })
    expect(results.data?.variations.reduce((n, v) => n + v.visitors, 0)).toBe(1)
  })

  it('recommends and reads intent', async () => {
    const site = await createSite()
    const edgelift = clientOf(site)
    const catalog = await edgelift.admin.PUT('/v1/admin/catalog', {
      body: { items: [{ itemId: 'mug', title: 'Mug', url: 'https://shop.example/mug' }] },
    })
    expect(catalog.data?.upserted).toBe(1)
    const list = await edgelift.recommend({ slot: 'trending', n: 4 })
    expect(list.slot).toBe('trending')
    const intent = await edgelift.intent('customer-42')
    expect(intent.visitorId).toBe('customer-42')
    expect(intent.intent.score === null || typeof intent.intent.score === 'number').toBe(true)
  })

  it('throws the API refusal as an EdgeliftError with its code and status', async () => {
    const site = await createSite()
    const edgelift = clientOf(site)
    const refused = await edgelift.assign({ visitorId: 'has space' }).catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(EdgeliftError)
    expect(refused).toMatchObject({ status: 400, code: 'invalid_body' })

    const stranger = clientOf(site, { publicKey: 'pk_unknown' })
    await expect(stranger.recommend({ slot: 'trending' })).rejects.toMatchObject({
      status: 401,
      code: 'unknown_key',
    })
    const wrongAdmin = clientOf(site, { adminKey: 'sk_unknown' })
    const answer = await wrongAdmin.admin.GET('/v1/admin/site')
    expect(answer.response.status).toBe(401)
    expect(answer.error?.error.code).toBe('unknown_key')
  })

  it('needs the public key for public calls', async () => {
    const site = await createSite()
    const adminOnly = clientOf(site, { adminKey: site.adminKey })
    await expect(adminOnly.intent('v')).rejects.toThrow(/publicKey/)
  })
})
