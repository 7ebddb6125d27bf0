// The dashboard's origin belongs to edgelift alone, in a real browser: no site can claim the
// dashboard's hostname, a store's hostname serves the store and not the dashboard, and no service
// worker can be registered over the dashboard or over the paths edgelift keeps on a store.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createSite, type CreatedSite } from '../../scripts/lib/sites.ts'
import { proofToken } from '../../worker/edge/hostname-proof.ts'
import { startOrigin } from '../support/origin-server.ts'
import { launchBrowser } from './support/browser.ts'
import { proveStoreHostname } from './support/store-hostname.ts'
import { signInBeforeLoad } from './support/dashboard.ts'

const baseUrl = inject('baseUrl')
const port = new URL(baseUrl).port
const STORE = `sw-shop.test:${port}`
const DASHBOARDS = [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
let browser: Browser
let site: CreatedSite
let origin: Awaited<ReturnType<typeof startOrigin>>

beforeAll(async () => {
  origin = await startOrigin()
  site = await createSite({ name: 'Store B', origins: [], persistTo: inject('persistTo') })
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${baseUrl}/v1/admin/site`, {
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    if (res.ok) break
    await new Promise((r) => setTimeout(r, 250))
  }
  await proveStoreHostname(site, STORE, origin.url)
  browser = await launchBrowser([
    '--host-resolver-rules=MAP sw-shop.test 127.0.0.1',
    // Service workers need a secure context; the test store is plain http on loopback.
    `--unsafely-treat-insecure-origin-as-secure=http://${STORE}`,
  ])
})

afterAll(async () => {
  await browser?.close()
  origin?.server.close()
})

/** What `navigator.serviceWorker.register` made of it: the scope, or the error's name. */
function register(page: Page, script: string, scope?: string): Promise<string> {
  return page.evaluate(
    async ([script, scope]) => {
      try {
        const reg = await navigator.serviceWorker.register(script, scope ? { scope } : undefined)
        return `registered ${new URL(reg.scope).pathname}`
      } catch (err) {
        return `refused: ${(err as Error).name}`
      }
    },
    [script, scope] as const,
  )
}

describe("the dashboard's hostname", () => {
  it('cannot be claimed by a site, whatever host the change arrives on', async () => {
    for (const via of DASHBOARDS) {
      for (const claimed of DASHBOARDS.map((d) => new URL(d).host)) {
        const res = await fetch(`${via}/v1/admin/site/proxy`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ originUrl: origin.url, hostnames: [claimed] }),
        })
        expect(res.status, `${claimed} via ${via}`).toBe(400)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
          'reserved_hostname',
        )
      }
    }
  })

  it('registers no service worker, and a store page cannot reach it', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`http://localhost:${port}/admin/`)
    expect(await register(page, '/admin/app.js')).toMatch(/^refused/)
    expect(await register(page, '/sw.js')).toMatch(/^refused/)
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toHaveLength(0)
    await context.close()
  })
})

describe('Settings → Hostnames', () => {
  it('says where the dashboard lives, and proves a store hostname on "Check now"', async () => {
    const pending = `pending-shop.test:${port}`
    const set = await fetch(`${baseUrl}/v1/admin/site/proxy`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ originUrl: origin.url, hostnames: [STORE, pending] }),
    })
    expect(set.status).toBe(200)
    const context = await browser.newContext()
    const page = await context.newPage()
    await signInBeforeLoad(page, site.adminKey)
    await page.goto(`http://localhost:${port}/admin/settings`)
    await expect
      .poll(() => page.locator('[data-dashboard-host]').textContent())
      .toContain(`localhost:${port}, edgelift's own hostname`)
    const row = page.locator(`[data-hostname="${pending}"]`)
    await expect.poll(() => row.textContent()).toContain('Waiting for proof')
    const record = `_edgelift.pending-shop.test`
    expect(await row.textContent()).toContain(record)
    expect(await page.locator(`[data-hostname="${STORE}"]`).textContent()).toContain('Serving')
    await fetch(`${inject('dohUrl')}/records/${record}`, {
      method: 'PUT',
      body: JSON.stringify([await proofToken(site.siteId)]),
    })
    await page.getByRole('button', { name: 'Check now' }).click()
    await expect.poll(() => row.textContent()).toContain('Serving')
    await context.close()
  })
})

describe("a store's hostname", () => {
  it('serves the store, not the dashboard, at /admin', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const res = await page.goto(`http://${STORE}/admin/`)
    expect(res?.headers()['x-request-target']).toBe('/admin/')
    expect(await page.locator('#app').count()).toBe(0)
    await context.close()
  })

  it("keeps a store's service worker off edgelift's paths", async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`http://${STORE}/page`)
    // At the root its scope would cover /v1 and /widget.js: refused.
    expect(await register(page, '/sw.js')).toMatch(/^refused/)
    // Under a sub-path it works, and the origin's Service-Worker-Allowed cannot widen it.
    expect(await register(page, '/app/sw.js', '/')).toMatch(/^refused/)
    expect(await register(page, '/app/sw.js')).toBe('registered /app/')
    // The widget's file still comes from edgelift on the store's hostname.
    const widget = await page.evaluate(async () => (await fetch('/widget.js')).status)
    expect(widget).toBe(200)
    await context.close()
  })
})
