// The demo store `npm start` serves, in a real browser: seeded with the committed Online Retail
// subset, recommendations render in the shadow root, the buy-button experiment shows one
// variation, and an order placed through the basket lands in D1 as a purchase.
import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seedDemo } from '../../scripts/lib/demo-seed.ts'
import { ARTIFACTS, launchBrowser } from './support/browser.ts'
import { waitForRows } from './support/test-pages.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  await seedDemo(baseUrl, () => {})
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe('the demo store', () => {
  it('shows recommendations and exactly one variation of the buy button on a product page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`)
    })
    // Every console error counts: a browser's own request (the favicon) fails without a
    // response event, and shows only here.
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.goto(`${baseUrl}/demo/products/85123A`)
    await page.locator('edgelift-recs li').first().waitFor()
    const titles = await page.locator('edgelift-recs li').allTextContents()
    expect(titles.length).toBeGreaterThan(2)
    const inShadow = await page.evaluate(
      () =>
        (document.querySelector('edgelift-recs')?.shadowRoot?.querySelectorAll('li').length ?? 0) >
        0,
    )
    expect(inShadow).toBe(true)
    await expect
      .poll(() => page.locator('[data-edgelift-experiment="buy-button"]:visible').count())
      .toBe(1)
    const shot =
      process.env.UPDATE_SCREENSHOTS === '1'
        ? 'docs/screenshots/demo-store.png'
        : `${ARTIFACTS}/demo-store.png`
    mkdirSync(shot.replace(/\/[^/]+$/, ''), { recursive: true })
    await page.screenshot({ path: shot })
    expect(errors, errors.join('\n')).toEqual([])
    await context.close()
  })

  it('follows the host it is opened on: images show and links stay on it', async () => {
    // npm start seeds the catalog through http://localhost:PORT; the demo is opened on 127.0.0.1.
    const seededOn = baseUrl.replace('127.0.0.1', 'localhost')
    await seedDemo(seededOn, () => {})
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const blocked: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') blocked.push(m.text())
      })
      await page.goto(`${baseUrl}/demo/products/85123A`)
      await page.locator('edgelift-recs li').first().waitFor()
      const shown = page.locator('edgelift-recs li img')
      await expect.poll(() => shown.count()).toBeGreaterThan(2)
      await expect
        .poll(() =>
          shown.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)),
        )
        .not.toContain(0)
      const links = await page
        .locator('edgelift-recs li a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
      expect(links.length).toBeGreaterThan(2)
      for (const link of links)
        expect(link.startsWith(`${baseUrl}/demo/products/`), link).toBe(true)
      await page.locator('edgelift-recs li a').first().click()
      await page.waitForURL(`${baseUrl}/demo/products/**`)
      expect(blocked, blocked.join('\n')).toEqual([])
    } finally {
      await context.close()
      await seedDemo(baseUrl, () => {})
    }
  }, 60_000)

  it('takes an order from basket to checkout, and the purchase lands in D1', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/demo/products/85123A`)
    await page.locator('[data-add-to-cart]:visible').click()
    await page.goto(`${baseUrl}/demo/cart`)
    await expect.poll(() => page.locator('table.cart tbody tr').count()).toBe(1)
    await page.locator('edgelift-recs li').first().waitFor()
    await page.goto(`${baseUrl}/demo/checkout`)
    await page.locator('[data-place-order]').click()
    await page.locator('[data-thanks]').waitFor()
    const visitor = (await context.cookies()).find((c) => c.name === 'el_vid')?.value ?? ''
    expect(visitor).not.toBe('')
    await page.close() // pagehide flushes the beacon
    const rows = await waitForRows<{ type: string; revenue_minor: number }>(
      inject('persistTo'),
      `SELECT type, revenue_minor FROM events WHERE site_id = 'site_demo' AND visitor_id = '${visitor.replace(/[^0-9a-f]/g, '')}' AND type IN ('add_to_cart', 'purchase') ORDER BY type`,
      (r) => r.length >= 2,
    )
    expect(rows.map((r) => r.type)).toEqual(['add_to_cart', 'purchase'])
    expect(rows[1]?.revenue_minor).toBe(255)
    await context.close()
  })
})
