import { env, exports } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'
import { assignVariation } from '../../shared/bucketing.ts'
import { forgetProxySites, lastKnownOrigin } from '../../worker/edge/proxy-site.ts'
import { splitUrlTarget } from '../../worker/edge/split-url.ts'
import { admin, createSite, errorOf, rows, startExperiment, type TestSite } from './support/api.ts'
import { proveHostname } from './support/hostnames.ts'
import { expose, purchase, storedVariations } from './support/bandit.ts'
import type { Experiment } from '../../shared/api-types.ts'
import { currentSeed } from '../../worker/experiments/experiment.ts'

const origin = inject('originUrl')
let counter = 0

/** A site proxied on its own new hostname to the loopback origin. */
async function proxiedSite(consentRequired = false): Promise<{ site: TestSite; host: string }> {
  const site = await createSite()
  const host = `shop-${++counter}-${Date.now().toString(36)}.test`
  await proveHostname(site, host, origin)
  if (consentRequired) {
    const res = await admin(site, 'PUT', '/site/proxy', {
      originUrl: origin,
      hostnames: [host],
      consentRequired,
    })
    expect(res.status, await res.clone().text()).toBe(200)
  }
  return { site, host }
}

function via(host: string, path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`https://${host}${path}`, init))
}

/** The origin's pages mark a "hero" experiment with variations control and b. */
const HERO = {
  variations: [
    { key: 'control', weight: 0.5 },
    { key: 'b', weight: 0.5 },
  ],
}

const asVisitor = (id: string) => ({ headers: { cookie: `el_vid=${id}`, accept: 'text/html' } })

/** A visitor id that lands in the wanted variation of a 50/50 experiment with this seed. */
function visitorIn(seed: string, index: number): string {
  for (let i = 0; ; i++) {
    const id = `visitor-${i}`
    if (assignVariation({ seed, weights: [0.5, 0.5], coverage: 1 }, id) === index) return id
  }
}

