import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './support/browser.ts'
import {
  admin,
  demoCatalog,
  productJsonLd,
  startTestPages,
  storePage,
  suiteSite,
  type TestPages,
} from './support/test-pages.ts'

const baseUrl = inject('baseUrl')

let browser: Browser
let pages: TestPages

beforeAll(async () => {
  browser = await launchBrowser()
  pages = await startTestPages(0)
  const site = await suiteSite(baseUrl, inject('persistTo'), 'Widget alias shop')
  await admin(baseUrl, 'PUT', '/catalog', { items: demoCatalog(pages.url, 'alias') }, site.adminKey)
  pages.set('/alias', {
    html: storePage({
      baseUrl,
      script: site.script,
      body: '<div data-edgelift="recs" data-slot="trending" data-n="3"></div>',
    }),
  })
  pages.set('/alias-product', {
    html: storePage({
      baseUrl,
      script: site.script,
      head: productJsonLd({ sku: 'alias-1', name: 'Blue mug', url: `${pages.url}/p/alias-1` }),
      body: '<div data-edgelift="recs" data-slot="similar" data-n="3"></div>',
    }),
  })
})
afterAll(async () => {
  await pages?.close()
  await browser?.close()
})

describe('the /widget.js alias', () => {
  it('runs the loader: experiments and events work', async () => {
    const page = await browser.newPage()
    await page.goto(`${pages.url}/alias`)
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('el_vid')))
      .toMatch(/^[0-9a-f]{32}$/)
    await page.close()
  })

  it('imports the UI chunk from beside it, across origins, with no look-up first', async () => {
    const page = await browser.newPage()
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    const chunk = page.waitForResponse((r) => r.url().endsWith('/widget-ui.js'))
    await page.goto(`${pages.url}/alias`)
    const response = await chunk
    expect(new URL(response.url()).origin).toBe(new URL(baseUrl).origin)
    // A module imported from another origin needs exactly one `*`; two (`*, *`) are refused.
    expect(response.headers()['access-control-allow-origin']).toBe('*')
    await page.locator('edgelift-recs li').first().waitFor()
    expect(await page.locator('edgelift-recs li').count()).toBe(3)
    expect(requested.filter((path) => path.startsWith('/widget'))).toEqual([
      '/widget.js',
      '/widget-ui.js',
    ])
    await page.close()
  })

  it('imports the product chunk from beside it: the view is sent, the slot is about it', async () => {
    const page = await browser.newPage()
    const events: { type: string; itemId?: string }[] = []
    page.on('request', (r) => {
      if (!r.url().includes('/v1/events')) return
      events.push(...(JSON.parse(r.postData() ?? '') as { events: typeof events }).events)
    })
    const chunk = page.waitForResponse((r) => r.url().endsWith('/widget-product.js'))
    const recs = page.waitForRequest((r) => r.url().includes('/v1/recs'))
    await page.goto(`${pages.url}/alias-product`)
    expect(new URL((await chunk).url()).pathname).toBe('/widget-product.js')
    // A `similar` slot without data-item asks about the product the page describes.
    expect(new URL((await recs).url()).searchParams.get('item')).toBe('alias-1')
    await expect
      .poll(() => events.find((e) => e.type === 'view'))
      .toMatchObject({ itemId: 'alias-1', product: { title: 'Blue mug' } })
    await page.close()
  })
})
