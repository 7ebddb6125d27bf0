// Who a hostname serves: edgelift's own hostnames (configuration) serve the dashboard and API and
// are never proxied; a store's hostname serves its origin once its DNS proves the claim, and a
// claim by the wrong site never blocks the owner.
import { env } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { dohResolver } from '../../worker/edge/hostname-proof.ts'
import {
  PROOF_FAILURES_ALLOWED,
  recheckHostnames,
} from '../../worker/edge/hostname-verification.ts'
import { admin, call, createSite, errorOf, rows } from './support/api.ts'
import { proveHostname, publishProof, publishTxt, verifyHostnames } from './support/hostnames.ts'

const origin = inject('originUrl')
let counter = 0
const freshHost = (label = 'shop') => `${label}-${++counter}-${Date.now().toString(36)}.test`
const page = { headers: { accept: 'text/html' } }

describe("edgelift's own hostnames", () => {
  it('never proxies its own hostname, even with a proven claim written into D1', async () => {
    const site = await createSite()
    await env.DB.prepare(
      'INSERT INTO site_hostnames (hostname, site_id, verified_at) VALUES (?, ?, ?)',
    )
      .bind('edge.test', site.id, Date.now())
      .run()
    await env.DB.prepare('UPDATE sites SET origin_url = ? WHERE id = ?').bind(origin, site.id).run()
    try {
      const res = await call('/page', page)
      expect(res.status).toBe(404)
      expect(res.headers.get('x-request-target')).toBeNull()
      const dashboard = await call('/admin/')
      expect(dashboard.status).toBe(200)
      expect(await dashboard.text()).toContain('<div id="app"')
      const policy = dashboard.headers.get('content-security-policy') ?? ''
      expect(policy).toContain("script-src 'self'")
      expect(policy).toContain("frame-ancestors 'none'")
    } finally {
      await env.DB.prepare('DELETE FROM site_hostnames WHERE hostname = ?').bind('edge.test').run()
    }
  })

  it('serves the dashboard on its own hostname only: not on a store, not on an unknown host', async () => {
    const site = await createSite()
    const store = freshHost()
    await proveHostname(site, store, origin)
    const proxied = await call('/admin/', page, store)
    expect(proxied.headers.get('x-request-target')).toBe('/admin/')
    const unknown = await call('/admin/', page, freshHost('unknown'))
    expect(unknown.status).toBe(404)
    expect((await errorOf(unknown)).message).toContain('edge.test')
  })

  it('refuses every service-worker script request on its own hostname', async () => {
    const res = await call('/admin/app.js', { headers: { 'service-worker': 'script' } })
    expect(res.status).toBe(403)
    expect((await errorOf(res)).code).toBe('service_worker_refused')
    expect((await call('/admin/app.js')).status).toBe(200)
  })
})

describe("a store's service worker", () => {
  it('is refused when its scope would cover /v1 and /widget, and kept to its directory otherwise', async () => {
    const site = await createSite()
    const store = freshHost()
    await proveHostname(site, store, origin)
    const sw = { headers: { 'service-worker': 'script' } }
    const root = await call('/sw.js', sw, store)
    expect(root.status).toBe(403)
    expect((await errorOf(root)).code).toBe('service_worker_refused')
    const scoped = await call('/app/sw.js', sw, store)
    expect(scoped.status).toBe(200)
    expect(scoped.headers.get('service-worker-allowed')).toBeNull()
    // Fetched as an ordinary script, the origin's answer passes untouched.
    const plain = await call('/sw.js', {}, store)
    expect(plain.headers.get('service-worker-allowed')).toBe('/')
  })
})

