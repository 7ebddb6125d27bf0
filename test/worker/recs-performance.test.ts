import { describe, expect, it } from 'vitest'
import type { SlotPerformance } from '../../shared/api-types.ts'
import { admin, createSite, eventId, publicPost, type TestSite } from './support/api.ts'
import { importText } from './support/recs.ts'

async function slots(site: TestSite): Promise<Record<string, SlotPerformance>> {
  const res = await admin(site, 'GET', '/recs/performance')
  expect(res.status).toBe(200)
  const body = (await res.json()) as { slots: SlotPerformance[] }
  return Object.fromEntries(body.slots.map((s) => [s.slot, s]))
}

async function send(site: TestSite, events: Record<string, unknown>[]) {
  const res = await publicPost(site, '/v1/events', {
    events: events.map((e) => ({ id: eventId(), ...e })),
  })
  expect(await res.json()).toMatchObject({ rejected: [] })
}

describe('GET /v1/admin/recs/performance', () => {
  it('counts impressions, clicks, and add-to-carts and revenue attributed to each slot', async () => {
    const site = await createSite()
    const similar = 'similar-0123456789abcdef0123'
    await send(site, [
      { type: 'custom', name: 'rec_impression', visitorId: 'a', recId: similar },
      { type: 'custom', name: 'rec_impression', visitorId: 'b', recId: similar },
      {
        type: 'custom',
        name: 'rec_impression',
        visitorId: 'c',
        recId: 'personal-00112233445566778899',
      },
      { type: 'click', visitorId: 'a', itemId: 'SKU-1', recId: similar },
    ])
    await send(site, [
      // Names its list.
      { type: 'add_to_cart', visitorId: 'b', itemId: 'SKU-2', recId: similar },
      // The click a minute ago, within the 30-minute window, takes it.
      { type: 'purchase', visitorId: 'a', revenue: 24.5 },
      // A visitor who clicked nothing buys on their own.
      { type: 'purchase', visitorId: 'c', revenue: 99 },
    ])
    const bySlot = await slots(site)
    expect(bySlot.similar).toEqual({
      slot: 'similar',
      impressions: 2,
      clicks: 1,
      ctr: 0.5,
      addToCarts: 1,
      revenue: 24.5,
    })
    expect(bySlot.personal).toMatchObject({ impressions: 1, clicks: 0, revenue: 0 })
  })

  it('attributes no purchase made more than 30 minutes after the click', async () => {
    const site = await createSite()
    const now = Date.now()
    const history = [
      {
        type: 'click',
        visitorId: 'late',
        itemId: 'SKU-1',
        recId: 'trending-aa',
        ts: now - 7_200_000,
      },
      { type: 'purchase', visitorId: 'late', revenue: 10, ts: now - 3_600_000 },
    ]
    const res = await importText(site, history.map((e) => JSON.stringify(e)).join('\n'), 'ndjson')
    expect(await res.json()).toMatchObject({ imported: 2 })
    expect((await slots(site)).trending).toMatchObject({ clicks: 1, revenue: 0 })
  })

  it('reports revenue in the major unit of the site’s currency', async () => {
    const site = await createSite({ currency: 'JPY' })
    const cart = 'cart-0123456789abcdef0123'
    await send(site, [
      { type: 'click', visitorId: 'a', itemId: 'SKU-1', recId: cart },
      { type: 'purchase', visitorId: 'a', recId: cart, revenue: 1500, currency: 'JPY' },
      { type: 'purchase', visitorId: 'a', recId: cart, revenue: 12 },
    ])
    expect((await slots(site)).cart).toMatchObject({ clicks: 1, revenue: 1512 })
  })
})
