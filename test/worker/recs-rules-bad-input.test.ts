import { describe, expect, it } from 'vitest'
import { admin, call, createSite, expectRefused, rows, type TestSite } from './support/api.ts'
import { catalogItem, GARDEN, KITCHEN, trainedStore, visitorIdOf } from './support/recs.ts'

const KEPT = [{ slot: 'all', itemId: 'A', action: 'exclude' }]

/** A site with items A, B and C and one rule already written, which a refusal must leave alone. */
async function siteWithRule(): Promise<TestSite> {
  const site = await createSite()
  await admin(site, 'PUT', '/catalog', { items: ['A', 'B', 'C'].map((id) => catalogItem(id)) })
  const res = await admin(site, 'PUT', '/recs/rules', { rules: KEPT })
  expect(res.status).toBe(200)
  return site
}

async function expectUnchanged(site: TestSite) {
  const stored = await rows<{ slot: string; item_id: string; action: string }>(
    'SELECT slot, item_id, action FROM rec_rules WHERE site_id = ?',
    site.id,
  )
  expect(stored).toEqual([{ slot: 'all', item_id: 'A', action: 'exclude' }])
  const recs = (await (await call(`/v1/recs?site=${site.publicKey}&slot=trending&n=5`)).json()) as {
    items: { itemId: string }[]
  }
  expect(recs.items.map((i) => i.itemId)).not.toContain('A')
}

describe('PUT /v1/admin/recs/rules refuses bad input and writes nothing', () => {
  const cases: [string, unknown, string][] = [
    [
      'an unknown slot',
      { rules: [{ slot: 'homepage', itemId: 'B', action: 'pin' }] },
      'invalid_rules',
    ],
    [
      'an unknown action',
      { rules: [{ slot: 'all', itemId: 'B', action: 'hide' }] },
      'invalid_rules',
    ],
    [
      'a boost without a factor',
      { rules: [{ slot: 'all', itemId: 'B', action: 'boost' }] },
      'invalid_rules',
    ],
    [
      'a boost above 10',
      { rules: [{ slot: 'all', itemId: 'B', action: 'boost', factor: 11 }] },
      'invalid_rules',
    ],
    [
      'a boost below 0.1',
      { rules: [{ slot: 'all', itemId: 'B', action: 'boost', factor: 0 }] },
      'invalid_rules',
    ],
    [
      'a factor on a pin',
      { rules: [{ slot: 'all', itemId: 'B', action: 'pin', factor: 2 }] },
      'invalid_rules',
    ],
    [
      'a malformed item id',
      { rules: [{ slot: 'all', itemId: 'B C', action: 'pin' }] },
      'invalid_rules',
    ],
    [
      'an item id of 65 characters',
      { rules: [{ slot: 'all', itemId: 'x'.repeat(65), action: 'pin' }] },
      'invalid_rules',
    ],
    [
      'two rules for one item in one slot',
      {
        rules: [
          { slot: 'similar', itemId: 'B', action: 'pin' },
          { slot: 'similar', itemId: 'B', action: 'exclude' },
        ],
      },
      'invalid_rules',
    ],
    [
      'more than 200 rules',
      { rules: Array.from({ length: 201 }, () => ({ slot: 'all', itemId: 'B', action: 'pin' })) },
      'invalid_rules',
    ],
    ['no rules field', {}, 'invalid_rules'],
    ['an unknown field', { rules: [], replace: true }, 'invalid_rules'],
    ['rules that are not a list', { rules: 'B' }, 'invalid_rules'],
    [
      'an item missing from the catalog, after valid rules',
      {
        rules: [
          { slot: 'all', itemId: 'B', action: 'pin' },
          { slot: 'all', itemId: 'NOPE', action: 'exclude' },
        ],
      },
      'unknown_items',
    ],
  ]
  for (const [what, body, code] of cases) {
    it(`answers 400 ${code} for ${what}`, async () => {
      const site = await siteWithRule()
      await expectRefused(await admin(site, 'PUT', '/recs/rules', body), 400, code)
      await expectUnchanged(site)
    })
  }

  it('answers 400 unknown_items for another site’s item: item ids are per site', async () => {
    const site = await siteWithRule()
    const other = await createSite()
    await admin(other, 'PUT', '/catalog', { items: [catalogItem('THEIRS')] })
    const res = await admin(site, 'PUT', '/recs/rules', {
      rules: [{ slot: 'all', itemId: 'THEIRS', action: 'pin' }],
    })
    const error = await expectRefused(res, 400, 'unknown_items')
    expect(error.message).toContain('THEIRS')
    await expectUnchanged(site)
    const theirs = await rows('SELECT * FROM rec_rules WHERE site_id = ?', other.id)
    expect(theirs).toEqual([])
  })

  it('answers 400 malformed_json for a body that is not JSON', async () => {
    const site = await siteWithRule()
    const res = await call('/v1/admin/recs/rules', {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
      body: '{"rules": [',
    })
    await expectRefused(res, 400, 'malformed_json')
    await expectUnchanged(site)
  })

  it('answers 413 body_too_large for a body over 64 KB', async () => {
    const site = await siteWithRule()
    const res = await admin(site, 'PUT', '/recs/rules', { rules: [], pad: 'x'.repeat(70_000) })
    await expectRefused(res, 413, 'body_too_large')
    await expectUnchanged(site)
  })

  it('answers 415 for a body that is not application/json', async () => {
    const site = await siteWithRule()
    const res = await call('/v1/admin/recs/rules', {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ rules: [] }),
    })
    await expectRefused(res, 415, 'unsupported_media_type')
    await expectUnchanged(site)
  })

  it('answers 401 without a key and 403 with the public key', async () => {
    const site = await siteWithRule()
    await expectRefused(await call('/v1/admin/recs/rules', { method: 'PUT' }), 401, 'missing_key')
    const res = await call('/v1/admin/recs/rules', {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.publicKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [] }),
    })
    await expectRefused(res, 403, 'wrong_key_kind')
    await expectUnchanged(site)
  })
})

