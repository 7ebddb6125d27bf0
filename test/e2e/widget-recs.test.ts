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
  suiteSite,
  type TestPages,
  waitForRows,
} from './support/test-pages.ts'

const baseUrl = inject('baseUrl')
const persistTo = inject('persistTo')
const scriptPath = await loaderPath(baseUrl)

let browser: Browser
let pages: TestPages
let catalog: CatalogItem[]
let site: Awaited<ReturnType<typeof suiteSite>>

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await launchBrowser()
  pages = await startTestPages(0)
  site = await suiteSite(baseUrl, persistTo, 'Widget recommendations shop')
  catalog = demoCatalog(pages.url, `rec${Date.now().toString(36)}`)
  await admin(baseUrl, 'PUT', '/catalog', { items: catalog }, site.adminKey)
  for (const item of catalog) {
    pages.set(new URL(item.image ?? '').pathname, {
      html: placeholderSvg(item.title),
      headers: { 'content-type': 'image/svg+xml' },
    })
    pages.set(new URL(item.url).pathname, {
      html: storePage({ baseUrl, scriptPath, script: site.script, body: `<p>${item.title}</p>` }),
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
    script: site.script,
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

type RecsAnswer = { recId: string; items: { itemId: string; url: string | null }[] }

async function openProductPage(): Promise<{ page: Page } & RecsAnswer> {
  pages.set('/product', { html: productPage() })
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
  const answer = page.waitForResponse((r) => r.url().includes('/v1/recs'))
  await page.goto(`${pages.url}/product`)
  const body = (await (await answer).json()) as RecsAnswer
  await page.locator('edgelift-recs li').first().waitFor()
  return { page, ...body }
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
    // The screenshot waits for the first image, or for it to fail: the test pages may be slow.
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
    const { page, recId, items } = await openProductPage()
    const visitor = await page.evaluate(() => localStorage.getItem('el_vid'))
    expect(visitor).toMatch(/^[0-9a-f]{32}$/)
    const link = page.locator('edgelift-recs a').first()
    const clicked = await link.getAttribute('href')
    // The click is recorded before the page leaves; where it lands does not matter here.
    await link.click()

    type Row = { type: string; item_id: string | null; rec_id: string | null; visitor_id: string }
    const rows = await waitForRows<Row>(
      persistTo,
      `SELECT type, item_id, rec_id, visitor_id FROM events
        WHERE site_id = ${sqlText(site.siteId)} AND visitor_id = ${sqlText(visitor ?? '')}`,
      (r) => r.some((e) => e.type === 'click') && r.some((e) => e.type === 'view'),
    )
    const click = rows.find((r) => r.type === 'click')
    expect(click).toMatchObject({
      rec_id: recId,
      // The clicked item is found by its URL, which need not end in its id.
      item_id: items.find((item) => item.url === clicked)?.itemId,
    })
    expect(rows.find((r) => r.type === 'view')?.item_id).toBe(catalog[0]?.itemId)
    const impressions = rows.filter((r) => r.type === 'custom' && r.rec_id === recId)
    expect(impressions).toHaveLength(1)
    await page.close()
  })
})

describe('recommendations against a contract-shaped answer', () => {
  it('renders, links and images from any /v1/recs answer that follows docs/api.md', async () => {
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

describe('recommendations in a single-page app', () => {
  it('renders slots the app adds after load, and downloads the UI only once one exists', async () => {
    pages.set('/spa', {
      html: storePage({
        baseUrl,
        scriptPath,
        script: site.script,
        body: '<main id="app"><p>Home</p></main>',
      }),
    })
    const page = await browser.newPage()
    const uiChunks: string[] = []
    const recsRequests: URL[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/widget-ui.js')) uiChunks.push(r.url())
      if (r.url().includes('/v1/recs')) recsRequests.push(new URL(r.url()))
    })
    await page.goto(`${pages.url}/spa`)
    // The loader has run (it stored the visitor id) and the app has been idle a moment.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('el_vid'))).toBeTruthy()
    await page.waitForTimeout(500)
    expect(uiChunks).toEqual([])

    // The app routes to a category page with a trending slot...
    await page.evaluate(() => {
      history.pushState(null, '', '/spa/category')
      const app = document.querySelector('#app') as HTMLElement
      app.innerHTML =
        '<h2>Mugs</h2><div data-edgelift="recs" data-slot="trending" data-n="3"></div>'
    })
    await expect.poll(() => page.locator('edgelift-recs li').count()).toBe(3)
    // ...then to a product page whose similar slot names its item.
    const item = catalog[2]?.itemId ?? ''
    await page.evaluate((id) => {
      history.pushState(null, '', `/spa/p/${id}`)
      const app = document.querySelector('#app') as HTMLElement
      app.innerHTML = `<div data-edgelift="recs" data-slot="similar" data-item="${id}" data-n="2"></div>`
    }, item)
    await expect.poll(() => page.locator('edgelift-recs li').count()).toBe(2)
    expect(uiChunks).toHaveLength(1)
    expect(recsRequests.map((url) => url.searchParams.get('slot'))).toEqual(['trending', 'similar'])
    expect(recsRequests[1]?.searchParams.get('item')).toBe(item)
    // ...then to another product, keeping the page component and changing its slot's item.
    const next = catalog[3]?.itemId ?? ''
    await page.evaluate((id) => {
      history.pushState(null, '', `/spa/p/${id}`)
      const slot = document.querySelector('[data-edgelift="recs"]') as HTMLElement
      slot.dataset.item = id
    }, next)
    await expect.poll(() => recsRequests.length).toBe(3)
    expect(recsRequests[2]?.searchParams.get('item')).toBe(next)
    await expect.poll(() => page.locator('edgelift-recs').count()).toBe(1)
    await expect.poll(() => page.locator('edgelift-recs li').count()).toBe(2)
    await page.close()
  })

  it('asks a similar slot without data-item about the page’s product until the route changes', async () => {
    const [product] = catalog
    pages.set('/spa-product', {
      html: storePage({
        baseUrl,
        scriptPath,
        script: site.script,
        head: productJsonLd({
          sku: product?.itemId ?? '',
          name: 'Blue mug',
          url: product?.url ?? '',
        }),
        body: '<main id="app"></main>',
      }),
    })
    const page = await browser.newPage()
    const items: (string | null)[] = []
    page.on('request', (r) => {
      if (r.url().includes('/v1/recs')) items.push(new URL(r.url()).searchParams.get('item'))
    })
    const addSimilarSlot = () =>
      page.evaluate(() => {
        const slot = document.createElement('div')
        slot.dataset.edgelift = 'recs'
        slot.dataset.slot = 'similar'
        document.querySelector('#app')?.replaceChildren(slot)
      })
    await page.goto(`${pages.url}/spa-product`)
    await expect.poll(() => page.evaluate(() => localStorage.getItem('el_vid'))).toBeTruthy()
    await addSimilarSlot()
    await expect.poll(() => items.length).toBe(1)
    await page.evaluate(() => history.pushState(null, '', '/spa-product/elsewhere'))
    await addSimilarSlot()
    await expect.poll(() => items.length).toBe(2)
    expect(items).toEqual([product?.itemId, null])
    await page.close()
  })
})
