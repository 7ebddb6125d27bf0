// Trending is what every new visitor sees first, and anyone with the public key can send events:
// one planted view must not be able to set it, with a model or before one.
import { describe, expect, it } from 'vitest'
import { admin, call, createSite, eventId, publicPost, type TestSite } from './support/api.ts'
import { GARDEN, KITCHEN, catalogItem, historyNdjson, importText, train } from './support/recs.ts'

type Recs = { source: string; items: { itemId: string; image: string | null; score: number }[] }

async function recs(site: TestSite, query: string): Promise<Recs> {
  const res = await call(`/v1/recs?site=${site.publicKey}&${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Recs
}

/** A view of a new item with a phishing title, link and image, as the attacker sent. */
function plantedView(visitorId: string) {
  return {
    id: eventId(),
    type: 'view',
    visitorId,
    itemId: 'PHISH',
    product: {
      title: 'You won a voucher',
      url: 'https://evil.example/win',
      image: 'https://evil.example/pixel.png?track=1',
    },
  }
}

async function uploadCatalog(site: TestSite, ids: string[]) {
  const res = await admin(site, 'PUT', '/catalog', { items: ids.map((id) => catalogItem(id)) })
  expect(res.status).toBe(200)
}

describe('trending and the public key', () => {
  it('keeps one fresh planted view out of trending and new visitors’ lists after imported history', async () => {
    const site = await createSite()
    await uploadCatalog(site, [...GARDEN, ...KITCHEN])
    // History imported long after it happened: nothing of it is in the last 30 days.
    expect((await importText(site, historyNdjson(400), 'ndjson')).status).toBe(200)
    expect(
      (await publicPost(site, '/v1/events', { events: [plantedView('attacker')] })).status,
    ).toBe(202)
    expect((await train(site)).status).toBe(200)

    const trending = await recs(site, 'slot=trending&n=5')
    expect(trending.source).toBe('trending')
    expect(trending.items).toHaveLength(5)
    for (const item of trending.items) expect([...GARDEN, ...KITCHEN]).toContain(item.itemId)
    const personal = await recs(site, 'slot=personal&visitorId=first-time-visitor&n=5')
    expect(personal.items.map((i) => i.itemId)).not.toContain('PHISH')
  })

  it('before any model, lists items by distinct visitors, each at least three, and admin-made entries first', async () => {
    const site = await createSite()
    await uploadCatalog(site, ['A', 'B'])
    const views = [
      ...['v1', 'v2', 'v3'].map((v) => ({
        id: eventId(),
        type: 'view',
        visitorId: v,
        itemId: 'A',
      })),
      // Ten views of one visitor are one visitor.
      ...Array.from({ length: 10 }, () => ({
        id: eventId(),
        type: 'view',
        visitorId: 'keen',
        itemId: 'B',
      })),
      // Three made-up visitors of a view-learned item count as less than one.
      ...['x1', 'x2', 'x3'].map(plantedView),
    ]
    expect((await publicPost(site, '/v1/events', { events: views })).status).toBe(202)
    const list = await recs(site, 'slot=trending&n=3')
    expect(list.items.map((i) => [i.itemId, i.score])).toEqual([
      ['A', 3],
      ['B', 0],
      ['PHISH', 0],
    ])
  })
})
