// The dashboard's experiment pages in real Chromium against a running Worker: the form refuses
// weights that do not add up, an experiment is created, started and fed real traffic through the
// public API, and the results page shows exactly the figures `GET .../results` computes.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser.ts'
import { adminClient, driveTraffic, startExperiment } from './support/traffic.ts'
import type { ResultsResponse } from '../../widget/admin/api/types.ts'
import {
  formatCount,
  formatInterval,
  formatLift,
  formatMoney,
  formatPercent,
  formatProbability,
  formatPValue,
  formatStatistic,
} from '../../widget/admin/lib/format.ts'
import { verdictHeadline, verdictOf } from '../../widget/admin/results/verdict.ts'
import { signedInPage } from './support/dashboard.ts'

const ADMIN_KEY = 'sk_demo'
let browser: Browser
let base: string
const admin = () => adminClient(base, ADMIN_KEY)

beforeAll(async () => {
  base = inject('baseUrl')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

/** A page already signed in (the key goes where the sign-in form puts it: sessionStorage). */
async function signedIn(): Promise<Page> {
  return signedInPage(browser, ADMIN_KEY)
}

const cell = (page: Page, variation: string, col: string) =>
  page.locator(`.results tr[data-variation="${variation}"] [data-col="${col}"]`)

/** Every figure of the results table, the chi-square test and the verdict, against the API's JSON. */
async function expectPageToShow(page: Page, api: ResultsResponse): Promise<void> {
  for (const [i, v] of api.variations.entries()) {
    await expect
      .poll(() => cell(page, v.key, 'visitors').textContent())
      .toBe(formatCount(v.visitors))
    expect(await cell(page, v.key, 'conversions').textContent()).toBe(formatCount(v.conversions))
    expect(await cell(page, v.key, 'rate').textContent()).toBe(formatPercent(v.rate))
    expect(await cell(page, v.key, 'rate-ci').textContent()).toBe(
      formatInterval(v.rateCI, formatPercent),
    )
    expect(await cell(page, v.key, 'revenue').textContent()).toBe(
      formatMoney(v.revenue.perVisitor, 'GBP'),
    )
    if (i === 0) continue
    const cmp = v.vsControl
    expect(await cell(page, v.key, 'lift').textContent()).toBe(formatLift(cmp?.lift))
    expect(await cell(page, v.key, 'lift-ci').textContent()).toBe(
      formatInterval(cmp?.liftCI, formatLift),
    )
    expect(await cell(page, v.key, 'chance').textContent()).toContain(
      formatProbability(cmp?.chanceToBeatControl),
    )
    expect(await cell(page, v.key, 'p-adjusted').textContent()).toBe(
      formatPValue(cmp?.pValueAdjusted),
    )
    expect(await cell(page, v.key, 'p-sequential').textContent()).toBe(
      formatPValue(cmp?.sequentialPValue),
    )
  }
  const stat = (name: string) => page.locator(`[data-stat="${name}"]`).textContent()
  expect(await stat('chi-square')).toBe(formatStatistic(api.test.chiSquare))
  expect(await stat('dof')).toBe(String(api.test.dof))
  expect(await stat('p-value')).toBe(formatPValue(api.test.pValue))
  const verdict = verdictOf(api)
  expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe(verdict.kind)
  expect(await page.locator('[data-verdict] .banner-title').textContent()).toContain(
    verdictHeadline(verdict, api.variations[0]?.key ?? 'control'),
  )
}

describe('the experiment form', () => {
  it('cannot save weights that add up to 90%, and says why', async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/new`)
    const save = page.getByRole('button', { name: 'Create experiment' })
    await save.waitFor()
    // An untouched form is not wrong yet: no list of problems before the admin does anything.
    expect(await page.locator('#save-blocked').count()).toBe(0)
    await page.locator('#exp-key').fill('e2e-ninety')
    await page.locator('#variation-0-weight').fill('40')
    await page.locator('#variation-1-weight').fill('50')
    await expect.poll(() => save.getAttribute('aria-disabled')).toBe('true')
    expect(await page.locator('#weights-sum').textContent()).toContain(
      'Weights add up to 90%; they must add up to 100%.',
    )
    expect(await page.locator('#save-blocked').textContent()).toContain('add up to 90%')
    // Still reachable by keyboard; pressing it moves focus to the reasons and saves nothing.
    await save.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('save-blocked')
    expect(page.url()).toBe(`${base}/admin/experiments/new`)
    await expect(admin()('/v1/admin/experiments/e2e-ninety')).rejects.toThrow(/404/)

    await page.locator('#variation-1-weight').fill('60')
    await expect.poll(() => save.getAttribute('aria-disabled')).toBe(null)
    await page.close()
  })

  it("shows the API's refusal of a duplicate key in the error display", async () => {
    await admin()('/v1/admin/experiments', 'POST', {
      key: 'e2e-taken',
      variations: [
        { key: 'a', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/new`)
    await page.locator('#exp-key').fill('e2e-taken')
    await page.getByRole('button', { name: 'Create experiment' }).click()
    const error = page.locator('#form-error')
    await error.waitFor()
    expect(await error.textContent()).toContain(
      'An experiment with the key e2e-taken already exists.',
    )
    expect(await error.getAttribute('data-error-code')).toBe('experiment_exists')
    await page.close()
  })
})

