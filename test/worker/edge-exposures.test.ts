// Exposure ids the edge derives: one per visitor, experiment and phase, and never shared by two
// visitors, or the second one's exposure and assignment would be dropped as a duplicate.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { exposureEvent, recordPageExposures } from '../../worker/edge/edge-exposures.ts'
import { assignVisitor } from '../../worker/experiments/assign-visitor.ts'
import { runningExperiments } from '../../worker/experiments/running-experiments.ts'
import { findSiteByPublicKey } from '../../worker/sites/site-store.ts'
import { admin, createSite, createSiteOnSecond, rows, startExperiment } from './support/api.ts'

/** Two visitor ids whose old ids (two FNV-1a hashes of one seed) collide in race1, phase 12. */
const COLLIDING = ['504f551faa26c2bb6e16105ba11b6aba', '1cf3319436666b7aa3dd3303f188dd7f']

describe('edge exposures', () => {
  it('keeps the exposure and assignment of both visitors of a pair the old id merged', async () => {
    const site = await createSite()
    await startExperiment(site, 'race1')
    // Each change of weights of a running experiment opens the next phase.
    for (let phase = 2; phase <= 12; phase++) {
      const control = phase % 2 === 0 ? 0.6 : 0.5
      const res = await admin(site, 'PATCH', '/experiments/race1', {
        variations: [
          { key: 'control', weight: control },
          { key: 'treatment', weight: 1 - control },
        ],
      })
      expect(res.status, await res.clone().text()).toBe(200)
    }
    const db = database(env.DB)
    const found = await findSiteByPublicKey(db, site.publicKey)
    if (!found) throw new Error('site not found')
    const running = await runningExperiments(db, site.id)
    expect(running.map((e) => [e.key, e.phase])).toEqual([['race1', 12]])

    for (const visitorId of COLLIDING)
      await recordPageExposures(db, found, visitorId, assignVisitor(running, visitorId))

    const kept = await rows<{ visitor_id: string; phase: number }>(
      `SELECT visitor_id, phase FROM assignments WHERE site_id = ? AND experiment_key = 'race1'
       ORDER BY visitor_id`,
      site.id,
    )
    expect(kept).toEqual([...COLLIDING].sort().map((visitor_id) => ({ visitor_id, phase: 12 })))
    const exposures = await rows<{ visitor_id: string }>(
      `SELECT visitor_id FROM events WHERE site_id = ? AND type = 'exposure'`,
      site.id,
    )
    expect(exposures).toHaveLength(2)
  })

  it('gives one id per visitor, experiment and phase, and a different one when any differs', async () => {
    const idOf = async (visitorId: string, experiment: string, phase: number) =>
      (await exposureEvent(visitorId, experiment, phase)).id
    const id = await idOf('v|1', 'exp', 3)
    expect(id).toMatch(/^edge_[0-9a-f]{48}$/)
    expect(await idOf('v|1', 'exp', 3)).toBe(id)
    // `|` is a legal visitor id character: the parts are joined so they cannot run together.
    const others = [idOf('v', '1|exp', 3), idOf('v|1', 'exp', 4), idOf('v|2', 'exp', 3)]
    expect(new Set([id, ...(await Promise.all(others))]).size).toBe(4)
  })

  it('keeps exposures D1 refused and writes them later to their own site database', async () => {
    const first = await createSite()
    const second = await createSiteOnSecond()
    await startExperiment(first, 'retry-first')
    await startExperiment(second, 'retry-second')
    const onFirst = database(env.DB)
    const onSecond = database(env.DB_2)
    const siteOf = async (db: typeof onFirst, publicKey: string) => {
      const found = await findSiteByPublicKey(db, publicKey)
      if (!found) throw new Error('site not found')
      return found
    }
    const firstSite = await siteOf(onFirst, first.publicKey)
    const secondSite = await siteOf(onSecond, second.publicKey)
    const exposures = async (db: D1Database, siteId: string) =>
      (
        await db
          .prepare(`SELECT visitor_id FROM events WHERE site_id = ? AND type = 'exposure'`)
          .bind(siteId)
          .all<{ visitor_id: string }>()
      ).results.map((r) => r.visitor_id)

    // The second database is down for this write: the table the exposure goes to is missing.
    await env.DB_2.exec('ALTER TABLE events RENAME TO events_offline')
    const served = Date.now()
    try {
      const running = await runningExperiments(onSecond, second.id)
      await recordPageExposures(onSecond, secondSite, 'waiting', assignVisitor(running, 'waiting'))
    } finally {
      await env.DB_2.exec('ALTER TABLE events_offline RENAME TO events')
    }
    expect(await exposures(env.DB_2, second.id)).toEqual([])

    // A later page view of another store, on the other database, retries the queued write.
    await new Promise((resolve) => setTimeout(resolve, 20))
    const retried = Date.now()
    const running = await runningExperiments(onFirst, first.id)
    await recordPageExposures(onFirst, firstSite, 'later', assignVisitor(running, 'later'))
    expect(await exposures(env.DB_2, second.id)).toEqual(['waiting'])
    // The exposure keeps the time its page was served, not the time of the write that stored it.
    const { at } = (await env.DB_2.prepare(
      `SELECT at FROM events WHERE site_id = ? AND type = 'exposure'`,
    )
      .bind(second.id)
      .first<{ at: number }>()) ?? { at: Number.NaN }
    expect(at).toBeGreaterThanOrEqual(served)
    expect(at).toBeLessThan(retried)
    expect(await exposures(env.DB, second.id)).toEqual([])
    expect(await exposures(env.DB, first.id)).toEqual(['later'])
    const assigned = await env.DB_2.prepare(
      `SELECT visitor_id FROM assignments WHERE site_id = ? AND experiment_key = 'retry-second'`,
    )
      .bind(second.id)
      .all<{ visitor_id: string }>()
    expect(assigned.results.map((r) => r.visitor_id)).toEqual(['waiting'])
  })

  it('writes a healthy database’s exposures while another database’s wait', async () => {
    const first = await createSite()
    const second = await createSiteOnSecond()
    await startExperiment(first, 'healthy-first')
    await startExperiment(second, 'down-second')
    const onFirst = database(env.DB)
    const onSecond = database(env.DB_2)
    const firstSite = await findSiteByPublicKey(onFirst, first.publicKey)
    const secondSite = await findSiteByPublicKey(onSecond, second.publicKey)
    if (!firstSite || !secondSite) throw new Error('site not found')
    const exposed = async (db: D1Database, siteId: string) =>
      (
        await db
          .prepare(`SELECT visitor_id FROM events WHERE site_id = ? AND type = 'exposure'`)
          .bind(siteId)
          .all<{ visitor_id: string }>()
      ).results.map((r) => r.visitor_id)
    const view = async (db: typeof onFirst, site: typeof firstSite, visitorId: string) =>
      recordPageExposures(
        db,
        site,
        visitorId,
        assignVisitor(await runningExperiments(db, site.id), visitorId),
      )

    await env.DB_2.exec('ALTER TABLE events RENAME TO events_offline')
    try {
      await view(onSecond, secondSite, 'held')
      // The second database is still down: its batch fails again, the first's is written.
      await view(onFirst, firstSite, 'meanwhile')
      expect(await exposed(env.DB, first.id)).toEqual(['meanwhile'])
    } finally {
      await env.DB_2.exec('ALTER TABLE events_offline RENAME TO events')
    }
    expect(await exposed(env.DB_2, second.id)).toEqual([])
    await view(onFirst, firstSite, 'after')
    expect(await exposed(env.DB_2, second.id)).toEqual(['held'])
    expect((await exposed(env.DB, first.id)).sort()).toEqual(['after', 'meanwhile'])
  })

  it('writes the exposures of pages served together in one D1 batch per site', async () => {
    const first = await createSite()
    const second = await createSiteOnSecond()
    await startExperiment(first, 'gathered-first')
    await startExperiment(second, 'gathered-second')
    const onFirstCounted = countingBatches(env.DB)
    const onSecondCounted = countingBatches(env.DB_2)
    const onFirst = database(onFirstCounted.d1)
    const onSecond = database(onSecondCounted.d1)
    const firstSite = await findSiteByPublicKey(onFirst, first.publicKey)
    const secondSite = await findSiteByPublicKey(onSecond, second.publicKey)
    if (!firstSite || !secondSite) throw new Error('site not found')
    const [runningFirst, runningSecond] = await Promise.all([
      runningExperiments(onFirst, first.id),
      runningExperiments(onSecond, second.id),
    ])
    const visitors = Array.from({ length: 12 }, (_, i) => `together-${i}`)

    await Promise.all(
      visitors.flatMap((v) => [
        recordPageExposures(onFirst, firstSite, v, assignVisitor(runningFirst, v)),
        recordPageExposures(onSecond, secondSite, v, assignVisitor(runningSecond, v)),
      ]),
    )
    // The first page's write waits for the others: every exposure is stored once it resolves.
    const stored = async (d1: D1Database, siteId: string) =>
      (
        await d1
          .prepare(`SELECT visitor_id FROM assignments WHERE site_id = ? ORDER BY visitor_id`)
          .bind(siteId)
          .all<{ visitor_id: string }>()
      ).results.map((r) => r.visitor_id)
    expect(await stored(env.DB, first.id)).toEqual([...visitors].sort())
    expect(await stored(env.DB_2, second.id)).toEqual([...visitors].sort())
    expect(onFirstCounted.batches()).toBe(1)
    expect(onSecondCounted.batches()).toBe(1)
  })

  it('has the page that fills a gathering write it, and the next pages start another', async () => {
    const site = await createSite()
    await startExperiment(site, 'gathered-full')
    const counted = countingBatches(env.DB)
    const db = database(counted.d1)
    const found = await findSiteByPublicKey(db, site.publicKey)
    if (!found) throw new Error('site not found')
    const running = await runningExperiments(db, site.id)
    // One experiment: one exposure a page, so the hundredth page fills the first gathering.
    const visitors = Array.from({ length: 150 }, (_, i) => `full-${String(i).padStart(3, '0')}`)

    await Promise.all(
      visitors.map((v) => recordPageExposures(db, found, v, assignVisitor(running, v))),
    )
    const stored = await rows<{ visitor_id: string }>(
      `SELECT visitor_id FROM assignments WHERE site_id = ? ORDER BY visitor_id`,
      site.id,
    )
    expect(stored.map((r) => r.visitor_id)).toEqual(visitors)
    expect(counted.batches()).toBe(2)
  })
})

/** The real database, with the D1 batches sent through it counted. */
function countingBatches(real: D1Database): { d1: D1Database; batches(): number } {
  let sent = 0
  const d1 = new Proxy(real, {
    get(target, name) {
      if (name === 'batch')
        return (statements: D1PreparedStatement[]) => {
          sent++
          return target.batch(statements)
        }
      const value = Reflect.get(target, name) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { d1, batches: () => sent }
}
