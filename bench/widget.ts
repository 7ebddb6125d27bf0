/**
 * The storefront widget: gzipped sizes of the loader and its UI and product chunks against their
 * budgets, and on a product page in headless Chromium, the time from DOMContentLoaded to the
 * recommendations being visible (the loader imports the product and UI chunks at once), on
 * loopback and with 100 ms added to every request, with
 * the page's own DOMContentLoaded compared with and without the widget (the async loader must not
 * hold the page back). Medians of several cold loads, each in a fresh
 * browser context, alternating with and without the widget so noise hits both alike.
 */
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../test/e2e/support/browser.ts'
import { productJsonLd, startTestPages, storePage } from '../test/e2e/support/test-pages.ts'
import {
  LOADER_BUDGET,
  PRODUCT_BUDGET,
  UI_BUDGET,
  widgetBundleSizes,
} from '../test/widget/support/bundle-sizes.ts'
import { median, progress, type Row } from './lib/report.ts'
import { interleavedRounds } from './lib/rounds.ts'

const LOADS = 9
/** A mobile connection's round trip, added to every request of the slow-network loads. */
const ROUND_TRIP_MS = 100

type Keys = { site: string; admin: string }
type Timing = { dcl: number; recs: number | null }

export async function benchWidget(
  baseUrl: string,
  keys: Keys = { site: 'pk_demo', admin: 'sk_demo' },
): Promise<Row[]> {
  progress('widget: bundle sizes, then product page loads in headless Chromium')
  const rows = sizeRows(await widgetBundleSizes())
  const pages = await startTestPages(0)
  const browser = await launchBrowser()
  try {
    const item = await someItem(baseUrl, keys, pages.url)
    const manifest = (await (await fetch(`${baseUrl}/widget/manifest.json`)).json()) as {
      loader: { path: string }
    }
    const page = (script: string | null) =>
      storePage({
        baseUrl,
        scriptPath: manifest.loader.path,
        script,
        head: productJsonLd({ sku: item, name: 'Benchmark product', url: `${pages.url}/product` }),
        body: `<main><h2>Benchmark product</h2><p>${'Product description. '.repeat(40)}</p>
          <div data-edgelift="recs" data-slot="similar" data-item="${item}" data-n="8"
            data-title="You may also like"></div></main>`,
      })
    pages.set('/with', { html: page(`data-site="${keys.site}"`) })
    pages.set('/without', { html: page(null) })

    await load(browser, `${pages.url}/with`, true) // warm-up: wrangler's isolate, Chromium
    const loads = await interleavedRounds(LOADS, {
      withWidget: () => load(browser, `${pages.url}/with`, true),
      without: () => load(browser, `${pages.url}/without`, false),
      slowNetwork: () => load(browser, `${pages.url}/with`, true, ROUND_TRIP_MS),
    })
    rows.push(...loadRows(loads))
  } finally {
    await browser.close()
    await pages.close()
  }
  return rows
}

function sizeRows(sizes: Awaited<ReturnType<typeof widgetBundleSizes>>): Row[] {
  return [
    sizeRow('widget loader (gzip -9)', sizes.loader.gzipped, LOADER_BUDGET, sizes.loader.bytes),
    sizeRow(
      'widget UI chunk, Preact included (gzip -9)',
      sizes.ui.gzipped,
      UI_BUDGET,
      sizes.ui.bytes,
    ),
    sizeRow(
      'widget product chunk, JSON-LD reading (gzip -9)',
      sizes.product.gzipped,
      PRODUCT_BUDGET,
      sizes.product.bytes,
    ),
  ]
}

