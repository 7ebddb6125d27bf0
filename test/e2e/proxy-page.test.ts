// Proxy mode in a real browser: a store page served through the Worker on the store's own
// hostname shows the visitor's variation from the first byte — only one variation is in the
// HTML the browser receives — and the experiment causes no layout shift.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createSite, type CreatedSite } from '../../scripts/lib/sites.ts'
import { startOrigin } from '../support/origin-server.ts'
import { launchBrowser } from './support/browser.ts'
import { proveStoreHostname } from './support/store-hostname.ts'

const baseUrl = inject('baseUrl')
const port = new URL(baseUrl).port
const STORE_HOST = `shop.test:${port}`
let browser: Browser
let site: CreatedSite
let origin: Awaited<ReturnType<typeof startOrigin>>

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
}

beforeAll(async () => {
  origin = await startOrigin()
  site = await createSite({ name: 'Proxied store', origins: [], persistTo: inject('persistTo') })
  // The key was written straight into D1; wait until the dev server answers for it.
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${baseUrl}/v1/admin/site`, {
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    if (res.ok) break
    await new Promise((r) => setTimeout(r, 250))
  }
  await proveStoreHostname(site, STORE_HOST, origin.url)
  await admin('POST', '/experiments', {
    key: 'hero',
    variations: [
      { key: 'control', weight: 0.5 },
      { key: 'b', weight: 0.5 },
    ],
  })
  await admin('POST', '/experiments/hero/start')
  // shop.test resolves to this machine, so the Worker sees the store's own Host.
  browser = await launchBrowser([`--host-resolver-rules=MAP shop.test 127.0.0.1`])
})

afterAll(async () => {
  await browser?.close()
  origin?.server.close()
  await admin('PUT', '/site/proxy', { originUrl: null, hostnames: [] }).catch(() => undefined)
})

describe('a store page behind the proxy', () => {
  it('arrives with one variation and shifts no layout', async () => {
    for (const visitor of ['alice-0001', 'bob-0002', 'carol-0003']) {
      const context = await browser.newContext()
      await context.addCookies([{ name: 'el_vid', value: visitor, url: `http://${STORE_HOST}` }])
      const page = await context.newPage()
      await page.addInitScript(() => {
        const shifts: number[] = []
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            shifts.push((entry as PerformanceEntry & { value: number }).value)
        }).observe({ type: 'layout-shift', buffered: true })
        Object.assign(window, { __shifts: shifts })
      })
      const response = await page.goto(`http://${STORE_HOST}/page`)
      const html = (await response?.text()) ?? ''
      const served = [
        ...html.matchAll(/data-edgelift-experiment="hero" data-edgelift-variation="(\w+)"/g),
      ].map((m) => m[1])
      expect(served, visitor).toHaveLength(1)
      expect(html).toContain('data-edgelift-assignments=')
      await page.waitForLoadState('networkidle')
      await expect.poll(() => page.locator('[data-edgelift-experiment="hero"]').count()).toBe(1)
      expect(
        await page
          .locator('[data-edgelift-experiment="hero"]')
          .getAttribute('data-edgelift-variation'),
      ).toBe(served[0])
      const shifts = await page.evaluate(
        () => (window as unknown as { __shifts: number[] }).__shifts,
      )
      expect(shifts.reduce((a, b) => a + b, 0)).toBe(0)
      await context.close()
    }
  })
})
