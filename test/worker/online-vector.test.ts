import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import { database } from '../../worker/db/database.ts'
import { activeModel } from '../../worker/recs/serve/model-cache.ts'
import {
  MAX_FOLDED,
  onlineVector,
  recentInteractions,
  type RecentEvent,
} from '../../worker/recs/serve/online-vector.ts'
import { call, eventId, publicPost, rows, type TestSite } from './support/api.ts'
import { GARDEN, importText, KITCHEN, trainedStore, visitorIdOf } from './support/recs.ts'

const db = database(env.DB)

/** The visitor's vector as `GET /v1/recs` computes it. */
async function vectorOf(site: TestSite, visitorId: string) {
  const model = await activeModel(db, site.id)
  if (!model) throw new Error('no model')
  const [trained] = await rows<{ vector: string; version: string }>(
    'SELECT vector, version FROM visitor_vectors WHERE site_id = ? AND visitor_id = ?',
    site.id,
    visitorId,
  )
  const recent = await db.all<RecentEvent>(recentInteractions(site.id, visitorId, model.trainedAt))
  return { ...onlineVector(model, trained, recent, {}), trained: trained !== undefined }
}

function view(visitorId: string, itemId: string) {
  return { id: eventId(), type: 'view', visitorId, itemId }
}

type Recs = { source: string; fallback?: string; items: { itemId: string; score: number }[] }

async function personal(site: TestSite, visitorId: string) {
  const res = await call(`/v1/recs?site=${site.publicKey}&slot=personal&visitorId=${visitorId}&n=3`)
  expect(res.status).toBe(200)
  return (await res.json()) as Recs
}

describe('online refinement at read time', () => {
  it('folds in every event once, however concurrent requests land, and ignores replays', async () => {
    const site = await trainedStore()
    const views = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'K1', 'K2'].map((item) => view('busy', item))
    await Promise.all(views.map((e) => publicPost(site, '/v1/events', { events: [e] })))
    expect((await vectorOf(site, 'busy')).folded).toBe(8)
    const before = await vectorOf(site, 'busy')
    // Replayed, all at once and again one by one: nothing new is stored, nothing is folded twice.
    await publicPost(site, '/v1/events', { events: views })
    await Promise.all(views.map((e) => publicPost(site, '/v1/events', { events: [e] })))
    const after = await vectorOf(site, 'busy')
    expect(after.folded).toBe(8)
    expect(after.vector).toEqual(before.vector)
  })

  it('folds a new id sent twice in one batch once, and a purchase of several items per item', async () => {
    const site = await trainedStore()
    const twice = view('mixed', 'K4')
    await publicPost(site, '/v1/events', { events: [twice, { ...twice, itemId: 'K5' }] })
    const purchase = {
      id: eventId(),
      type: 'purchase',
      visitorId: 'mixed',
      items: [
        { itemId: 'K1', quantity: 1, price: 10 },
        { itemId: 'K2', quantity: 2, price: 10 },
      ],
      revenue: 30,
    }
    const res = await publicPost(site, '/v1/events', { events: [purchase] })
    expect(res.status, await res.clone().text()).toBe(202)
    expect((await vectorOf(site, 'mixed')).folded).toBe(3)
  })

  it('writes nothing at ingestion: learning reads the stored events', async () => {
    const site = await trainedStore()
    await publicPost(site, '/v1/events', { events: [view('quiet', 'K1'), view('quiet', 'K2')] })
    const vectors = await rows(
      'SELECT 1 FROM visitor_vectors WHERE site_id = ? AND visitor_id = ?',
      site.id,
      'quiet',
    )
    expect(vectors).toHaveLength(0)
    expect((await personal(site, 'quiet')).source).toBe('online')
  })

  it('starts a trained visitor from their trained vector and folds only what came after', async () => {
    const site = await trainedStore()
    const buyer = await visitorIdOf(site, 'g-buyer-1')
    const untouched = await vectorOf(site, buyer)
    expect(untouched).toMatchObject({ folded: 0, trained: true })
    const trainedList = await personal(site, buyer)
    expect(trainedList.source).toBe('svd')
    await publicPost(site, '/v1/events', {
      events: ['K1', 'K2', 'K3', 'K4'].map((i) => view(buyer, i)),
    })
    const moved = await vectorOf(site, buyer)
    expect(moved.folded).toBe(4)
    expect(moved.vector).not.toEqual(untouched.vector)
    const served = await personal(site, buyer)
    expect(served.source).toBe('online')
    // Four kitchen views pull the list toward the kitchen, away from the trained garden taste.
    const best = (list: Recs, taste: string[]) =>
      Math.max(
        ...list.items.filter((item) => taste.includes(item.itemId)).map((item) => item.score),
      )
    expect(best(served, KITCHEN)).toBeGreaterThan(best(trainedList, KITCHEN) + 1)
    expect(best(served, GARDEN)).toBeLessThan(best(trainedList, GARDEN) - 1)
  })

  it('keeps each visitor’s vector of the active model until a new model switches in', async () => {
    const site = await trainedStore()
    const buyer = await visitorIdOf(site, 'g-buyer-1')
    const versionOf = async () =>
      (
        await rows<{ version: string }>(
          'SELECT version FROM visitor_vectors WHERE site_id = ? AND visitor_id = ?',
          site.id,
          buyer,
        )
      )[0]?.version
    const active = await versionOf()
    const { loadInteractionColumns } = await import('../../worker/recs/train/interaction-store.ts')
    const { trainModel } = await import('../../worker/recs/train/train.ts')
    const { saveModel } = await import('../../worker/recs/train/model-store.ts')
    const next = trainModel(await loadInteractionColumns(db, site.id), {
      rank: 4,
      now: Date.now() + 1,
    })
    const whileStoring: Promise<string | undefined>[] = []
    await saveModel(db, site.id, next, () => whileStoring.push(versionOf()))
    expect(whileStoring.length).toBeGreaterThan(0)
    for (const seen of await Promise.all(whileStoring)) expect(seen).toBe(active)
    expect(await versionOf()).toBe(next.version)
  })

  it(`reads at most the ${MAX_FOLDED} newest interactions`, async () => {
    const site = await trainedStore()
    const many = Array.from({ length: MAX_FOLDED + 20 }, (_, i) => ({
      ...view('avid', KITCHEN[i % KITCHEN.length] ?? 'K1'),
      ts: Date.now() - (MAX_FOLDED + 20 - i) * 1000,
    }))
    for (let i = 0; i < many.length; i += 35) {
      await publicPost(site, '/v1/events', { events: many.slice(i, i + 35) })
    }
    expect((await vectorOf(site, 'avid')).folded).toBe(MAX_FOLDED)
  })

  it('leaves history imported after training, with past dates, to the next training', async () => {
    const site = await trainedStore()
    const day = 86_400_000
    const history = ['K1', 'K2']
      .map((itemId, i) =>
        JSON.stringify({
          type: 'view',
          visitorId: 'backfilled',
          itemId,
          ts: Date.now() - (i + 2) * day,
        }),
      )
      .join('\n')
    expect((await importText(site, history, 'ndjson')).status).toBe(200)
    expect((await vectorOf(site, 'backfilled')).folded).toBe(0)
    await publicPost(site, '/v1/events', { events: [view('backfilled', 'K3')] })
    expect((await vectorOf(site, 'backfilled')).folded).toBe(1)
  })

  it('reads a range of the visitor index, not the visitor’s whole history', async () => {
    const query = recentInteractions('site_x', 'someone', Date.now())
    const compiled = new SQLiteAsyncDialect().sqlToQuery(query)
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`)
      .bind(...compiled.params)
      .all<{ detail: string }>()
    const details = plan.results.map((r) => r.detail).join('\n')
    expect(details).toMatch(
      /events USING INDEX events_visitor \(site_id=\? AND visitor_id=\? AND type=\? AND at>\?\)/,
    )
  })

  it('forgets everything learned about a forgotten visitor, and learns nothing after', async () => {
    const site = await trainedStore()
    const buyer = await visitorIdOf(site, 'k-buyer-1')
    const list = () =>
      rows(
        'SELECT 1 FROM rec_lists WHERE site_id = ? AND kind = ? AND subject = ?',
        site.id,
        'personal',
        buyer,
      )
    expect(await list()).toHaveLength(1)
    await publicPost(site, '/v1/events', { events: [view(buyer, 'K1')] })
    const forget = await call(`/v1/visitors/${buyer}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(forget.status).toBe(200)
    expect(await list()).toHaveLength(0)
    await publicPost(site, '/v1/events', { events: [view(buyer, 'K2')] })
    expect(await vectorOf(site, buyer)).toMatchObject({ folded: 0, trained: false })
    expect(await personal(site, buyer)).toMatchObject({ fallback: 'visitor_unknown' })
  })
})

