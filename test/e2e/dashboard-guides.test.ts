// The dashboard guiding a store owner, in real Chromium against a running Worker: an experiment's
// page gives the markup, tracking call and server-side calls for that experiment (and what it
// gives works when pasted: a store page, a purchase and the calls land in its results); on a
// 390 px phone the results and the experiments list show their deciding figures without sideways
// scrolling; and the results and recommendations pages lead with plain words.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { ResultsResponse } from '../../widget/admin/api/types.ts'
import { trackingSnippet, variationMarkup } from '../../widget/admin/lib/setup-snippets.ts'
import type { ExperimentDetail } from '../../widget/admin/api/types.ts'
import { launchBrowser } from './support/browser.ts'
import { startTestPages, storePage, type TestPages } from './support/test-pages.ts'
import { adminClient, driveTraffic, startExperiment } from './support/traffic.ts'
import { signInBeforeLoad } from './support/dashboard.ts'

let browser: Browser
let base: string
let pages: TestPages
const admin = () => adminClient(base, 'sk_demo')

beforeAll(async () => {
  base = inject('baseUrl')
  browser = await launchBrowser()
  pages = await startTestPages(0)
})
afterAll(async () => {
  await browser.close()
  await pages.close()
})

async function signedIn(width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  const page = await context.newPage()
  await signInBeforeLoad(page, 'sk_demo')
  return page
}

const snippet = (page: Page, name: string) => page.locator(`[data-snippet="${name}"]`)

async function results(key: string): Promise<ResultsResponse> {
  return admin()<ResultsResponse>(`/v1/admin/experiments/${key}/results`)
}

