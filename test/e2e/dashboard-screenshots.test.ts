// Screenshots of the experiments list, a results page and a draft's setup guide at 1280x800, and
// of the results on a 390 px phone, for the README. A store of
// its own gets a realistic mix: a three-way test with two weeks of history, tests fed live
// through the public API (one with a broken split), a stopped and a draft one. Exposures cannot
// be backdated through the API, so the two-week history is written straight into the dev
// server's local D1, in the shape ingestion writes it. `UPDATE_SCREENSHOTS=1` writes the
// committed images under docs/screenshots/; otherwise they go to artifacts/screenshots/.
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser } from 'playwright-core'
import { createSite, type CreatedSite } from '../../scripts/lib/sites.ts'
import { localSql } from '../../scripts/lib/wrangler.ts'
import { ARTIFACTS, launchBrowser } from './support/browser.ts'
import {
  adminClient,
  driveTraffic,
  startExperiment,
  untilAdminKeyWorks,
} from './support/traffic.ts'
import { signInBeforeLoad } from './support/dashboard.ts'

const DAY = 86_400_000
const DIR = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : ARTIFACTS

let browser: Browser
let base: string
let store: CreatedSite

beforeAll(async () => {
  base = inject('baseUrl')
  browser = await launchBrowser()
  store = await createSite({ name: 'Acme Outdoor', origins: [], persistTo: inject('persistTo') })
  await untilAdminKeyWorks(base, store.adminKey)
  mkdirSync(DIR, { recursive: true })
})
afterAll(async () => {
  await browser.close()
})

/** Moves a phase's start (and end) into the past, as if the experiment had run that long. */
function backdatePhase(key: string, startedDaysAgo: number, endedDaysAgo?: number): string {
  const now = Date.now()
  const ended = endedDaysAgo === undefined ? '' : `, ended_at = ${now - endedDaysAgo * DAY}`
  return `UPDATE experiment_phases SET started_at = ${now - startedDaysAgo * DAY}${ended}
    WHERE site_id = '${store.siteId}' AND experiment_key = '${key}' AND phase = 1;`
}

/** Two weeks of a three-way test: 6,000 visitors per arm, rates 5.0% / 6.5% / 5.1%. */
function historySql(key: string): string {
  const start = Date.now() - 14 * DAY
  const perArm = 6000
  return `INSERT INTO assignments (site_id, experiment_key, phase, visitor_id, variation,
      exposed_at, converted_at, conversions, revenue_minor)
    WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < ${perArm * 3 - 1}),
    rows AS (SELECT x, x % 3 AS v, ${start} + (x * ${14 * DAY - 3_600_000}) / ${perArm * 3} AS at,
      CASE x % 3 WHEN 0 THEN 50 WHEN 1 THEN 65 ELSE 51 END AS per_mille FROM n)
    SELECT '${store.siteId}', '${key}', 1, 'seed-' || x, v, at,
      CASE WHEN (x * 7919) % 1000 < per_mille THEN at + (x % 3600) * 1000 END,
      CASE WHEN (x * 7919) % 1000 < per_mille THEN 1 ELSE 0 END,
      CASE WHEN (x * 7919) % 1000 < per_mille THEN 1500 + (x * 104729) % 6000 ELSE 0 END
    FROM rows;`
}

async function seedStore(): Promise<void> {
  const admin = adminClient(base, store.adminKey)
  const two = (a: string, b: string) => [
    { key: a, weight: 0.5 },
    { key: b, weight: 0.5 },
  ]
  const live = (experiment: string, rates: number[], visitors: number, share?: number[]) =>
    driveTraffic({
      baseUrl: base,
      publicKey: store.publicKey,
      experiment,
      weights: [0.5, 0.5],
      visitorsPerVariation: visitors,
      conversionRates: rates,
      ...(share ? { exposureShare: share } : {}),
      prefix: `shot-${experiment.slice(0, 6)}`,
    })

  await startExperiment(base, store.adminKey, {
    key: 'product-gallery',
    name: 'Product page gallery',
    variations: two('control', 'carousel'),
    url: '/products/*',
  })
  await live('product-gallery', [0.07, 0.072], 400)
  await admin('/v1/admin/experiments/product-gallery/stop', 'POST')

  await startExperiment(base, store.adminKey, {
    key: 'checkout-button-copy',
    name: 'Checkout button copy',
    variations: [
      { key: 'control', name: 'Buy now', weight: 0.34 },
      { key: 'add-to-bag', name: 'Add to bag', weight: 0.33 },
      { key: 'buy-it', name: 'Buy it', weight: 0.33 },
    ],
    url: '/products/*',
  })
  await startExperiment(base, store.adminKey, {
    key: 'free-shipping-banner',
    name: 'Free shipping banner',
    variations: two('control', 'banner'),
  })
  await live('free-shipping-banner', [0.08, 0.088], 300)
  await startExperiment(base, store.adminKey, {
    key: 'mobile-menu',
    name: 'Mobile menu',
    variations: two('control', 'drawer'),
    goal: { event: 'add_to_cart' },
  })
  await live('mobile-menu', [0.1, 0.1], 300, [0.7, 1])
  await admin('/v1/admin/experiments', 'POST', {
    key: 'homepage-hero',
    name: 'Homepage hero image',
    variations: two('control', 'lifestyle-photo'),
  })
  localSql(
    [
      historySql('checkout-button-copy'),
      backdatePhase('checkout-button-copy', 14),
      backdatePhase('free-shipping-banner', 5),
      backdatePhase('mobile-menu', 3),
      backdatePhase('product-gallery', 40, 12),
    ].join('\n'),
    inject('persistTo'),
  )
}

describe('dashboard screenshots', () => {
  it('captures the experiments list and a results page at 1280x800', async () => {
    await seedStore()
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await signInBeforeLoad(page, store.adminKey)

    await page.goto(`${base}/admin`)
    await page.locator('tr[data-experiment]').first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.locator('tr[data-experiment]').count()).toBe(5)
    const days = page.locator('tr[data-experiment="checkout-button-copy"] [data-col="days"]')
    expect(await days.textContent()).toBe('14 days')
    expect(
      await page.locator('tr[data-experiment="mobile-menu"] [data-col="srm"]').textContent(),
    ).toContain('Mismatch')
    await page.screenshot({ path: `${DIR}/dashboard-experiments.png` })

    await page.getByRole('link', { name: 'Checkout button copy', exact: true }).click()
    await page.locator('table.results').waitFor()
    await page.locator('.rate-chart svg[role="img"]').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.locator('svg[data-lift-bar="interval"]').count()).toBe(2)
    expect(await page.locator('.rate-chart svg[role="img"] path[stroke-dasharray]').count()).toBe(2)
    await page.locator('#results-title').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: `${DIR}/dashboard-results.png` })

    await page.goto(`${base}/admin/experiments/homepage-hero`)
    await page.locator('details[data-guide="setup"][open]').waitFor()
    await page.locator('details[data-guide="setup"]').screenshot({
      path: `${DIR}/dashboard-setup-guide.png`,
    })
    await page.close()
  })

  it('captures the results on a 390 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await signInBeforeLoad(page, store.adminKey)
    await page.goto(`${base}/admin/experiments/checkout-button-copy`)
    await page.locator('table.results tbody tr').first().waitFor()
    await page.waitForLoadState('networkidle')
    await page.locator('table.results').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: `${DIR}/dashboard-results-phone.png` })
    await page.close()
  })
})
