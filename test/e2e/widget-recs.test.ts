import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, launchBrowser } from './support/browser.ts'
import {
  admin,
  type CatalogItem,
  demoCatalog,
  loaderPath,
  placeholderSvg,
  productJsonLd,
  sqlText,
  startTestPages,
  storePage,
  type TestPages,
  waitForRows,
} from './support/test-pages.ts'

const baseUrl = inject('baseUrl')
const persistTo = inject('persistTo')
const scriptPath = await loaderPath(baseUrl)

let browser: Browser
let pages: TestPages
let catalog: CatalogItem[]

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await launchBrowser()
  pages = await startTestPages(0)
  catalog = demoCatalog(pages.url, `rec${Date.now().toString(36)}`)
  await admin(baseUrl, 'PUT', '/catalog', { items: catalog })
  for (const item of catalog) {
    pages.set(new URL(item.image ?? '').pathname, {
      html: placeholderSvg(item.title),
      headers: { 'content-type': 'image/svg+xml' },
    })
    pages.set(new URL(item.url).pathname, {
      html: storePage({ baseUrl, scriptPath, body: `<p>${item.title}</p>` }),
    })
  }
})
afterAll(async () => {
  await pages?.close()
  await browser?.close()
})

/** A product page for the first catalog item with a `similar` slot. */
function productPage(): string {
  const [item] = catalog
  if (!item) throw new Error('no catalog')
  return storePage({
    baseUrl,
    scriptPath,
    head: productJsonLd({
      sku: item.itemId,
      name: item.title,
      url: item.url,
      price: item.price,
      currency: 'USD',
    }),
    body: `<main><h2>${item.title}</h2>
      <div id="slot" data-edgelift="recs" data-slot="similar" data-item="${item.itemId}" data-n="4"
        data-title="You may also like"></div></main>`,
  })
}

async function openProductPage(): Promise<{ page: Page; recId: string }> {
  pages.set('/product', { html: productPage() })
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
  const answer = page.waitForResponse((r) => r.url().includes('/v1/recs'))
  await page.goto(`${pages.url}/product`)
  const body = (await (await answer).json()) as { recId: string }
  await page.locator('edgelift-recs li').first().waitFor()
  return { page, recId: body.recId }
}

describe('recommendations on a product page', () => {
  it('renders the slot’s list inside the shadow root, without the page’s own item', async () => {
    const { page } = await openProductPage()
    const inShadow = await page.evaluate(() => {
      const host = document.querySelector('edgelift-recs')
      const root = host?.shadowRoot
      return {
        items: root?.querySelectorAll('ul > li').length ?? 0,
        lightDomItems: host?.querySelectorAll('li').length ?? 0,
        title: root?.querySelector('h2')?.textContent,
        links: Array.from(root?.querySelectorAll('a') ?? [], (a) => a.getAttribute('href')),
        sheets: root?.adoptedStyleSheets.length,
      }
    })
    expect(inShadow.items).toBeGreaterThan(0)
    expect(inShadow.items).toBeLessThanOrEqual(4)
    expect(inShadow.lightDomItems).toBe(0)
    expect(inShadow.title).toBe('You may also like')
    expect(inShadow.sheets).toBe(1)
    expect(inShadow.links).not.toContain(catalog[0]?.url)
    // Other suites' catalog items may be recommended too; their images need not load.
    await page
      .locator('edgelift-recs img')
      .first()
      .evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined))
    await page.locator('#slot').screenshot({ path: `${ARTIFACTS}/widget-recs-similar.png` })
    await page.setViewportSize({ width: 380, height: 800 })
    await page.locator('#slot').screenshot({ path: `${ARTIFACTS}/widget-recs-narrow.png` })
    await page.close()
  })

  it('records the product view, with its metadata, and a click with its recId in D1', async () => {
    const { page, recId } = await openProductPage()
    const visitor = await page.evaluate(() => localStorage.getItem('el_vid'))
    expect(visitor).toMatch(/^[0-9a-f]{32}$/)
    const link = page.locator('edgelift-recs a').first()
    const clicked = await link.getAttribute('href')
    // The click is recorded before the page leaves; where it lands does not matter here (other
    // suites' items may be recommended too, and their pages may be gone).
    await link.click()

    type Row = { type: string; item_id: string | null; rec_id: string | null; visitor_id: string }
    const rows = await waitForRows<Row>(
      persistTo,
      `SELECT type, item_id, rec_id, visitor_id FROM events
        WHERE site_id = 'site_demo' AND visitor_id = ${sqlText(visitor ?? '')}`,
      (r) => r.some((e) => e.type === 'click') && r.some((e) => e.type === 'view'),
    )
    const click = rows.find((r) => r.type === 'click')
    expect(click).toMatchObject({
      rec_id: recId,
      item_id: new URL(clicked ?? '').pathname.split('/').pop(),
    })
    expect(rows.find((r) => r.type === 'view')?.item_id).toBe(catalog[0]?.itemId)
    const impressions = rows.filter((r) => r.type === 'custom' && r.rec_id === recId)
    expect(impressions).toHaveLength(1)
    await page.close()
  })
})

describe('recommendations against a contract-shaped answer', () => {
  it('renders, links and images from any /v1/recs answer that follows API.md', async () => {
    pages.set('/stubbed', { html: productPage() })
    const page = await browser.newPage()
    await page.route(`${baseUrl}/v1/recs?*`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        contentType: 'application/json',
        body: JSON.stringify({
          recId: 'rec_stub_1',
          slot: 'similar',
          source: 'similar',
          modelVersion: null,
          items: catalog.slice(1, 4).map((item, i) => ({ ...item, score: 1 - i / 10 })),
        }),
      }),
    )
    await page.goto(`${pages.url}/stubbed`)
    await expect.poll(() => page.locator('edgelift-recs li').count()).toBe(3)
    expect(await page.locator('edgelift-recs img').first().getAttribute('loading')).toBe('lazy')
    await page.close()
  })
})
