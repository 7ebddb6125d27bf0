// A bandit in the dashboard, in real Chromium against a running Worker: created in the form,
// reweighed with "Reweigh now" as its traffic shows a winner, its weights drawn as a stacked area
// beside P(best) and the conversions gained, the stop recommendation, and "Stop and roll out",
// after which /v1/assign shows the winner to everyone.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser.ts'
import { adminClient, driveTraffic } from './support/traffic.ts'
import type { ExperimentDetail, ResultsResponse } from '../../widget/admin/api/types.ts'
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

describe('a bandit in the dashboard', () => {
  it('is created in the form, reweighed, recommended for stopping and rolled out', async () => {
    const key = 'e2e-bandit'
    const page = await signedInPage(browser, ADMIN_KEY)
    await page.goto(`${base}/admin/experiments/new`)
    await page.locator('#exp-key').fill(key)
    await page.locator('#exp-type').selectOption('bandit')
    // A bandit's weights are its own: the form stops asking for them.
    await expect(page.locator('#variation-0-weight').count()).resolves.toBe(0)
    await page.locator('#bandit-explore').fill('0')
    await page.locator('#bandit-floor').fill('2')
    await page.getByRole('button', { name: 'Create experiment' }).click()
    await page.waitForURL(`${base}/admin/experiments/${key}`)
    const stored = await admin()<ExperimentDetail>(`/v1/admin/experiments/${key}`)
    expect(stored).toMatchObject({
      type: 'bandit',
      bandit: { objective: 'maximize', exploreHours: 0, minWeight: 0.02, stopThreshold: 0.95 },
    })
    await admin()(`/v1/admin/experiments/${key}/start`, 'POST')

    // 150 visitors a variation on the equal split; the treatment converts at 30%, control at 2%.
    await driveTraffic({
      baseUrl: base,
      publicKey: 'pk_demo',
      experiment: key,
      weights: [0.5, 0.5],
      visitorsPerVariation: 150,
      conversionRates: [0.02, 0.3],
      prefix: 'e2e-bandit',
    })
    await page.reload()
    const reweigh = page.getByRole('button', { name: 'Reweigh now' })
    const periods = async () =>
      (await admin()<ResultsResponse>(`/v1/admin/experiments/${key}/results`)).bandit?.periods
        .length
    for (let i = 0; i < 3; i++) {
      await reweigh.click()
      // The message of the previous click is still on screen: each update is awaited by its period.
      await expect.poll(periods).toBe(i + 2)
      await page.getByText('Updated: new visitors get the new weights.').waitFor()
    }

    const panel = page.locator('.bandit-panel')
    await panel.locator('.bandit-weights svg path[data-variation="Treatment"]').waitFor()
    await expect(panel.locator('.bandit-weights svg path').count()).resolves.toBe(2)
    const treatmentRow = panel.locator('.bandit-table tr[data-variation="treatment"]')
    const pBest = Number.parseFloat((await treatmentRow.locator('.p-best').textContent()) ?? '')
    expect(pBest).toBeGreaterThanOrEqual(95)
    await expect(panel.locator('.bandit-gained').textContent()).resolves.toMatch(/gained \d+/)

    const rollOut = panel.getByRole('button', { name: 'Stop and roll out Treatment' })
    await rollOut.click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Stop and roll out Treatment' })
      .click()
    await page.getByText('Rolled out: every visitor is shown').waitFor()
    const after = await admin()<ExperimentDetail>(`/v1/admin/experiments/${key}`)
    expect(after).toMatchObject({ status: 'stopped', winner: 'treatment' })

    const assigned = await fetch(`${base}/v1/assign?site=pk_demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId: 'someone-new', experiments: [key] }),
    })
    expect(await assigned.json()).toMatchObject({
      assignments: { [key]: { variation: 'treatment', rolledOut: true } },
    })
    await page.close()
  }, 60_000)
})