describe('hostname proof', () => {
  it('lets the owner claim and prove a name another site claimed first; the other never serves', async () => {
    const b = await createSite()
    const c = await createSite()
    const host = freshHost('shop-c')
    const claim = { originUrl: 'https://origin-b.example', hostnames: [host] }
    expect((await admin(b, 'PUT', '/site/proxy', claim)).status).toBe(200)
    // The owner's claim is not refused, and nobody serves the name before its proof.
    expect(
      (await admin(c, 'PUT', '/site/proxy', { originUrl: origin, hostnames: [host] })).status,
    ).toBe(200)
    expect((await call('/page', page, host)).status).toBe(404)

    await publishProof(host, c)
    const [forB] = await verifyHostnames(b)
    expect(forB).toMatchObject({ hostname: host, verified: false })
    expect(forB?.error).toContain('does not hold')
    const [forC] = await verifyHostnames(c)
    expect(forC).toMatchObject({ hostname: host, verified: true, error: null })
    expect((await call('/page', page, host)).headers.get('x-request-target')).toBe('/page')
  })

  it('says which record to publish, and why a check failed', async () => {
    const site = await createSite()
    const host = `${freshHost()}:8443`
    await admin(site, 'PUT', '/site/proxy', { originUrl: origin, hostnames: [host] })
    const [proof] = await verifyHostnames(site)
    const name = `_edgelift.${host.replace(/:\d+$/, '')}`
    expect(proof?.record.name).toBe(name)
    expect(proof?.record.value).toMatch(/^edgelift-verification=[0-9a-f]{32}$/)
    expect(proof?.error).toBe(`No TXT record ${name} was found.`)
    expect(proof?.verified).toBe(false)

    const failing = `${freshHost()}.servfail.test`
    await admin(site, 'PUT', '/site/proxy', { originUrl: origin, hostnames: [failing] })
    const [broken] = await verifyHostnames(site)
    expect(broken?.error).toMatch(/^The DNS look-up failed/)
  })

  it('moves a proven name to the site the DNS names next, in one step', async () => {
    const first = await createSite()
    const second = await createSite()
    const host = freshHost()
    await proveHostname(first, host, origin)
    await admin(second, 'PUT', '/site/proxy', { originUrl: origin, hostnames: [host] })
    await publishProof(host, second)
    expect((await verifyHostnames(second))[0]?.verified).toBe(true)
    const [old] = (
      (await (await admin(first, 'GET', '/site/proxy')).json()) as {
        verification: { verified: boolean; error: string }[]
      }
    ).verification
    expect(old).toMatchObject({ verified: false, error: 'Another site proved this hostname.' })
  })

  it('keeps a proof when settings are saved again, and drops a hostname taken off the list', async () => {
    const site = await createSite()
    const host = freshHost()
    await proveHostname(site, host, origin)
    const other = freshHost()
    await admin(site, 'PUT', '/site/proxy', { originUrl: origin, hostnames: [host, other] })
    const proofs = await rows<{ hostname: string; verified_at: number | null }>(
      'SELECT hostname, verified_at FROM site_hostnames WHERE site_id = ? ORDER BY hostname',
      site.id,
    )
    expect(proofs.find((p) => p.hostname === host)?.verified_at).not.toBeNull()
    expect(proofs.find((p) => p.hostname === other)?.verified_at).toBeNull()
    await admin(site, 'PUT', '/site/proxy', { originUrl: origin, hostnames: [other] })
    expect((await call('/page', page, host)).status).toBe(404)
  })

  it(`stops serving after ${PROOF_FAILURES_ALLOWED} failed daily re-checks in a row, not before`, async () => {
    const site = await createSite()
    const host = freshHost()
    await proveHostname(site, host, origin)
    await publishTxt(`_edgelift.${host}`, [])
    const db = database(env.DB)
    const resolve = dohResolver(env.HOSTNAME_DOH_URL)
    const day = 24 * 3600_000
    const verifiedOf = async () =>
      (
        await rows<{ verified_at: number | null; failed_checks: number }>(
          'SELECT verified_at, failed_checks FROM site_hostnames WHERE hostname = ?',
          host,
        )
      )[0]
    for (let failures = 1; failures <= PROOF_FAILURES_ALLOWED; failures++) {
      await recheckHostnames(db, resolve, Date.now() + failures * day)
      const row = await verifiedOf()
      expect(row?.failed_checks).toBe(failures)
      expect(row?.verified_at === null).toBe(failures === PROOF_FAILURES_ALLOWED)
    }
    expect((await call('/page', page, host)).status).toBe(404)
    // Published again, the next check proves it again.
    await publishProof(host, site)
    await recheckHostnames(db, resolve, Date.now() + (PROOF_FAILURES_ALLOWED + 1) * day)
    expect((await verifiedOf())?.verified_at).not.toBeNull()
  })
})
