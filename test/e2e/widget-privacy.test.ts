import type { Browser, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './support/browser.ts'
import {
  loaderPath,
  productJsonLd,
  startTestPages,
  storePage,
  type TestPages,
} from './support/test-pages.ts'

const baseUrl = inject('baseUrl')
const scriptPath = await loaderPath(baseUrl)

let browser: Browser
let pages: TestPages

beforeAll(async () => {
  browser = await launchBrowser()
  pages = await startTestPages(0)
  const body = `<div data-edgelift="recs" data-slot="personal" data-title="For you"></div>
    <h2 data-edgelift-experiment="gpc-test" data-edgelift-variation="control">Control</h2>
    <a id="next" href="/next">Next page</a>`
  const head = productJsonLd({ sku: 'GPC-1', name: 'Private mug', url: 'http://127.0.0.1/p/gpc-1' })
  pages.set('/gpc', { html: storePage({ baseUrl, scriptPath, head, body }) })
  pages.set('/consent', {
    html: storePage({
      baseUrl,
      scriptPath,
      head,
      body,
      script: 'data-site="pk_demo" data-consent="required"',
    }),
  })
  pages.set('/next', { html: storePage({ baseUrl, scriptPath, body: '<p>Next</p>' }) })
})
afterAll(async () => {
  await pages?.close()
  await browser?.close()
})

describe('Global Privacy Control', () => {
  it('sends no event and stores no identifier, while recommendations still render', async () => {
    const context = await browser.newContext()
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    )
    const page = await context.newPage()
    const requests: Request[] = []
    page.on('request', (r) => requests.push(r))
    await page.goto(`${pages.url}/gpc`)
    await page.locator('[data-edgelift-shown]').waitFor()
    await page.evaluate(() =>
      (window as unknown as { edgelift: unknown[] }).edgelift.push(
        ['track', 'add_to_cart', { itemId: 'GPC-1' }],
        ['consent', true],
      ),
    )
    await page.waitForTimeout(1500)
    await Promise.all([page.waitForURL('**/next'), page.click('#next')])
    await page.waitForTimeout(1500)

    const urls = requests.map((r) => r.url())
    expect(urls.filter((u) => u.includes('/v1/events'))).toEqual([])
    expect(urls.filter((u) => u.includes('/v1/assign'))).toEqual([])
    const recs = urls.filter((u) => u.includes('/v1/recs')).map((u) => new URL(u).searchParams)
    expect(recs.length).toBeGreaterThan(0)
    for (const params of recs) {
      expect(params.get('slot')).toBe('trending')
      expect(params.has('visitorId')).toBe(false)
    }
    expect(await context.cookies(pages.url)).toEqual([])
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])
    await context.close()
  })
})

describe('data-consent="required"', () => {
  it('sends nothing until consent, then the events that waited', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const events: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/v1/events')) events.push(r.postData() ?? '')
    })
    await page.goto(`${pages.url}/consent`)
    await page.locator('[data-edgelift-shown]').waitFor()
    await page.waitForTimeout(1500)
    expect(events).toEqual([])
    expect(await page.evaluate(() => localStorage.getItem('el_vid'))).toBeNull()

    await page.evaluate(() =>
      (window as unknown as { edgelift: unknown[] }).edgelift.push(['consent', true]),
    )
    await expect.poll(() => events.length).toBeGreaterThan(0)
    const sent = events.flatMap((b) => (JSON.parse(b) as { events: { type: string }[] }).events)
    expect(sent.map((e) => e.type)).toContain('view')
    expect(await page.evaluate(() => localStorage.getItem('el_vid'))).toMatch(/^[0-9a-f]{32}$/)
    await context.close()
  })
})
