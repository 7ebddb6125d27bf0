import { describe, expect, it } from 'vitest'
import {
  admin,
  call,
  createSite,
  errorOf,
  expectRefused,
  publicPost,
  rows,
  type TestSite,
} from './support/api.ts'
import { as, createKey } from './support/team.ts'

/** Every column of the site's row: what a refused request must leave as it was. */
async function siteRow(site: TestSite) {
  const found = await rows('SELECT * FROM sites WHERE id = ?', site.id)
  expect(found).toHaveLength(1)
  return found
}

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

  it('says a blank name is required, in a sentence, and keeps the name', async () => {
    const site = await createSite()
    const before = await siteRow(site)
    const res = await admin(site, 'PATCH', '/site', { name: '  ' })
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toEqual({ code: 'invalid_site', message: 'name: is required' })
    expect(await siteRow(site)).toEqual(before)
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
  ])('refuses %s with 400 and changes nothing', async (_, body) => {
    const site = await createSite()
    // Settings to keep: a refused PATCH must not touch the fields it names either.
    const set = await admin(site, 'PATCH', '/site', {
      allowedOrigins: ['https://shop.example'],
      imageOrigins: ['https://cdn.example'],
      specialDays: ['02-14'],
    })
    expect(set.status).toBe(200)
    const before = await siteRow(site)
    const res = await admin(site, 'PATCH', '/site', body)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_site')
    expect(await siteRow(site)).toEqual(before)
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

  it('refuses a viewer key with 403, rotating neither it nor the site key', async () => {
    const site = await createSite()
    const viewer = await createKey(site, 'viewer')
    const keyRow = () =>
      rows('SELECT * FROM admin_keys WHERE site_id = ? AND id = ?', site.id, viewer.id)
    const [siteBefore, keyBefore] = [await siteRow(site), await keyRow()]
    const res = await admin(as(site, viewer), 'POST', '/site/rotate-key')
    await expectRefused(res, 403, 'read_only_key')
    expect(await siteRow(site)).toEqual(siteBefore)
    expect(await keyRow()).toEqual(keyBefore)
    expect((await admin(as(site, viewer), 'GET', '/site')).status).toBe(200)
  })

  it('refuses the retired key with 401, keeping the new key working', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/site/rotate-key')
    expect(res.status).toBe(200)
    const { adminKey } = (await res.json()) as { adminKey: string }
    const after = await siteRow(site)
    await expectRefused(await admin(site, 'POST', '/site/rotate-key'), 401, 'unknown_key')
    expect(await siteRow(site)).toEqual(after)
    const fresh = await call('/v1/admin/site', { headers: { authorization: `Bearer ${adminKey}` } })
    expect(fresh.status).toBe(200)
  })
})
