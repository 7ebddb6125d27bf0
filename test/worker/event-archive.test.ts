import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { archivePrefix, archiveSiteEvents } from '../../worker/events/event-archive.ts'
import {
  admin,
  createSite,
  eventId,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'
import { importText } from './support/recs.ts'

const DAY = 86_400_000
/** A clock far enough ahead that every event stored now is past the default 90-day retention. */
const IN_120_DAYS = Date.now() + 120 * DAY

/** Every column of the site's events, in id order: what an exact round trip must give back. */
function storedEvents(site: TestSite) {
  return rows<Record<string, unknown>>(
    'SELECT * FROM events WHERE site_id = ? ORDER BY id',
    site.id,
  )
}

async function results(site: TestSite, key: string): Promise<unknown> {
  const res = await admin(site, 'GET', `/experiments/${key}/results`)
  expect(res.status).toBe(200)
  return res.json()
}

/**
 * An experiment with six visitors, three buying (one with an item list), and an arrival page view
 * with its referrer and UTM parameters, stored live.
 */
async function siteWithTraffic(key: string): Promise<TestSite> {
  const site = await createSite()
  await startExperiment(site, key)
  const events: unknown[] = []
  for (let i = 0; i < 6; i++) {
    const visitorId = `${key}-v${i}`
    events.push({ id: eventId(), type: 'exposure', visitorId, experiment: key })
    events.push({ id: eventId(), type: 'view', visitorId, itemId: `item-${i}` })
    if (i % 2 === 0) {
      events.push({
        id: eventId(),
        type: 'purchase',
        visitorId,
        revenue: 10 + i,
        items: [{ itemId: `item-${i}`, quantity: 1, price: 10 + i }],
        props: { coupon: i === 0 ? 'WELCOME' : null },
      })
    }
  }
  events.push({
    id: eventId(),
    type: 'page_view',
    visitorId: `${key}-v0`,
    path: '/summer-sale',
    title: 'Summer sale',
    pageKind: 'category',
    referrer: 'https://news.example/deals',
    utm: { source: 'newsletter', medium: 'email', campaign: 'summer' },
  })
  const res = await publicPost(site, '/v1/events', { events })
  expect(res.status).toBe(202)
  return site
}

/** The text of every archived object of a site, gunzipped. */
async function archivedObjects(site: TestSite): Promise<{ key: string; text: string }[]> {
  const listed = await env.ARCHIVE.list({ prefix: archivePrefix(site.id) })
  const objects = []
  for (const { key } of listed.objects) {
    const object = await env.ARCHIVE.get(key)
    if (!object) throw new Error(`${key} vanished`)
    const text = await new Response(object.body.pipeThrough(new DecompressionStream('gzip'))).text()
    objects.push({ key, text })
  }
  return objects
}

/** R2 as it is, except that its nth put fails the way a network error does. */
function failingNthPut(bucket: R2Bucket, n: number): R2Bucket {
  let puts = 0
  return new Proxy(bucket, {
    get(target, property) {
      if (property === 'put') {
        return (...args: Parameters<R2Bucket['put']>) => {
          puts++
          return puts === n ? Promise.reject(new Error('R2 unreachable')) : target.put(...args)
        }
      }
      const value: unknown = Reflect.get(target, property)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('event archive', () => {
  it('moves events past retention to R2, keeps results, and re-imports them exactly', async () => {
    const site = await siteWithTraffic('archive-round-trip')
    const before = await storedEvents(site)
    const resultsBefore = await results(site, 'archive-round-trip')
    expect(before).toHaveLength(16)
    expect(before).toContainEqual(
      expect.objectContaining({
        page_kind: 'category',
        utm: expect.stringContaining('newsletter'),
      }),
    )

    const db = database(env.DB)
    const report = await archiveSiteEvents(
      db,
      env.ARCHIVE,
      { id: site.id, eventRetentionDays: 90 },
      IN_120_DAYS,
      { chunkRows: 4 },
    )
    expect(report).toMatchObject({ archived: 16, done: true })
    expect(report.objects).toHaveLength(4)
    expect(report.objects[0]).toMatch(
      new RegExp(`^events/${site.id}/\\d{4}-\\d{2}-\\d{2}/[0-9a-f]{32}\\.ndjson\\.gz$`),
    )
    expect(await storedEvents(site)).toEqual([])
    expect(await results(site, 'archive-round-trip')).toEqual(resultsBefore)

    // A buyer who comes back after the archive keeps the conversion their archived events made.
    const back = await publicPost(site, '/v1/events', {
      events: [{ id: eventId(), type: 'view', visitorId: 'archive-round-trip-v0', itemId: 'x' }],
    })
    expect(back.status).toBe(202)
    expect(await results(site, 'archive-round-trip')).toEqual(resultsBefore)
    await env.DB.prepare('DELETE FROM events WHERE site_id = ?').bind(site.id).run()

    for (const { text } of await archivedObjects(site)) {
      const imported = await importText(site, text, 'archive')
      expect(imported.status).toBe(200)
      expect(await imported.json()).toMatchObject({ duplicates: 0, skipped: [] })
    }
    expect(await storedEvents(site)).toEqual(before)
    const [first] = await archivedObjects(site)
    const again = await importText(site, first?.text ?? '', 'archive')
    const lines = first?.text.trim().split('\n').length
    expect(await again.json()).toMatchObject({ imported: 0, duplicates: lines })
    // About 20 Worker requests and 4 R2 round trips: 2-3 s alone, more on a loaded 2-core machine.
  }, 15_000)

  it('keeps events inside the retention and archives by the site’s own setting', async () => {
    const site = await createSite()
    const lines = [100, 40, 10].map((daysAgo) =>
      JSON.stringify({
        id: `retention-${daysAgo}-days`,
        type: 'view',
        visitorId: 'c1',
        itemId: 'item-1',
        ts: Date.now() - daysAgo * DAY,
      }),
    )
    const imported = await importText(site, lines.join('\n'), 'ndjson')
    expect(await imported.json()).toMatchObject({ imported: 3 })
    const patched = await admin(site, 'PATCH', '/site', { eventRetentionDays: 30 })
    expect(await patched.json()).toMatchObject({ eventRetentionDays: 30 })
    const [setting] = await rows<{ days: number }>(
      'SELECT event_retention_days AS days FROM sites WHERE id = ?',
      site.id,
    )
    const db = database(env.DB)
    const report = await archiveSiteEvents(
      db,
      env.ARCHIVE,
      { id: site.id, eventRetentionDays: setting?.days ?? 0 },
      Date.now(),
    )
    expect(report).toMatchObject({ archived: 2, done: true })
    expect(await rows('SELECT id FROM events WHERE site_id = ?', site.id)).toEqual([
      { id: 'retention-10-days' },
    ])
  })

  it('deletes nothing that is not in R2 when a put fails, and the next run resumes', async () => {
    const site = await siteWithTraffic('archive-fault')
    const before = await storedEvents(site)
    const db = database(env.DB)
    const target = { id: site.id, eventRetentionDays: 90 }

    const failed = await archiveSiteEvents(db, failingNthPut(env.ARCHIVE, 2), target, IN_120_DAYS, {
      chunkRows: 4,
    })
    expect(failed).toMatchObject({ archived: 4, done: false })
    expect(failed.error).toMatch(/R2 unreachable/)
    const archivedIds = (await archivedObjects(site)).flatMap(({ text }) =>
      text
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    )
    const left = (await storedEvents(site)).map((e) => e.id)
    expect(left).toHaveLength(12)
    expect([...archivedIds, ...left].sort()).toEqual(before.map((e) => e.id))

    const resumed = await archiveSiteEvents(db, env.ARCHIVE, target, IN_120_DAYS, {
      chunkRows: 4,
    })
    expect(resumed).toMatchObject({ archived: 12, done: true })
    expect(resumed.error).toBeUndefined()
    const lines = (await archivedObjects(site)).flatMap(({ text }) => text.trim().split('\n'))
    expect(lines).toHaveLength(16)
    expect(await storedEvents(site)).toEqual([])
  })
})

describe('POST /v1/admin/import/events?format=archive', () => {
  it('skips lines that are not stored rows, and writes only into the importing site', async () => {
    const site = await createSite()
    const good = {
      id: 'evt-archived-1',
      type: 'exposure',
      visitorId: 'v1',
      clientTs: null,
      receivedAt: 1_700_000_000_000,
      at: 1_700_000_000_000,
      clockSkewed: 0,
      experiment: 'exp',
      phase: 1,
      variation: 1,
      itemId: null,
      items: null,
      revenueMinor: null,
      currency: null,
      orderId: null,
      name: null,
      recId: null,
      props: null,
    }
    const text = [
      JSON.stringify(good),
      '{not json',
      JSON.stringify({ ...good, id: 'evt-2', siteId: 'site_someone_else' }),
      JSON.stringify({ ...good, id: 'evt-3', type: 'drop_table' }),
      JSON.stringify({ ...good, id: 'evt-4', revenueMinor: -5 }),
      JSON.stringify({ ...good, id: 'evt-5', at: 'yesterday' }),
    ].join('\n')
    const res = await importText(site, text, 'archive')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      imported: 1,
      skipped: [
        { line: 2, reason: 'malformed_json' },
        { line: 3, reason: 'not_an_archived_event' },
        { line: 4, reason: 'not_an_archived_event' },
        { line: 5, reason: 'not_an_archived_event' },
        { line: 6, reason: 'not_an_archived_event' },
      ],
    })
    expect(await rows('SELECT site_id, id FROM events WHERE id LIKE ?', 'evt-%')).toEqual([
      { site_id: site.id, id: 'evt-archived-1' },
    ])
  })

  it('refuses a retention outside 30 to 3650 days and keeps the setting', async () => {
    const site = await createSite()
    for (const eventRetentionDays of [29, 3651, 90.5, '90', null]) {
      const res = await admin(site, 'PATCH', '/site', { eventRetentionDays })
      expect(res.status).toBe(400)
    }
    const res = await admin(site, 'GET', '/site')
    expect(await res.json()).toMatchObject({ eventRetentionDays: 90 })
  })
})