describe('proxy mode: pass-through', () => {
  it('passes a binary asset through byte for byte with its caching', async () => {
    const { host } = await proxiedSite()
    const res = await via(host, '/image.png')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(res.headers.get('etag')).toBe('"img1"')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(bytes.length).toBe(4096)
    expect(Array.from(bytes.slice(0, 5))).toEqual(
      [13, 12, 11, 10, 9].map((_, i) => (i * 7919 + 13) % 256),
    )
  })

  it('passes gzip and brotli bodies with their content', async () => {
    const { host } = await proxiedSite()
    expect(await (await via(host, '/gzip.txt')).text()).toBe('gzip body '.repeat(100))
    expect(await (await via(host, '/brotli.txt')).text()).toBe('brotli body '.repeat(100))
  })

  it('passes redirects, origin errors, POST bodies and HEAD as they are', async () => {
    const { host } = await proxiedSite()
    const redirect = await via(host, '/redirect', { redirect: 'manual' })
    expect(redirect.status).toBe(301)
    expect(redirect.headers.get('location')).toBe('/page')
    const error = await via(host, '/error')
    expect(error.status).toBe(500)
    expect(error.headers.get('x-origin')).toBe('yes')
    expect(await error.text()).toBe('origin exploded')
    const posted = await via(host, '/form', {
      method: 'POST',
      body: 'a=1&b=2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(posted.status).toBe(201)
    expect(await posted.json()).toEqual({ method: 'POST', body: 'a=1&b=2' })
    const head = await via(host, '/image.png', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('image/png')
  })

  it('leaves pages untouched and cacheable when no experiment runs', async () => {
    const { host } = await proxiedSite()
    const res = await via(host, '/page', asVisitor('v1'))
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
    const body = await res.text()
    expect(body).toContain('data-edgelift-variation="control"')
    expect(body).toContain('data-edgelift-variation="b"')
  })

  it('answers 404 for a host of no site, while product routes work on any host', async () => {
    const res = await via('nobody.test', '/page')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('not_found')
    const health = await via('nobody.test', '/v1/health')
    expect(await health.json()).toEqual({ ok: true })
    const { host } = await proxiedSite()
    expect(await (await via(host, '/v1/health')).json()).toEqual({ ok: true })
  })

  it('keeps every path on the origin, even one that reads as another host', async () => {
    const { host } = await proxiedSite()
    // new URL('//evil.invalid/page', origin) is https://evil.invalid/page: an open proxy.
    const res = await via(host, '//evil.invalid/page')
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-target')).toBe('//evil.invalid/page')
  })

  it("drops a visitor's own X-Edgelift-Assignments: the origin hears the edge's only", async () => {
    const { site, host } = await proxiedSite()
    const forged = { 'x-edgelift-assignments': '{"hero":{"variation":"b","index":1}}' }
    const heard = async (headers: Record<string, string>) =>
      ((await (await via(host, '/echo-headers', { headers })).json()) as Record<string, string>)[
        'x-edgelift-assignments'
      ]
    // Nothing running: passed through, without the forged header.
    expect(await heard(forged)).toBeUndefined()
    await startExperiment(site, 'hero', HERO)
    // Running, but not a page: still passed through without it.
    expect(await heard({ ...forged, accept: 'application/json' })).toBeUndefined()
    // A page: the edge's own assignment for this visitor, not the forged one.
    const visitor = visitorIn('hero', 0)
    const edge = await heard({ ...forged, accept: 'text/html', cookie: `el_vid=${visitor}` })
    expect(JSON.parse(edge ?? '{}')).toMatchObject({ hero: { variation: 'control' } })
  })

  it('refuses a request that already went through edgelift (loop guard)', async () => {
    const { host } = await proxiedSite()
    const res = await via(host, '/page', { headers: { 'cdn-loop': 'edgelift' } })
    expect(res.status).toBe(508)
    expect((await errorOf(res)).code).toBe('proxy_loop')
    const echoed = (await (await via(host, '/echo-headers')).json()) as Record<string, string>
    expect(echoed['cdn-loop']).toContain('edgelift')
  })
})

describe('GET/PUT /v1/admin/site/proxy', () => {
  it('stores the origin, hostnames and consent setting, and reads them back', async () => {
    const { site, host } = await proxiedSite(true)
    const res = await admin(site, 'GET', '/site/proxy')
    expect(await res.json()).toMatchObject({
      originUrl: origin.replace(/\/$/, ''),
      hostnames: [host],
      consentRequired: true,
      verification: [{ hostname: host, verified: true, error: null }],
      dashboardHostnames: ['edge.test'],
    })
    await admin(site, 'PUT', '/site/proxy', { originUrl: null, hostnames: [] })
    expect(await (await admin(site, 'GET', '/site/proxy')).json()).toEqual({
      originUrl: null,
      hostnames: [],
      consentRequired: false,
      verification: [],
      dashboardHostnames: ['edge.test'],
    })
  })
})

describe('proxy mode: HTML pages with experiments', () => {
  it('leaves only the visitor’s variation in the HTML, with the assignments and the widget tag', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const visitor = visitorIn('hero', 1)
    const res = await via(host, '/page', asVisitor(visitor))
    const body = await res.text()
    expect(body).toMatch(/data-edgelift-variation="b" data-edgelift-shown/)
    expect(body).not.toContain('data-edgelift-variation="control"')
    expect(body).toContain('data-edgelift-variation="x"')
    expect(body).toMatch(
      /<html lang="en" data-edgelift-assignments="\{&quot;hero&quot;:\{&quot;variation&quot;:&quot;b&quot;/,
    )
    expect(body).toContain(
      `<script async src="https://${host}/widget.js" data-site="${site.publicKey}"></script></body>`,
    )
    expect(body).not.toMatch(/<script>/)
    expect(res.headers.get('cache-control')).toBe('private, max-age=60')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('does not add the widget tag twice', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const body = await (await via(host, '/with-widget', asVisitor('v'))).text()
    expect(body.match(/widget\.js/g)).toHaveLength(1)
  })

  it('sets the el_vid cookie for a new visitor and forwards the assignments to the origin', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const page = await via(host, '/page', { headers: { accept: 'text/html' } })
    const cookie = page.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^el_vid=[0-9a-f]{32}; Path=\/; Max-Age=31536000; Secure; SameSite=Lax$/)
    const echo = await via(host, '/echo-headers', asVisitor('known'))
    // Not HTML: the origin's answer passes untouched, but the origin saw the assignments.
    expect(echo.headers.get('set-cookie')).toBeNull()
    const echoed = (await echo.json()) as Record<string, string>
    const assignments = JSON.parse(echoed['x-edgelift-assignments'] ?? '{}') as Record<
      string,
      { variation: string }
    >
    const expected = assignVariation({ seed: 'hero', weights: [0.5, 0.5], coverage: 1 }, 'known')
    expect(assignments.hero?.variation).toBe(['control', 'b'][expected])
  })

  it('ignores malformed cookies and makes a fresh visitor', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    for (const cookie of ['el_vid=%E0%A4%A', 'el_vid=has space', `el_vid=${'x'.repeat(200)}`]) {
      const res = await via(host, '/page', { headers: { cookie, accept: 'text/html' } })
      expect(res.status, cookie.slice(0, 20)).toBe(200)
      expect(res.headers.get('set-cookie')).toMatch(/^el_vid=[0-9a-f]{32};/)
    }
  })

  it('reads the visitor from a large Cookie header, as stores with many tags send', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const visitor = visitorIn('hero', 1)
    const cookie = `${Array.from({ length: 40 }, (_, i) => `_tag${i}=${'z'.repeat(300)}`).join('; ')}; el_vid=${visitor}`
    expect(cookie.length).toBeGreaterThan(12_000)
    const res = await via(host, '/page', { headers: { cookie, accept: 'text/html' } })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).toMatch(/data-edgelift-variation="b" data-edgelift-shown/)
  })

  it('keeps a page an experiment targets out of shared caches, also for a visitor outside coverage', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', { ...HERO, coverage: 0 })
    const res = await via(host, '/page', asVisitor('outside'))
    expect(await res.text()).toMatch(/data-edgelift-variation="control" data-edgelift-shown/)
    expect(res.headers.get('cache-control')).toBe('private, max-age=60')
    expect(res.headers.get('vary')).toMatch(/Cookie/)
  })

  it('honours Global Privacy Control: the control for all, no cookie, no exposure', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const inB = visitorIn('hero', 1)
    for (const cookie of [`el_vid=${inB}`, undefined]) {
      const res = await via(host, '/page', {
        headers: { accept: 'text/html', 'sec-gpc': '1', ...(cookie && { cookie }) },
      })
      expect(res.headers.get('set-cookie')).toBeNull()
      expect(res.headers.get('cache-control')).toBe('private, max-age=60')
      expect(res.headers.get('vary')).toMatch(/Cookie/)
      const body = await res.text()
      expect(body).toMatch(/data-edgelift-variation="control" data-edgelift-shown/)
      expect(body).not.toContain('data-edgelift-variation="b"')
      // No assignment reaches the page either, so the widget has no exposure to queue.
      expect(body).toContain('data-edgelift-assignments="{}"')
    }
    await new Promise((r) => setTimeout(r, 200))
    const stored = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM events WHERE site_id = ?`,
      site.id,
    )
    expect(stored).toEqual([{ n: 0 }])
  })

  it('on a site that needs consent, assigns only visitors the widget gave an id after consent', async () => {
    const { site, host } = await proxiedSite(true)
    await startExperiment(site, 'hero', HERO)
    const before = await via(host, '/page', { headers: { accept: 'text/html' } })
    expect(before.headers.get('set-cookie')).toBeNull()
    expect(await before.text()).toMatch(/data-edgelift-variation="control" data-edgelift-shown/)
    const inB = visitorIn('hero', 1)
    const after = await via(host, '/page', asVisitor(inB))
    expect(after.headers.get('set-cookie')).toBeNull()
    expect(await after.text()).toMatch(/data-edgelift-variation="b" data-edgelift-shown/)
    await new Promise((r) => setTimeout(r, 200))
    expect(await rows('SELECT visitor_id FROM assignments WHERE site_id = ?', site.id)).toEqual([
      { visitor_id: inB },
    ])
  })

  it('rewrites a split-URL variation to its path, or answers 302 when told to', async () => {
    const { site, host } = await proxiedSite()
    const variations = [
      { key: 'control', weight: 0.5 },
      { key: 'b', weight: 0.5, url: '/landing-b' },
    ]
    await startExperiment(site, 'landing', { variations, url: '/page' })
    const inB = visitorIn('landing', 1)
    const rewritten = await (await via(host, '/page', asVisitor(inB))).text()
    expect(rewritten).toContain('<h1>Landing B</h1>')
    const inControl = visitorIn('landing', 0)
    expect(await (await via(host, '/page', asVisitor(inControl))).text()).toContain(
      '<h1>Page /page</h1>',
    )
    await admin(site, 'PATCH', '/experiments/landing', { redirect: true })
    const redirected = await via(host, '/page', { ...asVisitor(inB), redirect: 'manual' })
    expect(redirected.status).toBe(302)
    expect(redirected.headers.get('location')).toBe(`https://${host}/landing-b`)
  })

  it('records the exposure of a visitor it redirects, whose landing page the pattern misses', async () => {
    const { site, host } = await proxiedSite()
    const variations = [
      { key: 'control', weight: 0.5 },
      { key: 'b', weight: 0.5, url: '/landing-b' },
    ]
    await startExperiment(site, 'jump', { variations, url: '/page', redirect: true })
    const inB = visitorIn('jump', 1)
    const redirected = await via(host, '/page', { ...asVisitor(inB), redirect: 'manual' })
    expect(redirected.status).toBe(302)
    await via(host, '/landing-b', asVisitor(inB))
    await new Promise((r) => setTimeout(r, 200))
    expect(
      await rows('SELECT visitor_id, variation FROM assignments WHERE site_id = ?', site.id),
    ).toEqual([{ visitor_id: inB, variation: 1 }])
  })

  it('refuses at creation and at change every split-URL target the edge would refuse', async () => {
    const site = await createSite()
    const refused = [
      '/../etc/passwd',
      '//evil.example/x',
      '/a/%2e%2e/b',
      '/a/..%5c..%5cb',
      'javascript:alert(1)',
      '/%E0%A4%A',
      'https://evil.example/landing',
      'https://shop.test/landing',
      '/landing%0d%0aSet-Cookie:%20x=1',
      '/landing\r\nx',
      '/landing b',
      '/landing#top',
      `/${'x'.repeat(2048)}`,
    ]
    for (const url of refused) {
      const res = await admin(site, 'POST', '/experiments', {
        key: 'split',
        variations: [
          { key: 'a', weight: 0.5 },
          { key: 'b', weight: 0.5, url },
        ],
      })
      expect(res.status, url).toBe(400)
      expect((await errorOf(res)).message, url).toMatch(/^variations\.1\.url: /)
    }
    const created = await admin(site, 'POST', '/experiments', {
      key: 'split',
      variations: [
        { key: 'a', weight: 0.5 },
        { key: 'b', weight: 0.5, url: '/landing-b?from=split' },
      ],
    })
    expect(created.status).toBe(201)
    for (const url of refused) {
      const res = await admin(site, 'PATCH', '/experiments/split', {
        variations: [
          { key: 'a', weight: 0.5 },
          { key: 'b', weight: 0.5, url },
        ],
      })
      expect(res.status, url).toBe(400)
    }
    // And the edge applies the same check to whatever is stored.
    const originUrl = new URL(origin)
    const request = new URL('https://shop.test/page?ref=1')
    expect(splitUrlTarget('/landing-b', request, originUrl)?.href).toBe(`${origin}/landing-b?ref=1`)
    expect(splitUrlTarget('/landing-b?v=2', request, originUrl)?.href).toBe(
      `${origin}/landing-b?v=2`,
    )
    for (const target of refused)
      expect(splitUrlTarget(target, request, originUrl), target).toBeNull()
  })

  it('shows the control, and counts nobody, for a stored target the edge refuses', async () => {
    const { site, host } = await proxiedSite()
    const variations = [
      { key: 'control', weight: 0.5 },
      { key: 'b', weight: 0.5, url: '/landing-b' },
    ]
    await startExperiment(site, 'legacy', { variations, url: '/page' })
    // Written past the API, which refuses it.
    await env.DB.prepare(
      `UPDATE experiments SET variations = json_set(variations, '$[1].url', ?)
       WHERE site_id = ? AND key = 'legacy'`,
    )
      .bind('https://evil.example/landing', site.id)
      .run()
    const { forgetRunningExperiments } =
      await import('../../worker/experiments/running-experiments.ts')
    forgetRunningExperiments(site.id)
    const inB = visitorIn('legacy', 1)
    const page = await via(host, '/page', asVisitor(inB))
    const html = await page.text()
    expect(html).toContain('<h1>Page /page</h1>')
    expect(html).toContain('data-edgelift-assignments="{}"')
    await new Promise((r) => setTimeout(r, 200))
    expect(await rows('SELECT visitor_id FROM assignments WHERE site_id = ?', site.id)).toEqual([])
  })

  it('records the exposure at the edge, once per visitor, and never for bots', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    await via(host, '/page', asVisitor('human-1'))
    await via(host, '/page', asVisitor('human-1'))
    await via(host, '/page', {
      headers: {
        cookie: 'el_vid=bot-1',
        accept: 'text/html',
        'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)',
      },
    })
    // waitUntil work finishes after the response; give it a moment.
    await new Promise((r) => setTimeout(r, 200))
    const stored = await rows<{ visitor_id: string }>(
      'SELECT visitor_id FROM assignments WHERE site_id = ?',
      site.id,
    )
    expect(stored).toEqual([{ visitor_id: 'human-1' }])
    const events = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM events WHERE site_id = ? AND type = 'exposure'`,
      site.id,
    )
    expect(events[0]?.n).toBe(1)
  })

  it('records an exposure on each store that sees the same visitor id', async () => {
    const stores = [await proxiedSite(), await proxiedSite()]
    for (const { site } of stores) await startExperiment(site, 'shared-key', HERO)
    for (const { host } of stores) await via(host, '/page', asVisitor('same-visitor'))
    await new Promise((r) => setTimeout(r, 200))
    for (const { site } of stores) {
      expect(await rows('SELECT visitor_id FROM assignments WHERE site_id = ?', site.id)).toEqual([
        { visitor_id: 'same-visitor' },
      ])
    }
  })

  it('streams a slow page', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const res = await via(host, '/slow', asVisitor('v'))
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let seen = ''
    while (!seen.includes('first')) {
      const { value, done } = await reader.read()
      if (done) break
      seen += decoder.decode(value, { stream: true })
    }
    // The first part arrived while the origin was still holding back the rest.
    expect(seen).toContain('first')
    expect(seen).not.toContain('second')
    await reader.cancel()
  })
})

describe('proxy mode: fail open', () => {
  it('still serves and assigns when D1 fails, from the last known configuration', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const visitor = visitorIn('hero', 1)
    await via(host, '/page', asVisitor('warm-up'))
    const db = env.DB as unknown as { prepare: unknown; batch: unknown }
    const { prepare, batch } = db
    // The binding is shared with the Worker in this isolate: make every D1 call fail.
    db.prepare = () => {
      throw new Error('D1_ERROR: injected outage')
    }
    db.batch = () => Promise.reject(new Error('D1_ERROR: injected outage'))
    try {
      await new Promise((r) => setTimeout(r, 10_500)) // past the configuration cache's TTL
      const res = await via(host, '/page', asVisitor(visitor))
      expect(res.status).toBe(200)
      const body = await res.text()
      expect(body).toMatch(/data-edgelift-variation="b" data-edgelift-shown/)
      expect(body).not.toContain('data-edgelift-variation="control"')
    } finally {
      db.prepare = prepare
      db.batch = batch
    }
  })

  it('passes the origin’s page through untouched when an isolate new to the host meets an outage', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    expect((await via(host, '/page', asVisitor('warm-up'))).status).toBe(200)
    // Kept after the answer (waitUntil): wait until the location's cache has it.
    await expect.poll(async () => (await lastKnownOrigin(host))?.href).toBe(new URL(origin).href)
    // A new isolate: nothing of this host in its memory, only in the location's cache.
    forgetProxySites()
    const db = env.DB as unknown as { prepare: unknown; batch: unknown }
    const { prepare, batch } = db
    db.prepare = () => {
      throw new Error('D1_ERROR: injected outage')
    }
    db.batch = () => Promise.reject(new Error('D1_ERROR: injected outage'))
    try {
      for (const visitor of ['in-outage', 'still-in-outage']) {
        const res = await via(host, '/page', asVisitor(visitor))
        expect(res.status).toBe(200)
        expect(res.headers.get('x-request-target')).toBe('/page')
        expect(res.headers.get('set-cookie')).toBeNull()
        const body = await res.text()
        // Untouched: every variation as the origin wrote it, none shown by the edge.
        expect(body).toContain('data-edgelift-variation="control"')
        expect(body).not.toContain('data-edgelift-shown')
      }
      // A host this location never looked up has no origin to fall back on.
      const unknown = await via(`never-seen-${counter}.test`, '/page', asVisitor('x'))
      expect(unknown.status).toBe(404)
    } finally {
      db.prepare = prepare
      db.batch = batch
    }
  })
})

describe('proxy mode: bandits and rolled-out winners', () => {
  it('shows a rolled-out winner to every visitor and records no exposure', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', HERO)
    const rolled = await admin(site, 'POST', '/experiments/hero/rollout', { variation: 'b' })
    expect(rolled.status).toBe(200)
    for (const visitor of [visitorIn('hero', 0), visitorIn('hero', 1)]) {
      const body = await (await via(host, '/page', asVisitor(visitor))).text()
      expect(body).toMatch(/data-edgelift-variation="b" data-edgelift-shown/)
      expect(body).not.toContain('data-edgelift-variation="control"')
      expect(body).toContain('&quot;rolledOut&quot;:true')
    }
    await new Promise((r) => setTimeout(r, 200))
    const stored = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM events WHERE site_id = ?`,
      site.id,
    )
    expect(stored).toEqual([{ n: 0 }])
  })

  it('keeps a bandit visitor in their stored variation after the weights moved away from it', async () => {
    const { site, host } = await proxiedSite()
    await startExperiment(site, 'hero', { ...HERO, type: 'bandit', bandit: { exploreHours: 0 } })
    const visitors = Array.from({ length: 300 }, (_, i) => `bandit-${i}`)
    await expose(site, 'hero', visitors)
    const stored = await storedVariations(site, 'hero')
    await purchase(
      site,
      visitors.filter((id, i) => (stored.get(id) === 1 ? i % 3 === 0 : i % 30 === 0)),
    )
    const answer = (await (await admin(site, 'POST', '/experiments/hero/reweigh')).json()) as {
      weights: number[]
    }
    expect(answer.weights[1]).toBeGreaterThan(0.9)
    // A control visitor whom the new weights alone would put in b.
    const exp = (await (await admin(site, 'GET', '/experiments/hero')).json()) as Experiment
    const moved = visitors.find(
      (id) =>
        stored.get(id) === 0 &&
        assignVariation({ seed: currentSeed(exp), weights: answer.weights, coverage: 1 }, id) === 1,
    )
    expect(moved).toBeDefined()
    const body = await (await via(host, '/page', asVisitor(moved ?? ''))).text()
    expect(body).toMatch(/data-edgelift-variation="control" data-edgelift-shown/)
    expect(body).not.toContain('data-edgelift-variation="b"')
  })
})
