import { describe, expect, it } from 'vitest'
import {
  admin,
  call,
  createSite,
  expectRefused,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return call(path, { method: 'POST', headers, body })
}

/**
 * A site running `key` for everybody behind an audience of every device: an audience decision is
 * written before `/v1/assign` answers (experiments without an audience record theirs after), so
 * an accepted request's row is in D1 when it returns and a refused one's absence means something.
 */
async function siteRunning(key: string): Promise<TestSite> {
  const site = await createSite()
  await startExperiment(site, key, {
    coverage: 1,
    audience: { devices: ['mobile', 'tablet', 'desktop'] },
  })
  return site
}

/** What `/v1/assign` wrote for the site: its audience decisions and its assignment rows. */
async function writtenFor(site: TestSite) {
  return {
    decisions: await rows<{ visitor_id: string; experiment_key: string; included: number }>(
      `SELECT visitor_id, experiment_key, included FROM audience_decisions
       WHERE site_id = ? ORDER BY visitor_id, experiment_key`,
      site.id,
    ),
    assignments: await rows(
      'SELECT visitor_id, experiment_key FROM assignments WHERE site_id = ?',
      site.id,
    ),
  }
}

async function assignedKeys(res: Response): Promise<string[]> {
  expect(res.status, await res.clone().text()).toBe(200)
  return Object.keys(((await res.json()) as { assignments: Record<string, unknown> }).assignments)
}

