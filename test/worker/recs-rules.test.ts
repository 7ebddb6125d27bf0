import { describe, expect, it } from 'vitest'
import {
  admin,
  call,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  type TestSite,
} from './support/api.ts'
import { catalogItem, GARDEN, KITCHEN, trainedStore, visitorIdOf } from './support/recs.ts'

type Item = { itemId: string; title: string; image: string | null; score: number; rule?: string }
type Recs = { source: string; fallback?: string; items: Item[] }
type Rule = { slot: string; itemId: string; action: string; factor?: number }

async function recs(site: TestSite, query: string): Promise<Recs> {
  const res = await call(`/v1/recs?site=${site.publicKey}&${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Recs
}

const ids = (body: Recs) => body.items.map((i) => i.itemId)

async function putRules(site: TestSite, rules: Rule[]) {
  const res = await admin(site, 'PUT', '/recs/rules', { rules })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as { rules: (Rule & { item: { title: string } | null })[] }
}

describe('GET/PUT /v1/admin/recs/rules', () => {
  it('replaces the whole set and reads it back in order, each rule with its item', async () => {
    const site = await trainedStore()
    await putRules(site, [{ slot: 'all', itemId: 'K6', action: 'exclude' }])
    const written = await putRules(site, [
      { slot: 'similar', itemId: 'G5', action: 'pin' },
      { slot: 'all', itemId: 'K1', action: 'boost', factor: 2.5 },
      { slot: 'trending', itemId: 'G2', action: 'exclude' },
    ])
    const read = (await (await admin(site, 'GET', '/recs/rules')).json()) as typeof written
    expect(read).toEqual(written)
    expect(read.rules).toEqual([
      {
        slot: 'similar',
        itemId: 'G5',
        action: 'pin',
        item: expect.objectContaining({ title: 'Item G5' }),
      },
      {
        slot: 'all',
        itemId: 'K1',
        action: 'boost',
        factor: 2.5,
        item: expect.objectContaining({ itemId: 'K1' }),
      },
      {
        slot: 'trending',
        itemId: 'G2',
        action: 'exclude',
        item: expect.objectContaining({ inStock: true }),
      },
    ])
    expect((await putRules(site, [])).rules).toEqual([])
  })
})

describe('GET /v1/recs with the merchant’s rules', () => {
  it('shows pinned items first, the slot’s own before the site-wide ones, each in the merchant’s order', async () => {
    const site = await trainedStore()
    await putRules(site, [
      { slot: 'all', itemId: 'K3', action: 'pin' },
      { slot: 'similar', itemId: 'K5', action: 'pin' },
      { slot: 'similar', itemId: 'K4', action: 'pin' },
    ])
    const similar = await recs(site, 'slot=similar&item=G1&n=5')
    expect(ids(similar).slice(0, 3)).toEqual(['K5', 'K4', 'K3'])
    expect(similar.items.slice(0, 3).map((i) => i.rule)).toEqual(['pin', 'pin', 'pin'])
    // The slot's own source fills the rest.
    for (const id of ids(similar).slice(3)) expect(GARDEN).toContain(id)
    expect(ids(await recs(site, 'slot=trending&n=3'))[0]).toBe('K3')
  })

  it('skips a pinned item that is out of stock, the current item, or what the visitor bought', async () => {
    const site = await trainedStore({ outOfStock: ['K2'] })
    await putRules(site, [
      { slot: 'all', itemId: 'K2', action: 'pin' },
      { slot: 'all', itemId: 'G1', action: 'pin' },
      { slot: 'all', itemId: 'K6', action: 'pin' },
    ])
    expect(ids(await recs(site, 'slot=similar&item=G1&n=4'))).toEqual(
      expect.arrayContaining(['K6']),
    )
    const similar = ids(await recs(site, 'slot=similar&item=G1&n=4'))
    expect(similar[0]).toBe('K6')
    expect(similar).not.toContain('K2')
    expect(similar).not.toContain('G1')
    await publicPost(site, '/v1/events', {
      events: [
        { id: eventId(), type: 'purchase', visitorId: 'k-buyer-0', itemId: 'K6', revenue: 10 },
      ],
    })
    const personal = ids(await recs(site, 'slot=personal&visitorId=k-buyer-0&n=4'))
    expect(personal).not.toContain('K6')
    expect(personal[0]).toBe('G1')
  })

  it('never shows an excluded item, from any source: lists, online fold-in, trending and the catalog fill', async () => {
    const site = await trainedStore()
    await putRules(site, [
      { slot: 'all', itemId: 'G2', action: 'exclude' },
      { slot: 'all', itemId: 'K2', action: 'exclude' },
    ])
    // n = 12 asks for the whole catalog, so the catalog fill runs too.
    for (const query of [
      'slot=similar&item=G1&n=12',
      'slot=cart&item=K1,G1&n=12',
      'slot=trending&n=12',
      'slot=personal&visitorId=g-buyer-1&n=12',
      'slot=personal&visitorId=nobody&n=12',
      'slot=similar&item=NOPE&n=12',
    ]) {
      const body = await recs(site, query)
      expect(ids(body), query).not.toContain('G2')
      expect(ids(body), query).not.toContain('K2')
      expect(body.items.length, query).toBeGreaterThan(5)
    }
    await publicPost(site, '/v1/events', {
      events: ['K1', 'K3'].map((itemId) => ({
        id: eventId(),
        type: 'click',
        visitorId: 'fresh',
        itemId,
      })),
    })
    const online = await recs(site, 'slot=personal&visitorId=fresh&n=12')
    expect(online.source).toBe('online')
    expect(ids(online)).not.toContain('K2')
  })

  it('keeps the rules out of a site without a model, where popularity and the catalog serve', async () => {
    const site = await createSite()
    await admin(site, 'PUT', '/catalog', { items: ['A', 'B', 'C'].map((id) => catalogItem(id)) })
    await putRules(site, [
      { slot: 'all', itemId: 'B', action: 'exclude' },
      { slot: 'personal', itemId: 'C', action: 'pin' },
    ])
    const body = await recs(site, 'slot=personal&visitorId=v&n=5')
    expect(body.fallback).toBe('no_model_yet')
    expect(ids(body)).toEqual(['C', 'A'])
  })

  it('applies a slot’s rule to that slot only, and it wins over the site-wide rule for the item', async () => {
    const site = await trainedStore()
    await putRules(site, [
      { slot: 'trending', itemId: 'G3', action: 'exclude' },
      { slot: 'all', itemId: 'K4', action: 'exclude' },
      { slot: 'trending', itemId: 'K4', action: 'pin' },
    ])
    const trending = ids(await recs(site, 'slot=trending&n=12'))
    expect(trending).not.toContain('G3')
    expect(trending[0]).toBe('K4')
    const similar = ids(await recs(site, 'slot=similar&item=K1&n=11'))
    expect(similar).toContain('G3')
    expect(similar).not.toContain('K4')
  })

  it('multiplies a boosted item’s score by its factor and re-ranks the list by it', async () => {
    const site = await trainedStore()
    const plain = await recs(site, 'slot=trending&n=12')
    const last = plain.items.at(-1)
    const first = plain.items[0]
    if (!last || !first || last.score <= 0) throw new Error('trending scores must be positive')
    const factor = (first.score / last.score) * 1.5
    if (factor > 10) throw new Error(`the test store needs a boost above 10: ${factor}`)
    await putRules(site, [
      { slot: 'trending', itemId: last.itemId, action: 'boost', factor },
      { slot: 'trending', itemId: first.itemId, action: 'boost', factor: 0.1 },
    ])
    const boosted = await recs(site, 'slot=trending&n=12')
    expect(boosted.items[0]).toMatchObject({ itemId: last.itemId, rule: 'boost' })
    expect(boosted.items[0]?.score).toBeCloseTo(last.score * factor, 9)
    const lowered = boosted.items.find((i) => i.itemId === first.itemId)
    expect(lowered?.score).toBeCloseTo(first.score * 0.1, 9)
    const scores = boosted.items.map((i) => i.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    // Untouched items keep their score and their order.
    const others = (body: Recs) =>
      body.items.filter((i) => i.itemId !== last.itemId && i.itemId !== first.itemId)
    expect(others(boosted)).toEqual(others(plain))
  })

  it('keeps one site’s rules away from another site’s lists', async () => {
    const steered = await trainedStore()
    const other = await trainedStore()
    await putRules(steered, [
      { slot: 'all', itemId: 'G2', action: 'exclude' },
      { slot: 'all', itemId: 'K5', action: 'pin' },
    ])
    const body = await recs(other, 'slot=similar&item=G1&n=11')
    expect(ids(body)).toContain('G2')
    expect(ids(body)[0]).not.toBe('K5')
    expect(body.items.every((i) => i.rule === undefined)).toBe(true)
  })
})

describe('GET /v1/admin/recs/preview', () => {
  it('answers any slot for a visitor or product as the shopper gets it, rules applied', async () => {
    const site = await trainedStore()
    await putRules(site, [
      { slot: 'personal', itemId: 'G6', action: 'pin' },
      { slot: 'all', itemId: 'K2', action: 'exclude' },
    ])
    const visitor = await visitorIdOf(site, 'k-buyer-5')
    const res = await admin(site, 'GET', `/recs/preview?slot=personal&visitorId=${visitor}&n=6`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Recs
    expect(body.items[0]).toMatchObject({ itemId: 'G6', title: 'Item G6', rule: 'pin' })
    expect(ids(body)).not.toContain('K2')
    // Then the visitor's own taste, as the shop shows it.
    expect(KITCHEN).toContain(ids(body)[1])
    const product = (await (
      await admin(site, 'GET', '/recs/preview?slot=similar&item=K1&n=3')
    ).json()) as Recs
    expect(product.source).toBe('similar')
    expect(ids(product)).not.toContain('K1')
  })

  it('needs the admin key: the public key is refused', async () => {
    const site = await createSite()
    const res = await call('/v1/admin/recs/preview?slot=trending', {
      headers: { authorization: `Bearer ${site.publicKey}` },
    })
    await expectRefused(res, 403, 'wrong_key_kind')
  })
})

describe('GET /v1/admin/catalog/items', () => {
  it('finds the site’s own items by id or title, in stock first', async () => {
    const site = await createSite()
    const other = await createSite()
    await admin(site, 'PUT', '/catalog', {
      items: [
        { ...catalogItem('MUG-1'), title: 'Blue mug' },
        { ...catalogItem('MUG-2', false), title: 'Red mug' },
        { ...catalogItem('LAMP'), title: '100% wool lamp' },
      ],
    })
    await admin(other, 'PUT', '/catalog', {
      items: [{ ...catalogItem('MUG-9'), title: 'Their mug' }],
    })
    const found = async (q: string) => {
      const res = await admin(site, 'GET', `/catalog/items?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(200)
      return ((await res.json()) as { items: { itemId: string }[] }).items.map((i) => i.itemId)
    }
    expect(await found('mug')).toEqual(['MUG-1', 'MUG-2'])
    expect(await found('lamp')).toEqual(['LAMP'])
    // `%` is a character here, not LIKE's wildcard.
    expect(await found('0%')).toEqual(['LAMP'])
    expect(await found('_')).toEqual([])
  })
})
