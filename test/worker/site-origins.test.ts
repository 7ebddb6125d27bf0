import { describe, expect, it } from 'vitest'
import { originsOfHostname } from '../../worker/sites/site-origins.ts'
import { admin, call, createSite, eventId, publicPost, rows } from './support/api.ts'
import { publishProof, verifyHostnames } from './support/hostnames.ts'

/** Hostnames are one site's each: every test claims its own. */
let claimed = 0
function shop(): string {
  claimed++
  return `shop${claimed}.example`
}

/** A site with these allowed origins, proxying these hostnames, proven unless told otherwise. */
async function proxied(origins: string[], hostnames: string[], proven = true) {
  const site = await createSite({ origins })
  const res = await admin(site, 'PUT', '/site/proxy', {
    originUrl: 'https://origin.shop.example',
    hostnames,
  })
  expect(res.status).toBe(200)
  if (proven) {
    for (const host of hostnames) await publishProof(host, site)
    expect((await verifyHostnames(site)).every((p) => p.verified)).toBe(true)
  }
  return site
}

function view(url: string) {
  return {
    id: eventId(),
    type: 'view',
    visitorId: 'v1',
    itemId: 'SKU-1',
    product: { title: 'Lamp', url, price: 10, currency: 'USD', inStock: true },
  }
}

describe('a site’s proxied hostnames are its own origins', () => {
  it('gives https for a public hostname, and http too for one with a port or a local name', () => {
    expect(originsOfHostname('shop.example')).toEqual(['https://shop.example'])
    expect(originsOfHostname('localhost:8788')).toEqual([
      'http://localhost:8788',
      'https://localhost:8788',
    ])
    expect(originsOfHostname('shop.localhost')).toEqual([
      'http://shop.localhost',
      'https://shop.localhost',
    ])
  })

  it('accepts events from the proxied pages of a site with allowed origins, and no others', async () => {
    const site = await proxied(['https://elsewhere.example'], ['shop.example', 'localhost:8788'])
    const send = (origin: string) =>
      publicPost(
        site,
        '/v1/events',
        { events: [{ id: eventId(), type: 'view', visitorId: 'v1' }] },
        { origin },
      )
    for (const origin of ['https://shop.example', 'http://localhost:8788']) {
      expect((await send(origin)).status, origin).toBe(202)
    }
    for (const origin of ['http://shop.example', 'https://evil.example', 'http://localhost:9']) {
      const res = await send(origin)
      expect(res.status, origin).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'origin_not_allowed' } })
      // Readable by the page, so the widget sees a refusal rather than a network error to retry.
      expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin)
    }
    const preflight = await call(`/v1/events?site=${site.publicKey}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
  })

  it('takes catalog data from product pages on the proxied hostnames', async () => {
    const host = shop()
    const site = await proxied(['https://elsewhere.example'], [host])
    const res = await publicPost(site, '/v1/events', {
      events: [view(`https://${host}/p/lamp`)],
    })
    expect(await res.json()).toMatchObject({ accepted: 1 })
    expect(
      await rows(
        'SELECT url FROM catalog_items WHERE site_id = ? AND item_id = ?',
        site.id,
        'SKU-1',
      ),
    ).toEqual([{ url: `https://${host}/p/lamp` }])
  })

  it('does not count a hostname whose claim is not proven: anyone can claim a name', async () => {
    const host = shop()
    const site = await proxied(['https://elsewhere.example'], [host], false)
    expect(await (await admin(site, 'GET', '/site')).json()).toMatchObject({ ownOrigins: [] })
    const res = await publicPost(
      site,
      '/v1/events',
      { events: [{ id: eventId(), type: 'view', visitorId: 'v1' }] },
      { origin: `https://${host}` },
    )
    expect(res.status).toBe(403)
  })

  it('stops counting a hostname as the site’s once proxy mode is off, and says which are', async () => {
    const host = shop()
    const site = await proxied(['https://elsewhere.example'], [host])
    const described = await admin(site, 'GET', '/site')
    expect(await described.json()).toMatchObject({ ownOrigins: [`https://${host}`] })
    await admin(site, 'PUT', '/site/proxy', { originUrl: null, hostnames: [host] })
    const res = await publicPost(
      site,
      '/v1/events',
      { events: [{ id: eventId(), type: 'view', visitorId: 'v1' }] },
      { origin: `https://${host}` },
    )
    expect(res.status).toBe(403)
  })
})