describe('GET /v1/admin/recs/preview and /v1/admin/catalog/items refuse bad queries', () => {
  const cases: [string, string][] = [
    ['an unknown slot', '/recs/preview?slot=homepage'],
    ['a malformed item', '/recs/preview?slot=similar&item=a%20b'],
    ['n above 50', '/recs/preview?slot=trending&n=51'],
    ['a public key parameter', '/recs/preview?slot=trending&site=pk_x'],
    ['a search over 100 characters', `/catalog/items?q=${'x'.repeat(101)}`],
    ['a search limit of 0', '/catalog/items?q=a&limit=0'],
  ]
  for (const [what, path] of cases) {
    it(`answers 400 invalid_query for ${what}`, async () => {
      const site = await createSite()
      await expectRefused(await admin(site, 'GET', path), 400, 'invalid_query')
    })
  }
})

describe('GET /v1/admin/recs/preview stays within the key’s site', () => {
  it("answers site A's admin key about site B's visitor and items with site A's items only", async () => {
    const b = await trainedStore()
    const bBuyer = await visitorIdOf(b, 'g-buyer-2')
    const a = await createSite()
    const own = ['A1', 'A2', 'A3'].map((itemId) => ({
      itemId,
      title: `Own ${itemId}`,
      url: `https://a.example/p/${itemId}`,
    }))
    expect((await admin(a, 'PUT', '/catalog', { items: own })).status).toBe(200)
    for (const slot of ['personal', 'similar', 'cart', 'trending']) {
      const res = await admin(a, 'GET', `/recs/preview?slot=${slot}&visitorId=${bBuyer}&item=G1,K1`)
      expect(res.status, await res.clone().text()).toBe(200)
      const body = (await res.json()) as {
        modelVersion: string | null
        items: { itemId: string }[]
      }
      // A has no model: B's would show as a version here.
      expect(body.modelVersion, slot).toBeNull()
      expect(body.items.map((i) => i.itemId).sort(), slot).toEqual(['A1', 'A2', 'A3'])
      expect(JSON.stringify(body), slot).not.toContain('shop.example')
    }
    // B's own key previews B's model and items for the same visitor and item.
    const res = await admin(b, 'GET', `/recs/preview?slot=similar&visitorId=${bBuyer}&item=G1`)
    const body = (await res.json()) as { modelVersion: string | null; items: { itemId: string }[] }
    expect(body.modelVersion).toMatch(/^svd-/)
    expect(body.items.length).toBeGreaterThan(0)
    for (const item of body.items) expect([...GARDEN, ...KITCHEN]).toContain(item.itemId)
  })
})
