import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './support/browser.ts'
import {
  loaderPath,
  sqlText,
  startExperiment,
  startTestPages,
  storePage,
  type TestPages,
  waitForRows,
} from './support/test-pages.ts'

const baseUrl = inject('baseUrl')
const persistTo = inject('persistTo')
const scriptPath = await loaderPath(baseUrl)
const KEY = `hero-${Date.now().toString(36)}`

let browser: Browser
let pages: TestPages

beforeAll(async () => {
  browser = await launchBrowser()
  pages = await startTestPages(0)
  await startExperiment(baseUrl, KEY)
  // A first request warms the route: the pages' loaders wait only 1 s for their answer, then
  // show control, and the tests compare what shows with the visitor's assignment.
  await assignmentOf('warm-up')
  pages.set('/landing', {
    html: storePage({
      baseUrl,
      scriptPath,
      body: `<p id="always">Always here</p>
        <h2 id="control" data-edgelift-experiment="${KEY}" data-edgelift-variation="control">Fresh coffee</h2>
        <h2 id="b" data-edgelift-experiment="${KEY}" data-edgelift-variation="b">Coffee, roasted today</h2>`,
    }),
  })
  // A single-page app: the marked elements arrive with a route change long after the loader
  // decided, and the app later takes its own nodes away and renders them again.
  pages.set('/app', {
    html: storePage({
      baseUrl,
      scriptPath,
      body: `<main id="root"><p>Home</p></main>
        <script>
          window.route = () => {
            document.getElementById('root').innerHTML =
              '<h2 id="control" data-edgelift-experiment="${KEY}" data-edgelift-variation="control">Fresh coffee</h2>' +
              '<h2 id="b" data-edgelift-experiment="${KEY}" data-edgelift-variation="b">Coffee, roasted today</h2>'
          }
          window.leave = () => {
            const root = document.getElementById('root')
            for (const node of [...root.children]) root.removeChild(node)
          }
        </script>`,
    }),
  })
})
afterAll(async () => {
  await pages?.close()
  await browser?.close()
})

const visitorOf = async (page: Page): Promise<string> =>
  (await page.evaluate(() => localStorage.getItem('el_vid'))) ?? ''

/** The visitor's assignment to the experiment, asked of the API. */
async function assignmentOf(visitorId: string) {
  const res = await fetch(`${baseUrl}/v1/assign?site=pk_demo`, {
    method: 'POST',
    body: JSON.stringify({ visitorId, experiments: [KEY] }),
    headers: { 'content-type': 'application/json' },
  })
  const body = (await res.json()) as {
    assignments: Record<string, { variation: string; index: number }>
  }
  return body.assignments[KEY]
}

/** The visitor's stored exposure events, once at least `expected` have landed (or time is up). */
async function exposuresOf(visitorId: string, expected: number): Promise<number> {
  const [row] = await waitForRows<{ n: number }>(
    persistTo,
    `SELECT count(*) AS n FROM events WHERE site_id = 'site_demo' AND type = 'exposure'
      AND experiment = ${sqlText(KEY)} AND visitor_id = ${sqlText(visitorId)}`,
    (r) => (r[0]?.n ?? 0) >= expected,
  )
  return row?.n ?? 0
}

async function shownVariation(page: Page): Promise<{ control: boolean; b: boolean }> {
  await page.locator('[data-edgelift-shown]').waitFor()
  return { control: await page.isVisible('#control'), b: await page.isVisible('#b') }
}

describe('an experiment on the page', () => {
  it('shows exactly the assigned variation, and records the exposure once', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${pages.url}/landing`)
    const shown = await shownVariation(page)
    expect(shown.control !== shown.b).toBe(true)
    expect(await page.isVisible('#always')).toBe(true)

    const visitorId = await visitorOf(page)
    const expected = await assignmentOf(visitorId)
    expect(shown.b).toBe(expected?.variation === 'b')

    const where = `site_id = 'site_demo' AND experiment_key = ${sqlText(KEY)} AND visitor_id = ${sqlText(visitorId)}`
    const rows = await waitForRows<{ variation: number }>(
      persistTo,
      `SELECT variation FROM assignments WHERE ${where}`,
    )
    expect(rows).toEqual([{ variation: expected?.index }])

    // A second page view shows the same variation; the visitor is still one assignment.
    await page.reload()
    expect(await shownVariation(page)).toEqual(shown)
    expect(await exposuresOf(visitorId, 2)).toBe(2)
    const again = await waitForRows(persistTo, `SELECT variation FROM assignments WHERE ${where}`)
    expect(again).toHaveLength(1)
    await context.close()
  })

  it('gives different visitors both variations across a few visits, and each one only', async () => {
    const seen = new Set<string>()
    // New visitors split 50/50: 20 visits all in one variation is a 1 in 500,000 chance (8 were
    // 1 in 128); the loop ends as soon as both have shown.
    for (let i = 0; i < 20 && seen.size < 2; i++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${pages.url}/landing`)
      const shown = await shownVariation(page)
      expect(shown.control !== shown.b).toBe(true)
      seen.add(shown.b ? 'b' : 'control')
      await context.close()
    }
    expect(seen).toEqual(new Set(['control', 'b']))
  })

  it('decides the elements a single-page app renders after load, hiding but never removing', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const answered = page.waitForResponse((response) => response.url().includes('/v1/assign'))
    await page.goto(`${pages.url}/app`)
    // The loader has its answer, and has decided the (empty) page, before the route renders.
    await answered
    await page.waitForTimeout(300)
    await page.evaluate(() => (window as unknown as { route(): void }).route())
    const shown = await shownVariation(page)
    expect(shown.control !== shown.b).toBe(true)

    const visitorId = await visitorOf(page)
    expect(shown.b).toBe((await assignmentOf(visitorId))?.variation === 'b')
    // The other variation is still the app's node, only hidden: frameworks remove their own.
    const other = shown.b ? '#control' : '#b'
    expect(await page.locator(other).count()).toBe(1)
    expect(await page.isHidden(other)).toBe(true)
    await page.evaluate(() => (window as unknown as { leave(): void }).leave())
    expect(await page.locator('[data-edgelift-experiment]').count()).toBe(0)

    // Back on the route: rendered anew, decided anew, the same variation.
    await page.evaluate(() => (window as unknown as { route(): void }).route())
    expect(await shownVariation(page)).toEqual(shown)
    // One exposure each time the variation is shown; the visitor stays one assignment.
    expect(await exposuresOf(visitorId, 2)).toBe(2)
    await context.close()
  })
})