function loadRows({
  withWidget,
  without,
  slowNetwork,
}: Record<'withWidget' | 'without' | 'slowNetwork', Timing[]>): Row[] {
  const toRecs = median(withWidget.map((t) => (t.recs ?? NaN) - t.dcl))
  const toRecsSlow = median(slowNetwork.map((t) => (t.recs ?? NaN) - t.dcl))
  const dclWith = median(withWidget.map((t) => t.dcl))
  const dclWithout = median(without.map((t) => t.dcl))
  return [
    {
      name: 'widget: DOMContentLoaded → recommendations visible',
      value: toRecs,
      unit: 'ms',
      note: `median of ${LOADS} cold loads (fresh context each) of a product page with a similar slot of 8, from a local wrangler dev: loader, product chunk, UI chunk and GET /v1/recs`,
    },
    {
      name: `widget: DOMContentLoaded → recommendations visible, ${ROUND_TRIP_MS} ms round trips`,
      value: toRecsSlow,
      unit: 'ms',
      note: `the same loads with Chromium adding ${ROUND_TRIP_MS} ms to every request (CDP network emulation), as on a mobile connection: ${(toRecsSlow / ROUND_TRIP_MS).toFixed(1)} round trips after DOMContentLoaded, for the loader (async, still on its way at DOMContentLoaded), both chunks at once, then GET /v1/recs`,
    },
    {
      name: 'widget: product page DOMContentLoaded',
      value: dclWith,
      unit: 'ms',
      baseline: { name: 'same page without the widget', value: dclWithout },
      ratio: dclWith / dclWithout,
      note: 'the loader is async and never blocks parsing, but it runs as soon as it arrives, which on loopback can be before DOMContentLoaded; its files come from a wrangler dev sharing the 2 cores with the browser',
    },
  ]
}

function sizeRow(name: string, gzipped: number, budget: number, raw: number): Row {
  return {
    name,
    value: gzipped,
    unit: 'B',
    target: { text: `<= ${budget} B`, met: gzipped <= budget },
    note: `${raw} B minified`,
  }
}

/** An item of the site's catalog to be "similar" to; a small catalog is made when it has none. */
async function someItem(baseUrl: string, keys: Keys, pagesUrl: string): Promise<string> {
  const trending = async () => {
    const res = await fetch(`${baseUrl}/v1/recs?site=${keys.site}&slot=trending&n=2`)
    return res.ok ? ((await res.json()) as { items: { itemId: string }[] }).items : []
  }
  let items = await trending()
  if (items.length < 2) {
    const catalog = Array.from({ length: 12 }, (_, i) => ({
      itemId: `bench-${i}`,
      title: `Benchmark item ${i}`,
      url: `${pagesUrl}/p/bench-${i}`,
      price: 5 + i,
      currency: 'USD',
    }))
    await fetch(`${baseUrl}/v1/admin/catalog`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: catalog }),
    })
    items = await trending()
  }
  const item = items[0]?.itemId
  if (!item) throw new Error(`no catalog items for ${keys.site} at ${baseUrl}`)
  return item
}

/** One cold load; times are ms since navigation start, taken inside the page. */
async function load(
  browser: Browser,
  url: string,
  withRecs: boolean,
  latencyMs = 0,
): Promise<Timing> {
  const context = await browser.newContext()
  await context.addInitScript(() => {
    const marks = window as unknown as { benchDcl?: number; benchRecs?: number }
    document.addEventListener('DOMContentLoaded', () => {
      marks.benchDcl = performance.now()
    })
    // The first frame in which a recommended item has a size on screen.
    const check = () => {
      const item = document.querySelector('edgelift-recs')?.shadowRoot?.querySelector('li')
      if (item && item.getBoundingClientRect().height > 0) marks.benchRecs = performance.now()
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
  const page = await context.newPage()
  if (latencyMs > 0) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
  }
  await page.goto(url, { waitUntil: 'load' })
  if (withRecs) {
    await page.waitForFunction(() => 'benchRecs' in window, null, { timeout: 15_000 })
  }
  const timing = await page.evaluate(() => {
    const marks = window as unknown as { benchDcl?: number; benchRecs?: number }
    return { dcl: marks.benchDcl ?? NaN, recs: marks.benchRecs ?? null }
  })
  await context.close()
  return timing
}