describe('the setup guide', () => {
  it('gives a draft the markup, tracking call and server calls for its own variations, to copy', async () => {
    const key = 'e2e-guide-draft'
    await admin()('/v1/admin/experiments', 'POST', {
      key,
      name: 'Guide draft',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'bold', name: 'Bold button', weight: 0.5 },
      ],
      goal: { event: 'add_to_cart' },
    })
    const exp = await admin()<ExperimentDetail>(`/v1/admin/experiments/${key}`)
    const { currency } = await admin()<{ currency: string }>('/v1/admin/site')
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    const guide = page.locator('details[data-guide="setup"]')
    await guide.waitFor()
    // A draft's next step: open from the start.
    expect(await guide.getAttribute('open')).not.toBeNull()
    await expect.poll(() => snippet(page, 'markup').textContent()).toBe(variationMarkup(exp))
    expect(await snippet(page, 'markup').textContent()).toContain(
      'data-edgelift-experiment="e2e-guide-draft" data-edgelift-variation="bold"',
    )
    // In the site's currency; an add-to-cart goal gets its own call too.
    expect(await snippet(page, 'tracking').textContent()).toBe(trackingSnippet(exp, currency))
    expect(await snippet(page, 'tracking').textContent()).toContain("'add_to_cart'")
    const server = (await page.locator('[data-guide="server"]').textContent()) ?? ''
    expect(server).toContain('POST /v1/assign')
    expect(server).toContain('"experiments": ["e2e-guide-draft"]')
    expect(server).toContain('"type": "exposure", "experiment": "e2e-guide-draft"')

    await page.getByRole('button', { name: 'Copy markup' }).click()
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(variationMarkup(exp))
    await page.getByRole('button', { name: 'Copy tracking' }).click()
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(trackingSnippet(exp, currency))
    await page.context().close()
  })

  it('gives markup and a purchase call that work when pasted into a store page', async () => {
    const key = 'e2e-guide-paste'
    await startExperiment(base, 'sk_demo', {
      key,
      name: 'Guide paste',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'green', weight: 0.5 },
      ],
    })
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    const guide = page.locator('details[data-guide="setup"]')
    await guide.waitFor()
    // Under a running experiment's results it waits folded.
    expect(await guide.getAttribute('open')).toBeNull()
    const markup = (await snippet(page, 'markup').textContent()) ?? ''
    const tracking = (await snippet(page, 'tracking').textContent()) ?? ''
    await page.context().close()

    pages.set('/guide', { html: storePage({ baseUrl: base, body: markup }) })
    const store = await browser.newContext()
    const shop = await store.newPage()
    await shop.goto(`${pages.url}/guide`)
    await expect
      .poll(() => shop.locator(`[data-edgelift-experiment="${key}"]:visible`).count())
      .toBe(1)
    await shop.evaluate(tracking)
    await shop.close() // pagehide sends the batch
    await expect
      .poll(async () => (await results(key)).variations.map((v) => v.visitors).join('+'))
      .toMatch(/^(1\+0|0\+1)$/)
    await expect
      .poll(async () => (await results(key)).variations.reduce((n, v) => n + v.conversions, 0))
      .toBe(1)
    await store.close()
  })

  it('names server calls that assign a visitor and count the exposure', async () => {
    const key = 'e2e-guide-server'
    await startExperiment(base, 'sk_demo', {
      key,
      name: 'Guide server',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    const server = page.locator('[data-guide="server"]')
    await server.waitFor({ state: 'attached' })
    // The two bodies as the guide writes them, with the merchant's values where it leaves "…".
    const [assignBody = '', exposureBody = ''] = await server
      .locator('code')
      .allTextContents()
      .then((codes) => codes.filter((c) => c.startsWith('{')))
    await page.context().close()
    const post = async (path: string, body: string) => {
      const res = await fetch(`${base}/v1/${path}?site=pk_demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      return (await res.json()) as Record<string, unknown>
    }
    const visitor = '"e2e-guide-server-visitor"'
    const assigned = await post('assign', assignBody.replace('…', visitor))
    expect(assigned).toMatchObject({ assignments: { [key]: { phase: 1 } } })
    const exposure = exposureBody.replace(
      '…',
      `"visitorId": ${visitor}, "id": "e2e-guide-exposure"`,
    )
    expect(await post('events', `{ "events": [${exposure}] }`)).toMatchObject({
      accepted: 1,
      rejected: [],
    })
    expect((await results(key)).variations.reduce((n, v) => n + v.visitors, 0)).toBe(1)
  })

  it('is not shown for a stopped experiment', async () => {
    const key = 'e2e-guide-stopped'
    await startExperiment(base, 'sk_demo', {
      key,
      name: 'Guide stopped',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    await admin()(`/v1/admin/experiments/${key}/stop`, 'POST')
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    await page.locator('.badge.status-stopped').first().waitFor()
    expect(await page.locator('[data-guide]').count()).toBe(0)
    await page.context().close()
  })
})

/** Every element matching `selector` lies within the viewport's width, and has a size. */
async function allWithin(page: Page, selector: string, width: number): Promise<string[]> {
  return page.locator(selector).evaluateAll(
    (els, w) =>
      els
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width === 0 || box.left < 0 || box.right > w)
        .map(
          ({ el, box }) =>
            `${el.getAttribute('data-col') ?? el.textContent}: ${box.left}-${box.right}`,
        ),
    width,
  )
}

describe('a 390 px phone', () => {
  it('shows the results and the list with their deciding figures on screen, nothing to scroll sideways', async () => {
    const key = 'e2e-guide-phone'
    await startExperiment(base, 'sk_demo', {
      key,
      name: 'Phone results',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'treatment-with-a-long-key', weight: 0.5 },
      ],
    })
    await driveTraffic({
      baseUrl: base,
      publicKey: 'pk_demo',
      experiment: key,
      weights: [0.5, 0.5],
      visitorsPerVariation: 150,
      conversionRates: [0.1, 0.16],
      prefix: 'e2e-gph',
    })
    const page = await signedIn(390, 844)
    await page.goto(`${base}/admin/experiments/${key}`)
    await page.locator('table.results tbody tr').first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const scroller = page.locator('.table-scroll:has(table.results)')
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const deciding = ['visitors', 'rate', 'lift', 'p-adjusted', 'p-sequential', 'chance'].map(
      (col) => `.results tr[data-variation="treatment-with-a-long-key"] [data-col="${col}"]`,
    )
    for (const selector of deciding) {
      expect(await page.locator(selector).count(), selector).toBe(1)
      expect(await allWithin(page, selector, 390)).toEqual([])
    }
    // Each figure is named beside it: the header row is not on screen to do it.
    const label = await page
      .locator('.results tr[data-variation="treatment-with-a-long-key"] td[data-col="p-adjusted"]')
      .evaluate((td) => getComputedStyle(td, '::before').content)
    expect(label).toBe('"Noise check (end of test)"')

    await page.goto(`${base}/admin?status=running`)
    const row = page.locator(`tr[data-experiment="${key}"]`)
    await expect.poll(() => row.locator('[data-col="srm"]').textContent()).toContain('OK')
    await page.waitForLoadState('networkidle')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const list = page.locator('.table-scroll:has(table.experiments)')
    expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    for (const col of ['days', 'visitors', 'leader', 'srm']) {
      expect(
        await allWithin(page, `tr[data-experiment="${key}"] [data-col="${col}"]`, 390),
      ).toEqual([])
    }
    await page.context().close()
  })
})

describe('plain words', () => {
  const JARGON = /p[‑-]value|holm|sequential|chi-square|χ²|factors|rank\b|svd-/i

  it('leads the results and recommendations pages with them, the terms folded away', async () => {
    const key = 'e2e-guide-words'
    await startExperiment(base, 'sk_demo', {
      key,
      name: 'Plain words',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    await driveTraffic({
      baseUrl: base,
      publicKey: 'pk_demo',
      experiment: key,
      weights: [0.5, 0.5],
      visitorsPerVariation: 120,
      conversionRates: [0.1, 0.2],
      prefix: 'e2e-gw',
    })
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    await page.locator('[data-stat="chi-square"]').waitFor({ state: 'attached' })
    await page.waitForLoadState('networkidle')
    // innerText is what is on screen: a closed <details> keeps its content out of it.
    expect(await page.locator('main').innerText()).not.toMatch(JARGON)
    await page.getByText('In statistical terms').click()
    expect(await page.locator('main').innerText()).toContain('p-value (Holm)')

    await page.goto(`${base}/admin/recommendations`)
    await page.getByRole('heading', { name: 'Model', exact: true }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.locator('main').innerText()).not.toMatch(JARGON)
    await page.context().close()
  })
})
