// POST /v1/admin/intent/train and /learn: the crons' work for one site, on its stored events,
// through the Worker's own routes and D1.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { MIN_SITE_PURCHASES } from '../../worker/intent/train-site-intent.ts'
import { admin, createSite, rows, type TestSite } from './support/api.ts'
import { storedEventRow } from './support/intent.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

type Status = { model: string; version: string | null; onlineUpdates: number }
type TrainAnswer = {
  training: {
    trained: boolean
    version?: string
    reason?: string
    sessions: number
    purchases: number
    pages: number
  }
  status: Status
}
type LearnAnswer = {
  learning: { learnt: number; skipped: number; remaining: number; reason?: string }
  status: Status
}

/**
 * Stores `count` visitors' sessions that ended `endedAgo` ms ago: home, a product page, and for
 * every `buyEvery`-th visitor the cart and a purchase.
 */
async function storeSessions(
  site: TestSite,
  prefix: string,
  count: number,
  endedAgo: number,
  buyEvery: number,
) {
  const now = Date.now()
  const statements = []
  for (let i = 0; i < count; i++) {
    const visitor = `${prefix}-${i}`
    const end = now - endedAgo - i * MINUTE
    const view = (at: number, path: string, pageKind: string) =>
      storedEventRow(site.id, visitor, at, 'page_view', { path, pageKind })
    statements.push(
      view(end - 3 * MINUTE, '/', 'home'),
      view(end - 2 * MINUTE, `/p/${i % 7}`, 'product'),
    )
    if (i % buyEvery === 0)
      statements.push(
        view(end - MINUTE, '/cart', 'cart'),
        storedEventRow(site.id, visitor, end, 'purchase', { revenueMinor: 5000, currency: 'USD' }),
      )
  }
  await env.DB.batch(statements)
}

describe('POST /v1/admin/intent/train and /learn', () => {
  it('trains a site model on the stored sessions, then learns from the ones that end later, once', async () => {
    const site = await createSite()
    await storeSessions(site, 'old', 240, 3 * DAY, 4)
    const trained = await admin(site, 'POST', '/intent/train')
    expect(trained.status).toBe(200)
    const t = (await trained.json()) as TrainAnswer
    expect(t.training).toMatchObject({ trained: true, sessions: 240, purchases: 60 })
    // The pages' statistics come first: home, seven product pages, the cart, all pages.
    expect(t.training.pages).toBeGreaterThanOrEqual(9)
    expect(t.status).toMatchObject({ model: 'site', version: t.training.version, onlineUpdates: 0 })
    expect(await rows('SELECT 1 FROM page_stats WHERE site_id = ?', site.id)).not.toHaveLength(0)

    // Sessions that ended two hours ago, after that training; the old ones are past the
    // learning's look-back.
    await storeSessions(site, 'new', 20, 2 * 60 * MINUTE, 5)
    const learnt = await admin(site, 'POST', '/intent/learn')
    expect(learnt.status).toBe(200)
    const l = (await learnt.json()) as LearnAnswer
    expect(l.learning).toEqual({ learnt: 20, skipped: 0, remaining: 0 })
    expect(l.status).toMatchObject({ model: 'site', onlineUpdates: 20 })
    const outcomes = await rows<{ model: string; bought: number }>(
      'SELECT model, bought FROM intent_outcomes WHERE site_id = ?',
      site.id,
    )
    expect(outcomes).toHaveLength(20)
    expect(outcomes.filter((o) => o.bought === 1)).toHaveLength(4)
    expect(new Set(outcomes.map((o) => o.model))).toEqual(new Set(['site']))
    const again = (await (await admin(site, 'POST', '/intent/learn')).json()) as LearnAnswer
    expect(again.learning).toEqual({ learnt: 0, skipped: 0, remaining: 0 })
    expect(again.status.onlineUpdates).toBe(20)
  })

  it('keeps the starter model below the purchases a site model needs, and says why', async () => {
    const site = await createSite()
    await storeSessions(site, 'few', 2 * (MIN_SITE_PURCHASES - 1), 3 * DAY, 2)
    const res = await admin(site, 'POST', '/intent/train')
    expect(res.status).toBe(200)
    const body = (await res.json()) as TrainAnswer
    expect(body.training).toMatchObject({ trained: false, purchases: MIN_SITE_PURCHASES - 1 })
    expect(body.training.reason).toContain(`of the ${MIN_SITE_PURCHASES} purchases`)
    expect(body.status.model).toBe('starter')
    expect(await rows('SELECT 1 FROM intent_models WHERE site_id = ?', site.id)).toHaveLength(0)
  })

  it('refuses a viewer key, and another site’s key trains only that site', async () => {
    const site = await createSite()
    const other = await createSite()
    await storeSessions(site, 'v', 240, 3 * DAY, 4)
    const viewer = (await (
      await admin(site, 'POST', '/keys', { name: 'Reader', role: 'viewer' })
    ).json()) as { adminKey: string }
    for (const path of ['/intent/train', '/intent/learn']) {
      const refused = await admin({ ...site, adminKey: viewer.adminKey }, 'POST', path)
      expect(refused.status).toBe(403)
      expect(await refused.json()).toMatchObject({ error: { code: expect.any(String) } })
    }
    // The other site's key trains the other site, which has no sessions.
    const theirs = (await (await admin(other, 'POST', '/intent/train')).json()) as TrainAnswer
    expect(theirs.training).toMatchObject({ trained: false, sessions: 0, purchases: 0 })
    expect(await rows('SELECT 1 FROM intent_models WHERE site_id = ?', site.id)).toHaveLength(0)
    expect(await rows('SELECT 1 FROM intent_outcomes WHERE site_id = ?', site.id)).toHaveLength(0)
  })
})
