import { describe, expect, it } from 'vitest'
import {
  call,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  rows,
  type TestSite,
} from './support/api.ts'
import { seedVisitor, visitorRowCounts } from './support/visitors.ts'

const RANDOM_ID = 'fedcba9876543210fedcba9876543210'

/** Every row the site holds about the visitor, and whether it was marked forgotten. */
async function rowsAbout(site: TestSite, visitorId: string) {
  const [forgotten] = await rows<{ n: number }>(
    'SELECT count(*) AS n FROM forgotten_visitors WHERE site_id = ?',
    site.id,
  )
  return { ...(await visitorRowCounts(site, visitorId)), forgotten: forgotten?.n }
}

const untouched = { events: 3, assignments: 1, forgotten: 0 }

function remove(visitorId: string, query = '', headers: Record<string, string> = {}) {
  return call(`/v1/visitors/${visitorId}${query}`, { method: 'DELETE', headers })
}

describe('DELETE /v1/visitors/{visitorId}', () => {
  it('answers 401 missing_key without any key', async () => {
    await expectRefused(await remove(RANDOM_ID), 401, 'missing_key')
  })

  it('answers 401 unknown_key for a public or an admin key of no site', async () => {
    await expectRefused(await remove(RANDOM_ID, '?site=pk_nope'), 401, 'unknown_key')
    const res = await remove(RANDOM_ID, '', { authorization: 'Bearer sk_nope' })
    await expectRefused(res, 401, 'unknown_key')
  })

  it('answers 403 wrong_key_kind for a secret key in X-Edgelift-Site', async () => {
    const site = await createSite()
    await seedVisitor(site, RANDOM_ID)
    const res = await remove(RANDOM_ID, '', { 'x-edgelift-site': site.adminKey })
    await expectRefused(res, 403, 'wrong_key_kind')
    expect(await rowsAbout(site, RANDOM_ID)).toEqual(untouched)
  })

  it('refuses a secret key as ?site= with 403 secret_key_in_url, even beside a valid bearer', async () => {
    const site = await createSite()
    await seedVisitor(site, RANDOM_ID)
    await expectRefused(await remove(RANDOM_ID, `?site=${site.adminKey}`), 403, 'secret_key_in_url')
    const withBearer = await remove(RANDOM_ID, `?site=${site.adminKey}`, {
      authorization: `Bearer ${site.adminKey}`,
    })
    await expectRefused(withBearer, 403, 'secret_key_in_url')
    expect(await rowsAbout(site, RANDOM_ID)).toEqual(untouched)
  })

  it('refuses an id of 129 characters with 400 invalid_visitor_id, with either key', async () => {
    const site = await createSite()
    const long = 'a'.repeat(129)
    await expectRefused(await remove(long, `?site=${site.publicKey}`), 400, 'invalid_visitor_id')
    const withAdmin = await remove(long, '', { authorization: `Bearer ${site.adminKey}` })
    await expectRefused(withAdmin, 400, 'invalid_visitor_id')
    expect(await rowsAbout(site, long)).toMatchObject({ forgotten: 0 })
    const longest = await remove('a'.repeat(128), '', { authorization: `Bearer ${site.adminKey}` })
    expect(longest.status).toBe(200)
  })

  it("answers another site's admin key as if the visitor did not exist, and deletes nothing", async () => {
    const a = await createSite()
    const b = await createSite()
    await seedVisitor(a, 'c13313')
    const res = await remove('c13313', '', { authorization: `Bearer ${b.adminKey}` })
    expect(res.status).toBe(200)
    const neverSeen = await remove('c99999', '', { authorization: `Bearer ${b.adminKey}` })
    expect(await res.json()).toEqual({
      visitorId: 'c13313',
      deleted: { events: 0, assignments: 0 },
    })
    expect(await neverSeen.json()).toEqual({
      visitorId: 'c99999',
      deleted: { events: 0, assignments: 0 },
    })
    expect(await rowsAbout(a, 'c13313')).toEqual(untouched)
    // Site A still takes the visitor's events: it was not marked forgotten there.
    const late = await publicPost(a, '/v1/events', {
      events: [{ id: eventId(), type: 'view', visitorId: 'c13313' }],
    })
    expect(await late.json()).toMatchObject({ accepted: 1, rejected: [] })
  })

  it("deletes nothing of another site's visitor with this site's public key", async () => {
    const a = await createSite()
    const b = await createSite()
    await seedVisitor(a, RANDOM_ID)
    const res = await remove(RANDOM_ID, `?site=${b.publicKey}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      visitorId: RANDOM_ID,
      deleted: { events: 0, assignments: 0 },
    })
    expect(await rowsAbout(a, RANDOM_ID)).toEqual(untouched)
  })

  it('answers 403 origin_not_allowed to an origin the site does not list, and deletes nothing', async () => {
    const site = await createSite({ origins: ['https://shop.example'] })
    await seedVisitor(site, RANDOM_ID)
    const res = await remove(RANDOM_ID, `?site=${site.publicKey}`, {
      origin: 'https://evil.example',
    })
    await expectRefused(res, 403, 'origin_not_allowed')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(await rowsAbout(site, RANDOM_ID)).toEqual(untouched)
  })
})