describe('item scales (exposure compensation) at serving', () => {
  it('are stored with the model, and an online list ranks by dot product times scale', async () => {
    const site = await trainedStore()
    const model = await activeModel(db, site.id)
    if (!model) throw new Error('no model')
    expect(model.itemScales).toHaveLength(model.items.length)
    expect(model.itemScales.every((s) => Number.isFinite(s) && s >= 1)).toBe(true)
    await publicPost(site, '/v1/events', {
      events: ['K1', 'K2'].map((i) => view('new-shopper', i)),
    })
    const { vector } = await vectorOf(site, 'new-shopper')
    const served = await personal(site, 'new-shopper')
    expect(served.source).toBe('online')
    for (const item of served.items) {
      const c = model.itemIndex.get(item.itemId) ?? -1
      let dot = 0
      for (let k = 0; k < model.rank; k++) dot += vector[k]! * model.factors[c * model.rank + k]!
      expect(item.score).toBeCloseTo(dot * model.itemScales[c]!, 5)
    }
  })

  it('are all 1 for a model stored before they existed', async () => {
    const site = await trainedStore()
    await env.DB.prepare('UPDATE rec_factor_chunks SET item_scales = NULL WHERE site_id = ?')
      .bind(site.id)
      .run()
    const model = await activeModel(db, site.id)
    expect(model?.itemScales.length).toBe(model?.items.length)
    expect(model?.itemScales.every((s) => s === 1)).toBe(true)
    await publicPost(site, '/v1/events', { events: [view('old-model-shopper', 'G1')] })
    expect((await personal(site, 'old-model-shopper')).source).toBe('online')
  })
})
