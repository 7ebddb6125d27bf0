// The admin routes' real answers, success and refusal, against the OpenAPI document the Worker
// serves (support/openapi.ts): every documented admin route at least once each way.
import { describe, expect, it } from 'vitest'
import { operations } from '../../worker/openapi/document.ts'
import {
  admin,
  call,
  createSite,
  eventId,
  publicPost,
  startExperiment,
  type TestSite,
} from './support/api.ts'
import { startBandit } from './support/bandit.ts'
import { catalogItem, historyNdjson, importText, trainedStore } from './support/recs.ts'
import { checked, expectDocumented, INPUT_REFUSALS, takesInput } from './support/openapi.ts'

/** An admin call checked against the document entry `path` (the OpenAPI template). */
async function documented(
  site: TestSite,
  method: string,
  url: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  return expectDocumented(await admin(site, method, url, body), method, `/v1/admin${path}`)
}

/** The same route with a key that is not valid: 401 in the envelope. */
async function unknownKey(method: string, path: string): Promise<void> {
  const res = await call(`/v1/admin${path.replace(/\{\w+\}/g, 'x')}`, {
    method,
    headers: { authorization: 'Bearer sk_unknown' },
  })
  expect(res.status).toBe(401)
  await expectDocumented(res, method, `/v1/admin${path}`)
}

