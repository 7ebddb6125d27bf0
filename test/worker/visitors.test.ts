import { describe, expect, it } from 'vitest'
import { call, createSite, errorOf, eventId, publicPost, rows } from './support/api.ts'
import { seedStore, visitorIdOf } from './support/recs.ts'
import { seedVisitor, visitorRowCounts } from './support/visitors.ts'

const RANDOM_ID = '0123456789abcdef0123456789abcdef'

describe('DELETE /v1/visitors/{visitorId}', () => {
  it('forgets an edgelift visitor with the public key: every row goes', async () => {
    const site = await createSite()
    await seedVisitor(site, RANDOM_ID)
    await seedVisitor(site, 'someone-else')
    const res = await call(`/v1/visitors/${RANDOM_ID}?site=${site.publicKey}`, { method: 'DELETE' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      visitorId: RANDOM_ID,
      deleted: { events: 3, assignments: 1 },
    })
    expect(await visitorRowCounts(site, RANDOM_ID)).toEqual({ events: 0, assignments: 0 })
    expect(await visitorRowCounts(site, 'someone-else')).toEqual({ events: 3, assignments: 1 })
  })

  it('drops late events for a forgotten visitor', async () => {
    const site = await createSite()
    await call(`/v1/visitors/${RANDOM_ID}?site=${site.publicKey}`, { method: 'DELETE' })
    const res = await publicPost(site, '/v1/events', {
      events: [
        { id: eventId(), type: 'view', visitorId: RANDOM_ID },
        { id: eventId(), type: 'view', visitorId: 'other' },
      ],
    })
    expect(await res.json()).toMatchObject({
      accepted: 1,
      rejected: [{ index: 0, code: 'visitor_forgotten' }],
    })
    expect(await visitorRowCounts(site, RANDOM_ID)).toEqual({ events: 0, assignments: 0 })
  })

  it('keeps no copy of the forgotten id, only its hash', async () => {
    const site = await createSite()
    await call(`/v1/visitors/${RANDOM_ID}?site=${site.publicKey}`, { method: 'DELETE' })
    const stored = await rows<{ visitor_hash: string }>(
      'SELECT visitor_hash FROM forgotten_visitors WHERE site_id = ?',
      site.id,
    )
    expect(stored).toHaveLength(1)
    expect(stored[0]?.visitor_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it("needs the admin key for a merchant's own user id", async () => {
    const site = await createSite()
    await seedVisitor(site, 'c13313')
    const withPublic = await call(`/v1/visitors/c13313?site=${site.publicKey}`, {
      method: 'DELETE',
    })
    expect(withPublic.status).toBe(403)
    expect((await errorOf(withPublic)).code).toBe('admin_key_required')
    expect(await visitorRowCounts(site, 'c13313')).toEqual({ events: 3, assignments: 1 })
    const withAdmin = await call('/v1/visitors/c13313', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(withAdmin.status).toBe(200)
    expect(await visitorRowCounts(site, 'c13313')).toEqual({ events: 0, assignments: 0 })
  })

  it("cannot touch another site's visitor", async () => {
    const a = await createSite()
    const b = await createSite()
    await seedVisitor(b, 'shared-id')
    await call('/v1/visitors/shared-id', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${a.adminKey}` },
    })
    expect(await visitorRowCounts(b, 'shared-id')).toEqual({ events: 3, assignments: 1 })
  })

  it('refuses an invalid visitor id, a missing key and an unknown admin key', async () => {
    const site = await createSite()
    // A visitor a refused request could wrongly forget.
    await seedVisitor(site, RANDOM_ID)
    const bad = await call(`/v1/visitors/${encodeURIComponent('a b')}?site=${site.publicKey}`, {
      method: 'DELETE',
    })
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).code).toBe('invalid_visitor_id')
    const long = await call(`/v1/visitors/${'x'.repeat(129)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(long.status).toBe(400)
    expect((await errorOf(long)).code).toBe('invalid_visitor_id')
    const missing = await call(`/v1/visitors/${RANDOM_ID}`, { method: 'DELETE' })
    expect(missing.status).toBe(401)
    expect((await errorOf(missing)).code).toBe('missing_key')
    const wrong = await call(`/v1/visitors/${RANDOM_ID}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer sk_wrong' },
    })
    expect(wrong.status).toBe(401)
    expect((await errorOf(wrong)).code).toBe('unknown_key')
    expect(await visitorRowCounts(site, RANDOM_ID)).toEqual({ events: 3, assignments: 1 })
    expect(await rows('SELECT 1 FROM forgotten_visitors WHERE site_id = ?', site.id)).toEqual([])
  })

  it('forgets a visitor whom a training run loaded before they were forgotten', async () => {
    const site = await createSite()
    await seedStore(site)
    const { env } = await import('cloudflare:workers')
    const { database } = await import('../../worker/db/database.ts')
    const { loadInteractionColumns } = await import('../../worker/recs/train/interaction-store.ts')
    const { trainModel } = await import('../../worker/recs/train/train.ts')
    const { saveModel } = await import('../../worker/recs/train/model-store.ts')
    const db = database(env.DB)
    const model = trainModel(await loadInteractionColumns(db, site.id), { rank: 4 })
    const [buyer3, buyer4] = [
      await visitorIdOf(site, 'g-buyer-3'),
      await visitorIdOf(site, 'g-buyer-4'),
    ]
    const forgotten = await call(`/v1/visitors/${buyer3}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(forgotten.status).toBe(200)
    await saveModel(db, site.id, model)
    const learned = (visitorId: string) =>
      rows<{ n: number }>(
        `SELECT (SELECT count(*) FROM visitor_vectors WHERE site_id = ?1 AND visitor_id = ?2)
          + (SELECT count(*) FROM rec_lists WHERE site_id = ?1 AND kind = 'personal' AND subject = ?2)
          AS n`,
        site.id,
        visitorId,
      )
    expect(await learned(buyer3)).toEqual([{ n: 0 }])
    expect(await learned(buyer4)).toEqual([{ n: 2 }])
  })
})