describe('an experiment from creation to results', () => {
  it('is created in the form, started, and shows the results the API computes', async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/new`)
    await page.locator('#exp-key').fill('e2e-checkout')
    await page.locator('#exp-name').fill('Checkout button copy')
    await page.locator('#variation-1-key').fill('add-to-bag')
    await page.getByLabel('Pages (targeting pattern, optional)').fill('/products/*')
    await page.getByRole('button', { name: 'Create experiment' }).click()
    await page.waitForURL(`${base}/admin/experiments/e2e-checkout`)
    await page.getByRole('heading', { name: 'Checkout button copy', exact: true }).waitFor()

    await page.getByRole('button', { name: 'Start' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Start' }).click()
    await page.locator('.badge.status-running').first().waitFor()
    // Start is gone (Pause took its place): focus lands on the new first action, not the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Pause')
    const stored = await admin()<{ status: string; url: string }>(
      '/v1/admin/experiments/e2e-checkout',
    )
    expect(stored).toMatchObject({ status: 'running', url: '/products/*' })

    const sent = await driveTraffic({
      baseUrl: base,
      publicKey: 'pk_demo',
      experiment: 'e2e-checkout',
      weights: [0.5, 0.5],
      visitorsPerVariation: 400,
      conversionRates: [0.1, 0.2],
      prefix: 'e2e-co',
    })
    expect(sent).toEqual({ exposed: [400, 400], converted: [40, 80] })

    await page.reload()
    await page.locator('table.results').waitFor()
    const api = await admin()<ResultsResponse>('/v1/admin/experiments/e2e-checkout/results')
    expect(api.variations.map((v) => v.visitors)).toEqual([400, 400])
    await expectPageToShow(page, api)
    // One interval bar per treatment, on the shared axis, with its words for screen readers.
    expect(await page.locator('svg[data-lift-bar="interval"]').count()).toBe(1)
    expect(await page.locator('svg[data-lift-bar] desc').first().textContent()).toContain(
      '95% interval',
    )
    expect(await page.locator('[data-banner="srm"]').count()).toBe(0)
    expect(await page.locator('.rate-chart svg[role="img"] path').count()).toBeGreaterThan(0)

    // A stop leaves no action to focus: the page's heading takes focus, not the page itself.
    await page.getByRole('button', { name: 'Stop' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Stop experiment' }).click()
    await page.locator('.badge.status-stopped').first().waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await page.close()
  })
})

describe('results warnings', () => {
  it('shows the SRM banner when the exposures are skewed', async () => {
    const key = 'e2e-skewed'
    const variations = [
      { key: 'control', weight: 0.5 },
      { key: 'treatment', weight: 0.5 },
    ]
    await startExperiment(base, ADMIN_KEY, { key, name: 'Skewed split', variations })
    await driveTraffic({
      baseUrl: base,
      publicKey: 'pk_demo',
      experiment: key,
      weights: [0.5, 0.5],
      visitorsPerVariation: 400,
      conversionRates: [0.1, 0.1],
      // Control loses 40% of its exposures, as a broken tracking call would.
      exposureShare: [0.6, 1],
      prefix: 'e2e-sk',
    })
    const api = await admin()<ResultsResponse>(`/v1/admin/experiments/${key}/results`)
    expect(api.srm.ok).toBe(false)

    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    const banner = page.locator('[data-banner="srm"]')
    await banner.waitFor()
    expect(await banner.getAttribute('role')).toBe('alert')
    expect(await banner.textContent()).toContain('Sample ratio mismatch')
    expect(await banner.textContent()).toContain('control 37.5% / treatment 62.5%')
    await expectPageToShow(page, api)

    await page.goto(`${base}/admin?status=running`)
    const flag = page.locator(`tr[data-experiment="${key}"] [data-col="srm"]`)
    await expect.poll(() => flag.textContent()).toContain('Mismatch')
    await page.close()
  })

  it('shows "Not enough data" below 100 visitors per variation', async () => {
    const key = 'e2e-early'
    await startExperiment(base, ADMIN_KEY, {
      key,
      name: 'Too early',
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
      visitorsPerVariation: 30,
      conversionRates: [0.1, 0.2],
      prefix: 'e2e-ea',
    })
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    const verdict = page.locator('[data-verdict]')
    await verdict.waitFor()
    expect(await verdict.getAttribute('data-verdict')).toBe('not_enough_data')
    expect(await verdict.textContent()).toContain('Not enough data yet')
    await page.close()
  })
})

describe('changing a running experiment', () => {
  it('asks before a weight change starts a new phase, then offers both phases', async () => {
    const key = 'e2e-phases'
    await startExperiment(base, ADMIN_KEY, {
      key,
      name: 'Two phases',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}/edit`)
    await page.locator('.notice').getByText('starts a new phase').waitFor()
    await page.locator('#variation-0-weight').fill('70')
    await page.locator('#variation-1-weight').fill('30')

    await page.getByRole('button', { name: 'Save changes' }).click()
    const dialog = page.getByRole('dialog', { name: 'Start phase 2?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect((await admin()<{ phase: number }>(`/v1/admin/experiments/${key}`)).phase).toBe(1)

    await page.getByRole('button', { name: 'Save changes' }).click()
    await dialog.getByRole('button', { name: 'Save and start phase 2' }).click()
    await page.waitForURL(`${base}/admin/experiments/${key}`)
    const picker = page.getByLabel('Phase', { exact: true })
    await picker.waitFor()
    expect(await picker.locator('option').allTextContents()).toEqual([
      'Phase 1',
      'Phase 2 (current)',
    ])
    await picker.selectOption('1')
    await page.waitForURL(`${base}/admin/experiments/${key}?phase=1`)
    await page.locator('[data-results-phase="1"]').waitFor()
    await page.close()
  })
})
