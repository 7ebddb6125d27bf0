import { describe, expect, it } from 'vitest'
import { admin, createSite, eventId, publicPost, rows, type TestSite } from './support/api.ts'
import { seedStore, train } from './support/recs.ts'

async function status(
  site: TestSite,
): Promise<{ modelVersion: string | null; lastError: string | null }> {
  const res = await admin(site, 'GET', '/recs/status')
  expect(res.status).toBe(200)
  return (await res.json()) as { modelVersion: string | null; lastError: string | null }
}

async function modules() {
  const { env } = await import('cloudflare:workers')
  const { database } = await import('../../worker/db/database.ts')
  const { trainSite } = await import('../../worker/recs/train/train-site.ts')
  const { trainChangedSites } = await import('../../worker/recs/train/scheduled-training.ts')
  return { db: database(env.DB), trainSite, trainChangedSites }
}

describe('a training run that dies half-way', () => {
  it('never activates its half-written model: the active one, its lists and vectors stay, and the next run switches cleanly', async () => {
    const site = await createSite()
    await seedStore(site)
    expect((await train(site)).status).toBe(200)
    const before = await status(site)
    const vectorsBefore = await rows(
      'SELECT visitor_id, version, vector FROM visitor_vectors WHERE site_id = ? ORDER BY visitor_id',
      site.id,
    )
    expect(vectorsBefore.length).toBeGreaterThan(0)
    const view = { id: eventId(), type: 'view', visitorId: 'g-buyer-1', itemId: 'G1' }
    expect((await publicPost(site, '/v1/events', { events: [view] })).status).toBe(202)

    const { db, trainSite } = await modules()
    // Dies once everything but the switch is written: the last moment a half model could leak.
    const dying = trainSite(db, site.id, {
      now: Date.now() + 1000,
      onStore: (done, total) => {
        if (done === total) throw new Error('isolate stopped')
      },
    })
    await expect(dying).rejects.toThrow('isolate stopped')

    const after = await status(site)
    expect(after.modelVersion).toBe(before.modelVersion)
    expect(after.lastError).toMatch(/isolate stopped/)
    expect(
      await rows(
        'SELECT visitor_id, version, vector FROM visitor_vectors WHERE site_id = ? ORDER BY visitor_id',
        site.id,
      ),
    ).toEqual(vectorsBefore)
    const staged = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM rec_lists WHERE site_id = ? AND version <> ?',
      site.id,
      before.modelVersion,
    )
    expect(staged[0]?.n).toBeGreaterThan(0)

    // The claim is released, so the next run trains, switches and leaves one version behind.
    const next = await trainSite(db, site.id, { now: Date.now() + 2000 })
    expect(next.trained).toBe(true)
    const versions = await rows<{ version: string }>(
      `SELECT DISTINCT version FROM rec_lists WHERE site_id = ?
       UNION SELECT DISTINCT version FROM visitor_vectors WHERE site_id = ?`,
      site.id,
      site.id,
    )
    expect(versions).toEqual([{ version: next.trained ? next.version : '' }])
    expect(
      await rows("SELECT 1 FROM rec_lists WHERE site_id = ? AND kind = 'vector'", site.id),
    ).toEqual([])
    expect((await status(site)).lastError).toBeNull()
  })
})

describe('a site that is not retrained', () => {
  it('says why in its status when it is above the in-Worker limit', async () => {
    const site = await createSite()
    await seedStore(site)
    const { db, trainChangedSites } = await modules()
    const report = await trainChangedSites(db, 10, { budgetMs: Number.POSITIVE_INFINITY })
    expect(report.find((r) => r.siteId === site.id)?.outcome).toMatch(/too large/)
    expect((await status(site)).lastError).toMatch(
      /^Not retrained: too large to train inside the Worker \(\d+ interaction events; the limit here is 10, RECS_WORKER_MAX_INTERACTIONS.*npm run train/,
    )
  })

  it('says why in its status when the cron spent its time budget on staler sites', async () => {
    const first = await createSite()
    const second = await createSite()
    for (const site of [first, second]) await seedStore(site)
    const { db, trainChangedSites } = await modules()
    let t = 0
    const report = await trainChangedSites(db, Number.POSITIVE_INFINITY, {
      budgetMs: 0,
      now: () => (t += 1),
    })
    const deferred = report.filter((r) => /^deferred/.test(r.outcome)).map((r) => r.siteId)
    expect(deferred.length).toBeGreaterThan(0)
    const site = [first, second].find((s) => deferred.includes(s.id))
    if (!site) return expect.fail('one of the two new sites is deferred')
    expect((await status(site)).lastError).toMatch(
      /^Not retrained in this run: its time budget \(0 min of the cron's CPU\) went to sites with staler models/,
    )
  })
})
