import { describe, expect, it } from 'vitest'
import { admin, call, createSite, errorOf, publicPost } from './support/api.ts'

describe('GET/PATCH /v1/admin/site', () => {
  it('shows the site and changes its allowed origins, which CORS obeys at once', async () => {
    const site = await createSite()
    expect(await (await admin(site, 'GET', '/site')).json()).toMatchObject({
      siteId: site.id,
      publicKey: site.publicKey,
      allowedOrigins: [],
    })
    const res = await admin(site, 'PATCH', '/site', { allowedOrigins: ['https://shop.example'] })
    expect(await res.json()).toMatchObject({ allowedOrigins: ['https://shop.example'] })
    const foreign = await publicPost(site, '/v1/assign', {}, { origin: 'https://other.example' })
    expect(foreign.status).toBe(403)
  })

  it('stores an origin written loosely (case, trailing slash) the way browsers send it', async () => {
    const site = await createSite()
    const res = await admin(site, 'PATCH', '/site', {
      allowedOrigins: ['HTTPS://Shop.Example/', 'http://localhost:3000'],
    })
    expect(await res.json()).toMatchObject({
      allowedOrigins: ['https://shop.example', 'http://localhost:3000'],
    })
    const allowed = await publicPost(site, '/v1/assign', {}, { origin: 'https://shop.example' })
    expect(allowed.status).toBe(200)
  })

  it('shows and changes the image origins, stored the way browsers send them', async () => {
    const site = await createSite()
    expect(await (await admin(site, 'GET', '/site')).json()).toMatchObject({ imageOrigins: [] })
    const res = await admin(site, 'PATCH', '/site', { imageOrigins: ['HTTPS://CDN.Example/'] })
    expect(await res.json()).toMatchObject({ imageOrigins: ['https://cdn.example'] })
    expect(await (await admin(site, 'GET', '/site')).json()).toMatchObject({
      imageOrigins: ['https://cdn.example'],
    })
  })

  it('shows, replaces and restores the gift days of the intent feature SpecialDay', async () => {
    const site = await createSite()
    expect(await (await admin(site, 'GET', '/site')).json()).toMatchObject({ specialDays: null })
    const res = await admin(site, 'PATCH', '/site', { specialDays: ['07-10', '11-11'] })
    expect(await res.json()).toMatchObject({ specialDays: ['07-10', '11-11'] })
    expect(await (await admin(site, 'GET', '/site')).json()).toMatchObject({
      specialDays: ['07-10', '11-11'],
    })
    await admin(site, 'PATCH', '/site', { specialDays: null })
    expect(await (await admin(site, 'GET', '/site')).json()).toMatchObject({ specialDays: null })
  })

  it('says a blank name is required, in a sentence', async () => {
    const site = await createSite()
    const res = await admin(site, 'PATCH', '/site', { name: '  ' })
    expect(await errorOf(res)).toEqual({ code: 'invalid_site', message: 'name: is required' })
  })

  it.each([
    ['a path', { allowedOrigins: ['https://shop.example/path'] }],
    ['a query', { allowedOrigins: ['https://shop.example?x=1'] }],
    ['a javascript: origin', { allowedOrigins: ['javascript:alert(1)'] }],
    ['an image origin with a path', { imageOrigins: ['https://cdn.example/img'] }],
    ['a data: image origin', { imageOrigins: ['data:image/png'] }],
    [
      '21 image origins',
      { imageOrigins: Array.from({ length: 21 }, (_, i) => `https://c${i}.example`) },
    ],
    ['an unknown field', { adminKeyHash: 'x' }],
    ['a gift day that is not MM-DD', { specialDays: ['14 Feb'] }],
    ['a gift day in month 13', { specialDays: ['13-01'] }],
    ['25 gift days', { specialDays: Array.from({ length: 25 }, () => '12-25') }],
  ])('refuses %s with 400', async (_, body) => {
    const site = await createSite()
    const res = await admin(site, 'PATCH', '/site', body)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_site')
  })
})

describe('POST /v1/admin/site/rotate-key', () => {
  it('answers a new key once; the old one stops working at once', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/site/rotate-key')
    const { adminKey } = (await res.json()) as { adminKey: string }
    expect(adminKey).toMatch(/^sk_[0-9a-f]{48}$/)
    expect((await admin(site, 'GET', '/site')).status).toBe(401)
    const fresh = await call('/v1/admin/site', { headers: { authorization: `Bearer ${adminKey}` } })
    expect(fresh.status).toBe(200)
  })
})
