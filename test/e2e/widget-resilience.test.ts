import type { Browser, ConsoleMessage } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, launchBrowser } from './support/browser.ts'
import {
  admin,
  demoCatalog,
  loaderPath,
  productJsonLd,
  startTestPages,
  storePage,
  strictCsp,
  suiteSite,
  type TestPages,
} from './support/test-pages.ts'

const baseUrl = inject('baseUrl')
const scriptPath = await loaderPath(baseUrl)

let browser: Browser
let pages: TestPages

const BODY = `<main>
  <button id="buy" type="button">Buy</button>
  <h2 id="control" data-edgelift-experiment="resilience" data-edgelift-variation="control">Control</h2>
  <h2 id="b" data-edgelift-experiment="resilience" data-edgelift-variation="b">B</h2>
  <div id="slot" data-edgelift="recs" data-slot="trending" data-title="Popular now"></div>
</main>
<script src="/store.js"></script>`
// The store's own script, served from its origin (a strict CSP allows 'self' only).
const STORE_JS = `document.getElementById('buy').addEventListener('click', () => {
  document.body.dataset.bought = 'yes'
  window.edgelift = window.edgelift || []
  window.edgelift.push(['track', 'add_to_cart', { itemId: 'SKU-1', quantity: 1, price: 3 }])
})`

beforeAll(async () => {
  browser = await launchBrowser()
  pages = await startTestPages(0)
  const site = await suiteSite(baseUrl, inject('persistTo'), 'Widget resilience shop')
  await admin(baseUrl, 'PUT', '/catalog', { items: demoCatalog(pages.url, 'res') }, site.adminKey)
  pages.set('/store.js', { html: STORE_JS, headers: { 'content-type': 'text/javascript' } })
  const head = productJsonLd({
    sku: 'res-1',
    name: 'Blue mug',
    url: `${pages.url}/p/res-1`,
    price: 4,
  })
  pages.set('/strict', {
    html: storePage({ baseUrl, scriptPath, script: site.script, head, body: BODY }),
    headers: strictCsp(baseUrl),
  })
  pages.set('/unknown-site', {
    html: storePage({ baseUrl, scriptPath, body: BODY, script: 'data-site="pk_nosuchsite"' }),
  })
  pages.set('/api-down', {
    html: storePage({
      baseUrl,
      scriptPath,
      body: BODY,
      script: `${site.script} data-api="http://127.0.0.1:9"`,
    }),
  })
})
afterAll(async () => {
  await pages?.close()
  await browser?.close()
})

async function visit(path: string) {
  const context = await browser.newContext()
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { violations: string[] }).violations = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  const page = await context.newPage()
  const pageErrors: Error[] = []
  const warnings: ConsoleMessage[] = []
  page.on('pageerror', (e) => pageErrors.push(e))
  page.on('console', (m) => {
    if (m.text().startsWith('edgelift:')) warnings.push(m)
  })
  await page.goto(`${pages.url}${path}`)
  return { context, page, pageErrors, warnings }
}

describe('under a strict Content-Security-Policy', () => {
  it('renders recommendations and experiments with no violation', async () => {
    const { context, page, pageErrors, warnings } = await visit('/strict')
    await page.locator('edgelift-recs li').first().waitFor()
    await page.locator('[data-edgelift-shown]').waitFor()
    expect((await page.isVisible('#control')) !== (await page.isVisible('#b'))).toBe(true)
    // The shadow root is styled: the list is a grid, the images cover their square.
    const display = await page
      .locator('edgelift-recs ul')
      .evaluate((ul) => getComputedStyle(ul).display)
    expect(display).toBe('grid')
    await page.click('#buy')
    expect(await page.evaluate(() => document.body.dataset.bought)).toBe('yes')
    await page.waitForTimeout(1200)
    expect(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([])
    expect(pageErrors).toEqual([])
    expect(warnings.map((w) => w.text())).toEqual([])
    await page.screenshot({ path: `${ARTIFACTS}/widget-strict-csp.png`, fullPage: true })
    await context.close()
  })
})

describe('a broken configuration', () => {
  for (const [name, path] of [
    ['an unknown site key', '/unknown-site'],
    ['an API that is down', '/api-down'],
  ] as const) {
    it(`leaves the page working with ${name}: control shows, no error escapes`, async () => {
      const { context, page, pageErrors, warnings } = await visit(path)
      await page.locator('#control[data-edgelift-shown]').waitFor()
      expect(await page.isVisible('#b')).toBe(false)
      await page.click('#buy')
      expect(await page.evaluate(() => document.body.dataset.bought)).toBe('yes')
      await page.waitForTimeout(2500)
      expect(pageErrors).toEqual([])
      expect(warnings.length).toBeLessThanOrEqual(1)
      expect(await page.locator('edgelift-recs li').count()).toBe(0)
      await context.close()
    })
  }
})