describe('admin answers match the document', () => {
  it('experiments: list, create, read, change, lifecycle', async () => {
    const site = await createSite()
    await documented(site, 'POST', '/experiments', '/experiments', {
      key: 'hero',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'treatment', weight: 0.5 },
      ],
    })
    await documented(site, 'POST', '/experiments', '/experiments', { key: 'bad key' })
    await documented(site, 'GET', '/experiments', '/experiments')
    await documented(site, 'GET', '/experiments?status=nope', '/experiments')
    await documented(site, 'GET', '/experiments/hero', '/experiments/{key}')
    await documented(site, 'GET', '/experiments/missing', '/experiments/{key}')
    await documented(site, 'PATCH', '/experiments/hero', '/experiments/{key}', { name: 'Hero' })
    await documented(site, 'PATCH', '/experiments/missing', '/experiments/{key}', { name: 'x' })
    await documented(site, 'POST', '/experiments/hero/pause', '/experiments/{key}/pause')
    await documented(site, 'POST', '/experiments/hero/start', '/experiments/{key}/start')
    await documented(site, 'POST', '/experiments/hero/start', '/experiments/{key}/start')
    await documented(site, 'POST', '/experiments/hero/pause', '/experiments/{key}/pause')
    await documented(site, 'POST', '/experiments/hero/stop', '/experiments/{key}/stop')
    await documented(site, 'POST', '/experiments/hero/stop', '/experiments/{key}/stop')
  })

  it('experiments: reweigh and roll out', async () => {
    const site = await createSite()
    await startBandit(site, 'arms')
    await documented(site, 'POST', '/experiments/arms/reweigh', '/experiments/{key}/reweigh')
    await startExperiment(site, 'ab')
    await documented(site, 'POST', '/experiments/ab/reweigh', '/experiments/{key}/reweigh')
    const rollout = '/experiments/{key}/rollout'
    await documented(site, 'POST', '/experiments/ab/rollout', rollout, { variation: 'nope nope' })
    await documented(site, 'POST', '/experiments/ab/rollout', rollout, { variation: 'treatment' })
  })

  it('results, timeseries, CSV exports and the sample size', async () => {
    const site = await createSite()
    await startExperiment(site, 'hero')
    await publicPost(site, '/v1/assign', { visitorId: 'visitor-1' })
    await publicPost(site, '/v1/events', {
      events: [{ id: eventId(), type: 'exposure', visitorId: 'visitor-1', experiment: 'hero' }],
    })
    for (const [suffix, path] of [
      ['results', '/experiments/{key}/results'],
      ['results?breakdown=device', '/experiments/{key}/results'],
      ['timeseries', '/experiments/{key}/timeseries'],
      ['results.csv', '/experiments/{key}/results.csv'],
      ['visitors.csv', '/experiments/{key}/visitors.csv'],
    ] as const) {
      await documented(site, 'GET', `/experiments/hero/${suffix}`, path)
      const phase = suffix.includes('?') ? '&phase=x' : '?phase=x'
      await documented(site, 'GET', `/experiments/hero/${suffix}${phase}`, path)
      await documented(site, 'GET', `/experiments/missing/${suffix}`, path)
    }
    await documented(site, 'GET', '/sample-size?baseline=0.05&mde=0.1', '/sample-size')
    await documented(
      site,
      'GET',
      '/sample-size?baseline=0.05&mde=0.1&experiment=hero',
      '/sample-size',
    )
    await documented(site, 'GET', '/sample-size?mde=0.1', '/sample-size')
  })

  it('catalog', async () => {
    const site = await createSite()
    await documented(site, 'PUT', '/catalog', '/catalog', { items: [catalogItem('A')] })
    await documented(site, 'PUT', '/catalog', '/catalog', { items: [] })
    const feed = 'id\ttitle\tlink\tprice\nB\tBee\thttps://shop.example/b\t3.00 USD\nC\t\t\t\n'
    const res = await call('/v1/admin/catalog', {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${site.adminKey}`,
        'content-type': 'text/tab-separated-values',
      },
      body: feed,
    })
    expect(await expectDocumented(res, 'PUT', '/v1/admin/catalog')).toMatchObject({
      skippedCount: 1,
    })
    await documented(site, 'GET', '/catalog', '/catalog')
    await unknownKey('GET', '/catalog')
    await documented(site, 'GET', '/catalog/items?q=A', '/catalog/items')
    await documented(site, 'GET', '/catalog/items?limit=0', '/catalog/items')
  })

  it('site settings, key rotation, proxy, Shopify and alerts', async () => {
    const site = await createSite()
    await documented(site, 'GET', '/site', '/site')
    await unknownKey('GET', '/site')
    await documented(site, 'PATCH', '/site', '/site', { name: 'Renamed' })
    await documented(site, 'PATCH', '/site', '/site', { name: '' })
    await documented(site, 'GET', '/site/proxy', '/site/proxy')
    await unknownKey('GET', '/site/proxy')
    const proxy = { originUrl: 'https://origin.shop.example', hostnames: ['shop.example'] }
    await documented(site, 'PUT', '/site/proxy', '/site/proxy', proxy)
    await documented(site, 'PUT', '/site/proxy', '/site/proxy', {
      ...proxy,
      hostnames: ['edge.test'],
    })
    await documented(site, 'POST', '/site/proxy/verify', '/site/proxy/verify')
    await unknownKey('POST', '/site/proxy/verify')
    await documented(site, 'GET', '/site/shopify', '/site/shopify')
    await unknownKey('GET', '/site/shopify')
    await documented(site, 'PUT', '/site/shopify', '/site/shopify', { webhookSecret: null })
    await documented(site, 'PUT', '/site/shopify', '/site/shopify', { webhookSecret: 'short' })
    await documented(site, 'GET', '/site/alerts', '/site/alerts')
    await unknownKey('GET', '/site/alerts')
    await documented(site, 'PUT', '/site/alerts', '/site/alerts', { alerts: [] })
    const plain = { alerts: [{ url: 'http://hooks.example/x' }] }
    await documented(site, 'PUT', '/site/alerts', '/site/alerts', plain)
    // Last: the key it answers replaces the one this site's helpers send.
    await documented(site, 'POST', '/site/rotate-key', '/site/rotate-key')
    await documented(site, 'POST', '/site/rotate-key', '/site/rotate-key')
  })

  it('recommendations: training, status, performance, rules, preview', async () => {
    const empty = await createSite()
    await documented(empty, 'POST', '/recs/train?wait=true', '/recs/train')
    const site = await trainedStore()
    await documented(site, 'POST', '/recs/train?wait=true', '/recs/train')
    await documented(site, 'GET', '/recs/status', '/recs/status')
    await unknownKey('GET', '/recs/status')
    await documented(site, 'GET', '/recs/performance', '/recs/performance')
    await unknownKey('GET', '/recs/performance')
    await documented(site, 'GET', '/recs/rules', '/recs/rules')
    await unknownKey('GET', '/recs/rules')
    const pin = { slot: 'trending', itemId: 'G1', action: 'pin' }
    await documented(site, 'PUT', '/recs/rules', '/recs/rules', { rules: [pin] })
    await documented(site, 'PUT', '/recs/rules', '/recs/rules', {
      rules: [{ ...pin, itemId: 'NOT-SOLD' }],
    })
    await documented(site, 'GET', '/recs/preview?slot=trending', '/recs/preview')
    await documented(site, 'GET', '/recs/preview?slot=nope', '/recs/preview')
  })

  it('imports', async () => {
    const site = await createSite()
    const ok = await importText(site, `${historyNdjson()}\nnot json`, 'ndjson')
    const body = await expectDocumented(ok, 'POST', '/v1/admin/import/events')
    expect(body).toMatchObject({ skippedByReason: { malformed_json: 1 } })
    const bad = await importText(site, '{}', 'nope')
    await expectDocumented(bad, 'POST', '/v1/admin/import/events')
    const ids = '/import/visitor-ids'
    await documented(site, 'POST', ids, ids, { customerIds: ['c-1'] })
    await documented(site, 'POST', ids, ids, { customerIds: 'c-1' })
  })

  it('health, behaviour and intent', async () => {
    const site = await createSite()
    await documented(site, 'GET', '/health', '/health')
    await unknownKey('GET', '/health')
    await documented(site, 'GET', '/behaviour?days=7', '/behaviour')
    await documented(site, 'GET', '/behaviour?days=0', '/behaviour')
    await documented(site, 'GET', '/intent', '/intent')
    await unknownKey('GET', '/intent')
    await documented(site, 'PATCH', '/intent', '/intent', { bands: { medium: 0.4, high: 0.9 } })
    await documented(site, 'PATCH', '/intent', '/intent', { bands: { medium: 2, high: 0.9 } })
    await documented(site, 'POST', '/intent/train', '/intent/train')
    await unknownKey('POST', '/intent/train')
    await documented(site, 'POST', '/intent/learn', '/intent/learn')
    await unknownKey('POST', '/intent/learn')
  })

  it('team keys and the audit log', async () => {
    const site = await createSite()
    await documented(site, 'GET', '/keys', '/keys')
    await unknownKey('GET', '/keys')
    const created = await documented(site, 'POST', '/keys', '/keys', {
      name: 'Ann',
      role: 'viewer',
    })
    await documented(site, 'POST', '/keys', '/keys', { name: 'Ann', role: 'owner' })
    const id = (created as { id: string }).id
    await documented(site, 'DELETE', `/keys/${id}`, '/keys/{id}')
    await documented(site, 'DELETE', `/keys/${id}`, '/keys/{id}')
    await documented(site, 'GET', '/audit', '/audit')
    await documented(site, 'GET', '/audit?limit=0', '/audit')
  })

  it('validated a success and a refusal of every admin route', () => {
    const unrefused: string[] = []
    for (const op of operations.filter((o) => o.path.startsWith('/v1/admin'))) {
      const seen = [...checked]
        .filter((c) => c.startsWith(`${op.method.toUpperCase()} ${op.path} `))
        .map((c) => Number(c.split(' ')[2]))
      expect(
        seen.some((s) => s < 300),
        `${op.method} ${op.path} success`,
      ).toBe(true)
      expect(
        seen.some((s) => s >= 400),
        `${op.method} ${op.path} refusal`,
      ).toBe(true)
      // A bad key refuses every route alike: a route that reads input shows a refusal of it too.
      if (takesInput(op) && !seen.some((s) => INPUT_REFUSALS.has(s)))
        unrefused.push(`${op.method} ${op.path}`)
    }
    expect(unrefused).toEqual([])
  })
})
