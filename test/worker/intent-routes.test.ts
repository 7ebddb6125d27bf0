import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  admin,
  call,
  createSite,
  expectRefused,
  publicPost,
  rows,
  type TestSite,
} from './support/api.ts'
import { PRIOR_TRUST } from '../../worker/intent/online-layer.ts'

describe('GET /v1/intent', () => {
  it('answers the visitor’s intent, with a reason when there is no score', async () => {
    const site = await createSite()
    const res = await call(`/v1/intent?site=${site.publicKey}&visitorId=nobody-here`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      visitorId: 'nobody-here',
      intent: { score: null, band: null, reason: 'no_session' },
    })
  })

  it('takes the key in X-Edgelift-Site as the other public routes do', async () => {
    const site = await createSite()
    const res = await call('/v1/intent?visitorId=nobody-here', {
      headers: { 'x-edgelift-site': site.publicKey },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ visitorId: 'nobody-here', intent: { score: null } })
  })

  it('refuses a missing, bogus or oversized visitor id, unknown parameters and a missing key', async () => {
    const site = await createSite()
    const q = (rest: string) => call(`/v1/intent?site=${site.publicKey}${rest}`)
    await expectRefused(await q(''), 400, 'invalid_query')
    await expectRefused(await q('&visitorId='), 400, 'invalid_query')
    await expectRefused(await q(`&visitorId=${'a'.repeat(129)}`), 400, 'invalid_query')
    await expectRefused(await q('&visitorId=a%0Ab'), 400, 'invalid_query')
    await expectRefused(await q('&visitorId=a&debug=1'), 400, 'invalid_query')
    await expectRefused(await call('/v1/intent?visitorId=a'), 401, 'missing_key')
    await expectRefused(await call('/v1/intent?site=pk_unknown&visitorId=a'), 401, 'unknown_key')
  })

  it('refuses a secret key', async () => {
    const site = await createSite()
    await expectRefused(
      await call(`/v1/intent?site=${site.adminKey}&visitorId=a`),
      403,
      'secret_key_in_url',
    )
  })
})

describe('POST /v1/assign intent', () => {
  it('answers intent unless the caller says it does not read it', async () => {
    const site = await createSite()
    const res = await publicPost(site, '/v1/assign', { visitorId: 'v1' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { intent?: unknown }
    expect(body.intent).toEqual({ score: null, band: null, reason: 'no_session' })
    const without = await publicPost(site, '/v1/assign', { visitorId: 'v1', intent: false })
    expect(await without.json()).not.toHaveProperty('intent')
    await expectRefused(
      await publicPost(site, '/v1/assign', { visitorId: 'v1', intent: 'yes' }),
      400,
      'invalid_body',
    )
  })
})

describe('/v1/admin/intent', () => {
  it('shows the starter model with its importances and default bands', async () => {
    const site = await createSite()
    const res = await admin(site, 'GET', '/intent')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      model: string
      importances: { feature: string }[]
      bands: unknown
    }
    // Before any session is learnt, the served score gives the layer its prior weight alone.
    expect(body).toMatchObject({
      model: 'starter',
      version: null,
      onlineUpdates: 0,
      onlineTrust: PRIOR_TRUST,
    })
    expect(body.bands).toEqual({ medium: 0.5, high: 0.85 })
    expect(body.importances[0]?.feature).toBe('PageValues')
  })

  it('sets the band quantiles, which move the cuts', async () => {
    const site = await createSite()
    const before = (await (await admin(site, 'GET', '/intent')).json()) as {
      cuts: { medium: number; high: number }
    }
    const res = await admin(site, 'PATCH', '/intent', { bands: { medium: 0.7, high: 0.95 } })
    expect(res.status).toBe(200)
    const after = (await res.json()) as { bands: unknown; cuts: { medium: number; high: number } }
    expect(after.bands).toEqual({ medium: 0.7, high: 0.95 })
    expect(after.cuts.medium).toBeGreaterThan(before.cuts.medium)
    expect(after.cuts.high).toBeGreaterThan(before.cuts.high)
    const again = (await (await admin(site, 'GET', '/intent')).json()) as { bands: unknown }
    expect(again.bands).toEqual({ medium: 0.7, high: 0.95 })
  })

  it.each([
    [{ bands: { medium: 0.9, high: 0.5 } }],
    [{ bands: { medium: 0.5, high: 0.5 } }],
    [{ bands: { medium: 0, high: 0.5 } }],
    [{ bands: { medium: 0.5, high: 1 } }],
    [{ bands: { medium: 0.5 } }],
    [{ bands: { medium: '0.5', high: 0.9 } }],
    [{ bands: { medium: 0.5, high: 0.9, low: 0.1 } }],
    [{}],
    [[]],
  ])('refuses %j with the envelope and changes nothing', async (body) => {
    const site = await createSite()
    await expectRefused(await admin(site, 'PATCH', '/intent', body), 400, 'invalid_intent')
    const now = (await (await admin(site, 'GET', '/intent')).json()) as { bands: unknown }
    expect(now.bands).toEqual({ medium: 0.5, high: 0.85 })
  })

  describe('PATCH refusals keep the saved bands', () => {
    /** A site whose bands are set to 0.7 and 0.95. */
    async function siteWithBands() {
      const site = await createSite()
      const res = await admin(site, 'PATCH', '/intent', { bands: { medium: 0.7, high: 0.95 } })
      expect(res.status).toBe(200)
      return site
    }
    /** The bands GET answers and the intent_status row they are stored in. */
    const settingsOf = async (site: TestSite) => ({
      bands: ((await (await admin(site, 'GET', '/intent')).json()) as { bands: unknown }).bands,
      row: await rows('SELECT * FROM intent_status WHERE site_id = ?', site.id),
    })
    const patchRaw = (site: TestSite, body: string) =>
      call('/v1/admin/intent', {
        method: 'PATCH',
        headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
        body,
      })

    it('answers 400 malformed_json', async () => {
      const site = await siteWithBands()
      const before = await settingsOf(site)
      expect(before.bands).toEqual({ medium: 0.7, high: 0.95 })
      expect(before.row).toHaveLength(1)
      await expectRefused(await patchRaw(site, '{"bands":{"medium":'), 400, 'malformed_json')
      expect(await settingsOf(site)).toEqual(before)
    })

    it('answers 413 body_too_large to a body over 4 KB', async () => {
      const site = await siteWithBands()
      const before = await settingsOf(site)
      const body = JSON.stringify({ bands: { medium: 0.2, high: 0.4 }, pad: 'x'.repeat(5 * 1024) })
      await expectRefused(await patchRaw(site, body), 413, 'body_too_large')
      expect(await settingsOf(site)).toEqual(before)
    })

    it('keeps the bands when their cuts cannot be stored: both or neither', async () => {
      const site = await siteWithBands()
      const before = await settingsOf(site)
      const name = `fail_cuts_${site.id}`.replace(/\W/g, '_')
      await env.DB.exec(
        `CREATE TRIGGER ${name} BEFORE UPDATE OF cut_medium ON intent_status WHEN NEW.site_id = '${site.id}' BEGIN SELECT RAISE(ABORT, 'cuts unavailable'); END`,
      )
      try {
        const res = await admin(site, 'PATCH', '/intent', { bands: { medium: 0.2, high: 0.4 } })
        await expectRefused(res, 503, 'storage_unavailable')
      } finally {
        await env.DB.exec(`DROP TRIGGER ${name}`)
      }
      expect(await settingsOf(site)).toEqual(before)
    })
  })
})
