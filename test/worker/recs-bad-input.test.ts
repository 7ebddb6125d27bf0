import { describe, expect, it } from 'vitest'
import { admin, call, createSite, expectRefused, rows } from './support/api.ts'
import { markRunStarted, seedStore } from './support/recs.ts'

/** `n` valid item ids, comma-separated as `item` and `exclude` take them. */
const ids = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i}`).join(',')

describe('GET /v1/recs', () => {
  it('answers 401 missing_key without a site key', async () => {
    await expectRefused(await call('/v1/recs?slot=trending'), 401, 'missing_key')
  })

  it('answers 401 unknown_key for a public key of no site, in the query or the header', async () => {
    await expectRefused(await call('/v1/recs?slot=trending&site=pk_nope'), 401, 'unknown_key')
    const inHeader = await call('/v1/recs?slot=trending', {
      headers: { 'x-edgelift-site': 'pk_nope' },
    })
    await expectRefused(inHeader, 401, 'unknown_key')
  })

  it('answers 403 secret_key_in_url for a secret key as ?site=', async () => {
    const site = await createSite()
    const res = await call(`/v1/recs?slot=trending&site=${site.adminKey}`)
    await expectRefused(res, 403, 'secret_key_in_url')
  })

  it('answers 403 wrong_key_kind for a secret key in X-Edgelift-Site or as a bearer', async () => {
    const site = await createSite()
    const inHeader = await call('/v1/recs?slot=trending', {
      headers: { 'x-edgelift-site': site.adminKey },
    })
    await expectRefused(inHeader, 403, 'wrong_key_kind')
    const asBearer = await call(`/v1/recs?slot=trending&site=${site.publicKey}`, {
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    await expectRefused(asBearer, 403, 'wrong_key_kind')
  })

  it('answers 403 origin_not_allowed to an origin the site does not list', async () => {
    const site = await createSite({ origins: ['https://shop.example'] })
    const url = `/v1/recs?slot=trending&site=${site.publicKey}`
    const allowed = await call(url, { headers: { origin: 'https://shop.example' } })
    expect(allowed.status).toBe(200)
    const foreign = await call(url, { headers: { origin: 'https://evil.example' } })
    await expectRefused(foreign, 403, 'origin_not_allowed')
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('takes 100 excluded ids and refuses 101 with 400 invalid_query', async () => {
    const site = await createSite()
    const base = `/v1/recs?slot=trending&site=${site.publicKey}`
    expect((await call(`${base}&exclude=${ids(100)}`)).status).toBe(200)
    const error = await expectRefused(
      await call(`${base}&exclude=${ids(101)}`),
      400,
      'invalid_query',
    )
    expect(error.message).toMatch(/^exclude/)
  })

  it('refuses an exclude value over 6,500 characters with 400 invalid_query', async () => {
    const site = await createSite()
    // One id padded with empty entries: few ids, but more characters than 100 ids can take.
    const exclude = `A${','.repeat(6500)}`
    const res = await call(`/v1/recs?slot=trending&site=${site.publicKey}&exclude=${exclude}`)
    const error = await expectRefused(res, 400, 'invalid_query')
    expect(error.message).toMatch(/^exclude/)
  })

  it.each([
    ['21 ids', ids(21)],
    ['a value over 1,300 characters', `A${','.repeat(1300)}`],
    ['an id of 65 characters', 'x'.repeat(65)],
  ])('refuses an item of %s with 400 invalid_query', async (_, item) => {
    const site = await createSite()
    const res = await call(`/v1/recs?slot=similar&site=${site.publicKey}&item=${item}`)
    const error = await expectRefused(res, 400, 'invalid_query')
    expect(error.message).toMatch(/^item/)
  })
})

describe('POST /v1/admin/recs/train', () => {
  it('answers 409 training_in_progress while a run is under way, and starts no other', async () => {
    const site = await createSite()
    // A run started a minute ago and not finished: the marker trainSite writes when it begins.
    const startedAt = await markRunStarted(site, 60_000)
    for (const path of ['/recs/train', '/recs/train?wait=true']) {
      await expectRefused(await admin(site, 'POST', path), 409, 'training_in_progress')
    }
    expect(
      await rows(
        'SELECT training_started_at, last_error FROM rec_status WHERE site_id = ?',
        site.id,
      ),
    ).toEqual([{ training_started_at: startedAt, last_error: null }])
    expect(await rows('SELECT version FROM rec_models WHERE site_id = ?', site.id)).toEqual([])
  })

  it('reports a run that never finished as stopped after 15 minutes, and trains again', async () => {
    const site = await createSite()
    await seedStore(site)
    // A run killed at the Worker's limits leaves its mark behind.
    const startedAt = await markRunStarted(site, 16 * 60_000)
    const status = await (await admin(site, 'GET', '/recs/status')).json()
    expect(status).toMatchObject({
      training: false,
      trainingStartedAt: null,
      lastError: expect.stringMatching(/stopped without finishing/),
    })
    expect((await admin(site, 'POST', '/recs/train?wait=true')).status).toBe(200)
  })
})
