// Alerts: posted once per change of state to the site's receivers (a loopback receiver here,
// test/support/alert-receiver.ts), retried after a failed delivery without duplicates, and only
// ever to URLs that pass the rules.
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, inject, it, vi } from 'vitest'
import worker from '../../worker/index.ts'
import { INTENT_LEARNING_CRON } from '../../worker/cron-triggers.ts'
import { database } from '../../worker/db/database.ts'
import { deliverAlerts } from '../../worker/alerts/deliver-alerts.ts'
import { noteBanditRecommendation, watchSites } from '../../worker/alerts/watch.ts'
import {
  admin,
  call,
  createSite,
  expectRefused,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

const receiver = inject('alertReceiverUrl')
const db = database(env.DB)
const options = () => ({ now: Date.now(), allowLoopback: true })

type Received = { path: string; body: Record<string, unknown> }

async function received(path: string): Promise<Received[]> {
  return (await (await fetch(`${receiver}/received${path}`)).json()) as Received[]
}

/** A path of its own on the receiver, for one test's receiver. */
function path(kind: 'ok' | 'fail-once' | 'slow' | 'redirect'): string {
  return `/${kind}/${crypto.randomUUID()}`
}

async function siteWithAlerts(receivers: { path: string; format?: string }[]): Promise<TestSite> {
  const site = await createSite()
  const res = await admin(site, 'PUT', '/site/alerts', {
    alerts: receivers.map((r) => ({ url: `${receiver}${r.path}`, format: r.format ?? 'json' })),
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return site
}

/** Visitors per variation of phase 1, and conversions, written as assignment rows. */
async function seedSplit(site: TestSite, key: string, split: [number, number][]) {
  for (const [variation, [visitors, converted]] of split.entries()) {
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
       INSERT INTO assignments (site_id, experiment_key, phase, visitor_id, variation, exposed_at,
         converted_at, conversions)
       SELECT ?, ?, 1, ? || i, ?, 1764000000000, CASE WHEN i < ? THEN 1764000000001 END, i < ?
       FROM n`,
    )
      .bind(visitors, site.id, key, `v${variation}-`, variation, converted, converted)
      .run()
  }
}

/** A running experiment on `site` whose split (1,000 against 700) fails its sample-ratio check. */
async function failingSplit(site: TestSite, key: string): Promise<void> {
  await startExperiment(site, key, { coverage: 1 })
  await seedSplit(site, key, [
    [1000, 0],
    [700, 0],
  ])
}

describe('PUT /v1/admin/site/alerts', () => {
  it.each([
    ['http://hooks.example/x', /https/],
    ['https://10.1.2.3/hook', /private address/],
    ['https://192.168.0.10/hook', /private address/],
    ['https://169.254.169.254/latest', /private address/],
    ['https://[::1]/hook', /private address/],
    ['https://[::ffff:10.0.0.1]/hook', /private address/],
    ['https://localhost/hook', /local name/],
    ['https://router.internal/hook', /local name/],
    ['https://user:pw@hooks.example/x', /user name/],
    ['not a url', /not a URL/],
    ['http://127.0.0.2:9/hook', /https/],
  ])('refuses %s in the envelope', async (url, message) => {
    const site = await createSite()
    const error = await expectRefused(
      await admin(site, 'PUT', '/site/alerts', { alerts: [{ url, format: 'json' }] }),
      400,
      'invalid_alerts',
    )
    expect(error.message).toMatch(message)
  })

  it.each([
    [{ alerts: [{ url: 'https://hooks.example/a', format: 'teams' }] }],
    [{ alerts: Array.from({ length: 6 }, (_, i) => ({ url: `https://hooks.example/${i}` })) }],
    [{ alerts: [{ url: 'https://hooks.example/a' }, { url: 'https://hooks.example/a' }] }],
    [{ alerts: 'https://hooks.example/a' }],
    [{}],
  ])('refuses %j in the envelope', async (body) => {
    const site = await createSite()
    await expectRefused(await admin(site, 'PUT', '/site/alerts', body), 400, 'invalid_alerts')
  })

  it('keeps the list and answers it; an empty list turns alerts off', async () => {
    const site = await createSite()
    const alerts = [
      { url: 'https://hooks.slack.com/services/T0/B0/x', format: 'slack' },
      { url: 'https://discord.com/api/webhooks/1/x', format: 'discord' },
    ]
    await admin(site, 'PUT', '/site/alerts', { alerts })
    expect(await (await admin(site, 'GET', '/site/alerts')).json()).toEqual({ alerts })
    await admin(site, 'PUT', '/site/alerts', { alerts: [] })
    expect(await (await admin(site, 'GET', '/site/alerts')).json()).toEqual({ alerts: [] })
  })
})

describe('PUT /v1/admin/site/alerts refusals keep the saved receivers', () => {
  const saved = [
    { url: 'https://hooks.slack.com/services/T0/B0/kept', format: 'slack' },
    { url: 'https://hooks.example/kept', format: 'json' },
  ]

  /** A site whose receivers are `saved`, and a PUT of a raw JSON body to it. */
  async function siteWithSaved() {
    const site = await createSite()
    expect((await admin(site, 'PUT', '/site/alerts', { alerts: saved })).status).toBe(200)
    const putRaw = (body: string) =>
      call('/v1/admin/site/alerts', {
        method: 'PUT',
        headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
        body,
      })
    return { site, putRaw }
  }

  async function receiversOf(site: TestSite) {
    return (await (await admin(site, 'GET', '/site/alerts')).json()) as { alerts: unknown }
  }

  it('answers 400 malformed_json', async () => {
    const { site, putRaw } = await siteWithSaved()
    await expectRefused(await putRaw('{"alerts":[{"url":'), 400, 'malformed_json')
    expect(await receiversOf(site)).toEqual({ alerts: saved })
  })

  it.each([
    ['at the top', { alerts: [], owner: 'me' }],
    ['in a receiver', { alerts: [{ url: 'https://hooks.example/new', secret: 'x' }] }],
  ])('answers 400 invalid_alerts to an unknown field %s', async (_, body) => {
    const { site } = await siteWithSaved()
    await expectRefused(await admin(site, 'PUT', '/site/alerts', body), 400, 'invalid_alerts')
    expect(await receiversOf(site)).toEqual({ alerts: saved })
  })

  it('answers 413 body_too_large to a body over 16 KB', async () => {
    const { site, putRaw } = await siteWithSaved()
    const big = JSON.stringify({
      alerts: [{ url: `https://hooks.example/${'a'.repeat(17 * 1024)}` }],
    })
    await expectRefused(await putRaw(big), 413, 'body_too_large')
    expect(await receiversOf(site)).toEqual({ alerts: saved })
  })

  it('answers 400 invalid_alerts to a URL over 2048 characters', async () => {
    const { site } = await siteWithSaved()
    const url = `https://hooks.example/${'a'.repeat(2048)}`
    const error = await expectRefused(
      await admin(site, 'PUT', '/site/alerts', { alerts: [{ url, format: 'json' }] }),
      400,
      'invalid_alerts',
    )
    expect(error.message).toMatch(/^alerts\.0\.url: .*2048/)
    expect(await receiversOf(site)).toEqual({ alerts: saved })
  })
})

describe('alerts', () => {
  it('posts a failed sample-ratio check once, in each receiver’s format', async () => {
    const slack = path('ok')
    const discord = path('ok')
    const json = path('ok')
    const site = await siteWithAlerts([
      { path: slack, format: 'slack' },
      { path: discord, format: 'discord' },
      { path: json },
    ])
    await failingSplit(site, 'srm-split')
    await watchSites(db, options())
    await watchSites(db, options())
    const [toSlack] = await received(slack)
    expect(toSlack?.body).toEqual({
      text: expect.stringMatching(/srm-split \(phase 1\): the split does not match its weights/),
    })
    expect((await received(discord)).map((r) => r.body)).toEqual([
      { content: expect.stringMatching(/sample ratio mismatch/) },
    ])
    expect((await received(json)).map((r) => r.body)).toEqual([
      expect.objectContaining({ kind: 'srm_failed', experiment: 'srm-split', phase: 1 }),
    ])
    expect(await received(slack)).toHaveLength(1)
  })

  it('watches a bounded number of sites a run, going on where the last run stopped', async () => {
    const hooks = [path('ok'), path('ok'), path('ok')]
    for (const hook of hooks) {
      const site = await siteWithAlerts([{ path: hook }])
      await failingSplit(site, 'srm-turn')
    }
    const alerted = async () =>
      (await Promise.all(hooks.map(async (hook) => (await received(hook)).length))).filter(
        (n) => n > 0,
      ).length
    const [{ n: watched = 0 } = {}] = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM sites WHERE alerts <> '[]'`,
    )
    // Two sites a run: the three are reached within the runs it takes to go round once, and no
    // run reaches more than two.
    const seen: number[] = []
    for (let run = 0; run < Math.ceil(watched / 2); run++) {
      await watchSites(db, { ...options(), maxSites: 2 })
      seen.push(await alerted())
    }
    expect(seen.at(-1)).toBe(3)
    expect(seen.every((n, i) => n - (seen[i - 1] ?? 0) <= 2)).toBe(true)
    // With no time left after the first site, a run watches that one site and moves on by one.
    const [before] = await rows<{ cursor: string }>(`SELECT cursor FROM cron_cursors`)
    await watchSites(db, { ...options(), budgetMs: 0 })
    const [after] = await rows<{ cursor: string }>(`SELECT cursor FROM cron_cursors`)
    const [next] = await rows<{ id: string }>(
      `SELECT id FROM sites WHERE alerts <> '[]' AND id > ? ORDER BY id LIMIT 1`,
      before?.cursor ?? '',
    )
    const [first] = await rows<{ id: string }>(
      `SELECT id FROM sites WHERE alerts <> '[]' ORDER BY id LIMIT 1`,
    )
    expect(after?.cursor).toBe((next ?? first)?.id)
  })

  it('is looked for by the 15-minute cron', async () => {
    const hook = path('ok')
    const site = await siteWithAlerts([{ path: hook }])
    await failingSplit(site, 'srm-cron')
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      // Every site is reached within the runs it takes to go round once (500 a run).
      const [{ n: watched = 0 } = {}] = await rows<{ n: number }>(
        `SELECT count(*) AS n FROM sites WHERE alerts <> '[]'`,
      )
      for (let run = 0; run < Math.ceil(watched / 500); run++) {
        const ctx = createExecutionContext()
        await worker.scheduled(
          createScheduledController({ cron: INTENT_LEARNING_CRON, scheduledTime: Date.now() }),
          env,
          ctx,
        )
        await waitOnExecutionContext(ctx)
      }
    } finally {
      log.mockRestore()
    }
    expect((await received(hook)).map((r) => r.body.kind)).toEqual(['srm_failed'])
  })

  it('posts from a results read', async () => {
    const hook = path('ok')
    const site = await siteWithAlerts([{ path: hook }])
    await startExperiment(site, 'srm-read', { coverage: 1 })
    await seedSplit(site, 'srm-read', [
      [1000, 0],
      [650, 0],
    ])
    expect((await admin(site, 'GET', '/experiments/srm-read/results')).status).toBe(200)
    let got: Received[] = []
    for (let i = 0; i < 40 && got.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50))
      got = await received(hook)
    }
    expect(got.map((r) => r.body.kind)).toEqual(['srm_failed'])
  })

  it('posts a treatment crossing the sequential threshold, once', async () => {
    const hook = path('ok')
    const site = await siteWithAlerts([{ path: hook }])
    await startExperiment(site, 'seq-win', { coverage: 1 })
    await seedSplit(site, 'seq-win', [
      [3000, 150],
      [3000, 400],
    ])
    await watchSites(db, options())
    await watchSites(db, options())
    expect((await received(hook)).map((r) => r.body)).toEqual([
      expect.objectContaining({ kind: 'sequential_winner', variation: 'treatment' }),
    ])
  })

  it('retries a failed delivery without posting twice to the receiver that got it', async () => {
    const flaky = path('fail-once')
    const steady = path('ok')
    const site = await siteWithAlerts([{ path: flaky }, { path: steady }])
    await env.DB.prepare(
      `INSERT INTO rec_status (site_id, last_error, updated_at) VALUES (?, 'out of memory', 0)`,
    )
      .bind(site.id)
      .run()
    const first = await watchSites(db, options())
    expect(first.find((r) => r.siteId === site.id)).toEqual({
      siteId: site.id,
      delivered: 1,
      failed: 1,
    })
    await watchSites(db, options())
    await watchSites(db, options())
    // The flaky receiver saw the failed attempt and the retry; the steady one the alert once.
    expect((await received(flaky)).map((r) => r.body.kind)).toEqual([
      'training_failed',
      'training_failed',
    ])
    expect((await received(steady)).map((r) => r.body.kind)).toEqual(['training_failed'])
  })

  it('alerts again only after the state changed back and forth', async () => {
    const hook = path('ok')
    const site = await siteWithAlerts([{ path: hook }])
    const setError = (error: string | null) =>
      env.DB.prepare(
        `INSERT INTO rec_status (site_id, last_error, updated_at) VALUES (?, ?, 0)
         ON CONFLICT DO UPDATE SET last_error = excluded.last_error`,
      )
        .bind(site.id, error)
        .run()
    await setError('no interactions')
    await watchSites(db, options())
    await setError(null)
    await watchSites(db, options())
    await setError('no interactions')
    await watchSites(db, options())
    await watchSites(db, options())
    expect(await received(hook)).toHaveLength(2)
  })

  it('takes the bandit’s recommendation to stop through its hook, once', async () => {
    const hook = path('ok')
    const site = await siteWithAlerts([{ path: hook }])
    const alertSite = { id: site.id, name: 'Shop', currency: 'USD' }
    const bandit = { experiment: 'hero', phase: 1, reason: 'b is best with 97% probability' }
    await noteBanditRecommendation(db, alertSite, { ...bandit, stop: false }, options())
    await noteBanditRecommendation(db, alertSite, { ...bandit, stop: true }, options())
    await noteBanditRecommendation(db, alertSite, { ...bandit, stop: true }, options())
    expect((await received(hook)).map((r) => r.body)).toEqual([
      expect.objectContaining({ kind: 'bandit_stop', message: expect.stringMatching(/97%/) }),
    ])
  })

  it('gives up on a receiver that times out without holding up the others', async () => {
    const slow = path('slow')
    const steady = path('ok')
    const site = await siteWithAlerts([{ path: slow }, { path: steady }])
    const alertSite = { id: site.id, name: 'Shop', currency: 'USD' }
    const bandit = { experiment: 'hero', phase: 1, stop: true, reason: 'done' }
    const report = await noteBanditRecommendation(db, alertSite, bandit, {
      ...options(),
      // Long enough for the steady receiver on a busy machine, far below the slow one's 30 s.
      timeoutMs: 2000,
    })
    expect(report).toEqual({ delivered: 1, failed: 1 })
    expect(
      await rows<{ last_error: string }>(
        `SELECT last_error FROM alert_deliveries WHERE site_id = ? AND delivered_at IS NULL`,
        site.id,
      ),
    ).toEqual([{ last_error: 'timed out' }])
    // Off again, so later cron runs in this file do not wait on the slow receiver.
    await admin(site, 'PUT', '/site/alerts', { alerts: [] })
  })

  it('does not follow a redirect', async () => {
    const hop = path('redirect')
    const site = await siteWithAlerts([{ path: hop }])
    const alertSite = { id: site.id, name: 'Shop', currency: 'USD' }
    const bandit = { experiment: 'hero', phase: 1, stop: true, reason: 'done' }
    expect(await noteBanditRecommendation(db, alertSite, bandit, options())).toEqual({
      delivered: 0,
      failed: 1,
    })
    expect(await received(hop.replace('/redirect/', '/ok/'))).toEqual([])
    await admin(site, 'PUT', '/site/alerts', { alerts: [] })
  })

  it('warns in the site’s health while a receiver’s alerts are not getting through', async () => {
    const hop = path('redirect')
    const site = await siteWithAlerts([{ path: hop }])
    const alertSite = { id: site.id, name: 'Shop', currency: 'USD' }
    const bandit = { experiment: 'hero', phase: 1, stop: true, reason: 'done' }
    await noteBanditRecommendation(db, alertSite, bandit, options())
    const warnings = async () =>
      ((await (await admin(site, 'GET', '/health')).json()) as { warnings: unknown[] }).warnings
    expect(await warnings()).toEqual([
      {
        code: 'alerts_failing',
        message: expect.stringMatching(
          /^Alerts to http:\/\/.+\/redirect\/.+ are not getting through \(1 undelivered; the last error: /,
        ),
      },
    ])
    await env.DB.prepare('UPDATE alert_deliveries SET attempts = 5 WHERE site_id = ?')
      .bind(site.id)
      .run()
    expect(await warnings()).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/1 undelivered, 1 given up after 5 tries/),
      }),
    ])
    await env.DB.prepare('UPDATE alert_deliveries SET delivered_at = 1 WHERE site_id = ?')
      .bind(site.id)
      .run()
    expect(await warnings()).toEqual([])
    // Failing again, then replaced by a corrected address: the old one warns no more.
    await env.DB.prepare('UPDATE alert_deliveries SET delivered_at = NULL WHERE site_id = ?')
      .bind(site.id)
      .run()
    expect(await warnings()).toHaveLength(1)
    await admin(site, 'PUT', '/site/alerts', { alerts: [] })
    expect(await warnings()).toEqual([])
  })

  it('never posts to a loopback receiver when the Worker does not allow it', async () => {
    const hook = path('ok')
    const site = await siteWithAlerts([{ path: hook }])
    const alertSite = { id: site.id, name: 'Shop', currency: 'USD' }
    const bandit = { experiment: 'hero', phase: 1, stop: true, reason: 'done' }
    // Receivers that fail today's rules are not read at all.
    expect(
      await noteBanditRecommendation(db, alertSite, bandit, { ...options(), allowLoopback: false }),
    ).toBeNull()
    expect(await deliverAlerts(db, site.id, { ...options(), allowLoopback: false })).toEqual({
      delivered: 0,
      failed: 0,
    })
    expect(await received(hook)).toEqual([])
  })
})