describe('POST /v1/assign', () => {
  it.each([['multipart/form-data'], ['application/x-www-form-urlencoded'], ['application/xml']])(
    'answers 415 unsupported_media_type for %s, and sets no visitor cookie',
    async (type) => {
      const site = await createSite()
      const res = await post(`/v1/assign?site=${site.publicKey}`, '{}', { 'content-type': type })
      await expectRefused(res, 415, 'unsupported_media_type')
      expect(res.headers.get('set-cookie')).toBeNull()
    },
  )

  it('answers 413 body_too_large for a body over 16 KB, by Content-Length', async () => {
    const site = await createSite()
    const res = await post(
      `/v1/assign?site=${site.publicKey}`,
      JSON.stringify({ url: 'x'.repeat(20_000) }),
      { 'content-type': 'application/json' },
    )
    await expectRefused(res, 413, 'body_too_large')
  })

  it('answers 413 body_too_large for a streamed body without Content-Length, without reading it all', async () => {
    const site = await createSite()
    let pulled = 0
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024))
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 4 MB on offer; the Worker must stop asking soon after 16 KB.
        if (pulled >= 256) return controller.close()
        pulled++
        controller.enqueue(chunk)
      },
    })
    const res = await post(`/v1/assign?site=${site.publicKey}`, body, {
      'content-type': 'application/json',
    })
    await expectRefused(res, 413, 'body_too_large')
    expect(pulled).toBeLessThan(20)
  })

  it.each([['application/json'], ['text/plain']])(
    'answers 400 invalid_encoding for a %s body that is not UTF-8',
    async (type) => {
      const site = await createSite()
      // {"visitorId":"caf<0xE9>"}: Latin-1, not UTF-8.
      const bytes = new Uint8Array([
        ...new TextEncoder().encode('{"visitorId":"caf'),
        0xe9,
        ...new TextEncoder().encode('"}'),
      ])
      const res = await post(`/v1/assign?site=${site.publicKey}`, bytes, { 'content-type': type })
      await expectRefused(res, 400, 'invalid_encoding')
      expect(res.headers.get('set-cookie')).toBeNull()
    },
  )

  it('answers 403 secret_key_in_url for a secret key as ?site= or in any other parameter', async () => {
    const site = await createSite()
    await startExperiment(site, 'hero')
    const json = { 'content-type': 'application/json' }
    const asSite = await post(`/v1/assign?site=${site.adminKey}`, '{"visitorId":"v"}', json)
    await expectRefused(asSite, 403, 'secret_key_in_url')
    const beside = await post(
      `/v1/assign?site=${site.publicKey}&debug=${site.adminKey}`,
      '{"visitorId":"v"}',
      json,
    )
    await expectRefused(beside, 403, 'secret_key_in_url')
  })

  const url = (length: number) => `https://shop.example/${'p'.repeat(length - 21)}`
  const keys = (n: number) => ['hero', ...Array.from({ length: n - 1 }, (_, i) => `other-${i}`)]

  it.each([
    ['a url of 2,048 characters', 'url', { url: url(2048) }, { url: url(2049) }],
    ['100 experiment keys', 'experiments', { experiments: keys(100) }, { experiments: keys(101) }],
  ])(
    'takes %s and refuses one more with 400 invalid_body, writing nothing',
    async (_, field, atCap, overCap) => {
      expect([url(2048).length, keys(100).length]).toEqual([2048, 100])
      const site = await siteRunning('hero')
      const taken = await publicPost(site, '/v1/assign', { visitorId: 'at-cap', ...atCap })
      expect(await assignedKeys(taken)).toEqual(['hero'])
      const before = await writtenFor(site)
      expect(before.decisions).toEqual([
        { visitor_id: 'at-cap', experiment_key: 'hero', included: 1 },
      ])

      const refused = await publicPost(site, '/v1/assign', { visitorId: 'over-cap', ...overCap })
      const error = await expectRefused(refused, 400, 'invalid_body')
      expect(error.message).toMatch(new RegExp(`^${field}:`))
      // Without a visitor id the refusal still makes no visitor: no cookie.
      const anonymous = await publicPost(site, '/v1/assign', overCap)
      await expectRefused(anonymous, 400, 'invalid_body')
      expect(anonymous.headers.get('set-cookie')).toBeNull()
      expect(await writtenFor(site)).toEqual(before)
    },
  )

  it("gives site A's key nothing of site B's experiments, and writes nothing for B", async () => {
    const a = await siteRunning('a-own')
    const b = await siteRunning('b-own')
    // A's key names B's experiment beside A's own: only A's is assigned and decided.
    const asked = await publicPost(a, '/v1/assign', {
      visitorId: 'crosser',
      experiments: ['b-own', 'a-own'],
    })
    expect(await assignedKeys(asked)).toEqual(['a-own'])
    expect(await writtenFor(a)).toEqual({
      decisions: [{ visitor_id: 'crosser', experiment_key: 'a-own', included: 1 }],
      assignments: [],
    })
    expect(await writtenFor(b)).toEqual({ decisions: [], assignments: [] })
    // B's experiment is live for B's own key: the empty answer above is the site boundary.
    const own = await publicPost(b, '/v1/assign', { visitorId: 'crosser', experiments: ['b-own'] })
    expect(await assignedKeys(own)).toEqual(['b-own'])
    expect((await writtenFor(b)).decisions).toEqual([
      { visitor_id: 'crosser', experiment_key: 'b-own', included: 1 },
    ])
    expect((await writtenFor(a)).decisions).toEqual([
      { visitor_id: 'crosser', experiment_key: 'a-own', included: 1 },
    ])
  })

  it("gives site A's key site A's experiment when site B runs one of the same key", async () => {
    const a = await createSite()
    const b = await siteRunning('shared')
    // A's experiment of the same key is paused: B's running one must not stand in for it.
    await startExperiment(a, 'shared', { coverage: 1 })
    expect((await admin(a, 'POST', '/experiments/shared/pause')).status).toBe(200)
    const asked = await publicPost(a, '/v1/assign', { visitorId: 'v', experiments: ['shared'] })
    expect(await assignedKeys(asked)).toEqual([])
    expect(await writtenFor(a)).toEqual({ decisions: [], assignments: [] })
    expect(await writtenFor(b)).toEqual({ decisions: [], assignments: [] })
  })
})
