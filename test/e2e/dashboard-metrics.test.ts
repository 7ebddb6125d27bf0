// Numbers that cannot mislead, in real Chromium against a running Worker: an experiment's other
// metrics added in the form and shown with their intervals, a guardrail the treatment hurts
// warning on the verdict and in the list, and the list saying what the results page says ("Not
// enough data yet", no interval) at a handful of visitors.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser.ts'
import {
  adminClient,
  driveTraffic,
  postEvents,
  startExperiment,
  visitorsByVariation,
} from './support/traffic.ts'
import { REFUNDS_GUARDRAIL } from '../fixtures/metric-definitions.ts'
import type { ExperimentDetail, ResultsResponse } from '../../widget/admin/api/types.ts'
import { formatInterval, formatLift, formatPercent } from '../../widget/admin/lib/format.ts'
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

async function signedIn(): Promise<Page> {
  return signedInPage(browser, ADMIN_KEY)
}

describe('other metrics', () => {
  it('adds a guardrail in the form, shows it with its interval, and warns when it is hurt', async () => {
    const key = 'e2e-guarded'
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/new`)
    await page.locator('#exp-key').fill(key)
    await page.getByRole('button', { name: 'Add a metric' }).click()
    await page.locator('#metric-0-key').fill('refunds')
    await page.locator('#metric-0-event').selectOption('custom')
    await page.locator('#metric-0-name').fill('refund')
    await page.locator('#metric-0-role').selectOption('guardrail')
    await page.locator('#metric-0-better').selectOption('lower')
    await page.getByRole('button', { name: 'Create experiment' }).click()
    await page.waitForURL(`${base}/admin/experiments/${key}`)
    const stored = await admin()<ExperimentDetail>(`/v1/admin/experiments/${key}`)
    expect(stored.metrics).toEqual([REFUNDS_GUARDRAIL])
    await admin()(`/v1/admin/experiments/${key}/start`, 'POST')

    const plan = {
      baseUrl: base,
      publicKey: 'pk_demo',
      experiment: key,
      weights: [0.5, 0.5],
      visitorsPerVariation: 300,
      conversionRates: [0.1, 0.1],
      prefix: 'e2e-gu',
    }
    await driveTraffic(plan)
    // Refunds: 2% of control's visitors, 30% of the treatment's.
    const [control = [], treatment = []] = visitorsByVariation(plan)
    const refunds = [
      ...control.filter((_, i) => i % 50 === 0),
      ...treatment.filter((_, i) => i % 10 < 3),
    ].map((visitorId) => ({
      id: `${visitorId}-refund`,
      type: 'custom',
      name: 'refund',
      visitorId,
    }))
    for (let i = 0; i < refunds.length; i += 100) {
      await postEvents(base, 'pk_demo', refunds.slice(i, i + 100))
    }

    const api = await admin()<ResultsResponse>(`/v1/admin/experiments/${key}/results`)
    const metric = api.metrics[0]
    expect(metric?.worse).toEqual(['treatment'])
    await page.reload()
    const row = (variation: string) =>
      page.locator(`table.metrics tr[data-metric="refunds"][data-variation="${variation}"]`)
    await row('treatment').waitFor()
    for (const v of metric?.variations ?? []) {
      expect(await row(v.key).locator('[data-col="value"]').textContent()).toBe(
        formatPercent(v.value),
      )
    }
    const cmp = metric?.variations[1]?.vsControl
    expect(await row('treatment').locator('[data-col="lift-ci"]').textContent()).toBe(
      formatInterval(cmp?.liftCI, formatLift),
    )
    expect(await row('treatment').textContent()).toContain('significantly worse')
    expect(await page.locator('[data-verdict] [data-guardrail="refunds"]').textContent()).toContain(
      'Guardrail refunds is significantly worse with treatment',
    )

    await page.goto(`${base}/admin?status=running`)
    const verdict = page.locator(`tr[data-experiment="${key}"] [data-col="verdict"]`)
    await expect.poll(() => verdict.textContent()).toContain('Guardrail refunds')
    await page.close()
  })
})

describe('a handful of visitors', () => {
  it('shows no interval, and the list says what the results page says', async () => {
    const key = 'e2e-handful'
    await startExperiment(base, ADMIN_KEY, {
      key,
      name: 'Handful',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'pay-now', weight: 0.5 },
      ],
    })
    await driveTraffic({
      baseUrl: base,
      publicKey: 'pk_demo',
      experiment: key,
      weights: [0.5, 0.5],
      visitorsPerVariation: 3,
      conversionRates: [1 / 3, 2 / 3],
      prefix: 'e2e-hf',
    })
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/${key}`)
    const liftCI = page.locator('.results tr[data-variation="pay-now"] [data-col="lift-ci"]')
    await liftCI.waitFor()
    expect(await liftCI.textContent()).toBe('too early for an interval')
    const headline = await page.locator('[data-verdict] .banner-title').textContent()
    expect(headline).toContain('Not enough data yet')

    await page.goto(`${base}/admin?status=running`)
    const verdict = page.locator(`tr[data-experiment="${key}"] [data-col="verdict"]`)
    await expect.poll(() => verdict.textContent()).toBe('Not enough data yet')
    expect(await page.locator(`tr[data-experiment="${key}"]`).textContent()).not.toContain('+100')
    await page.close()
  })
})
