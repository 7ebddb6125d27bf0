// Whether data arrives, in real Chromium: an experiment's page and Settings say when the last
// exposure and purchase were received and warn of an origin the site refuses; Settings lists
// the proxied hostnames' origins, which are always allowed.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createSite, type CreatedSite } from '../../scripts/lib/sites.ts'
import { launchBrowser } from './support/browser.ts'
import { proveStoreHostname } from './support/store-hostname.ts'
import { postEvents, startExperiment, untilAdminKeyWorks } from './support/traffic.ts'
import { signedInPage } from './support/dashboard.ts'

const base = inject('baseUrl')
let browser: Browser
let site: CreatedSite
const storeHost = `health-${Date.now().toString(36)}.test`

beforeAll(async () => {
  site = await createSite({
    name: 'Health shop',
    origins: ['https://shop.example'],
    persistTo: inject('persistTo'),
  })
  await untilAdminKeyWorks(base, site.adminKey)
  // A proven hostname: only then are its pages the site's own.
  await proveStoreHostname(site, storeHost, 'https://origin.shop.example')
  await startExperiment(base, site.adminKey, {
    key: 'hero',
    name: 'Hero',
    variations: [
      { key: 'control', weight: 0.5 },
      { key: 'b', weight: 0.5 },
    ],
  })
  await postEvents(base, site.publicKey, [
    { id: `exp-${Date.now().toString(36)}`, type: 'exposure', visitorId: 'h1', experiment: 'hero' },
  ])
  // The store's www hostname was never listed: its events are refused.
  const refused = await fetch(`${base}/v1/events?site=${site.publicKey}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: 'https://www.shop.example' },
    body: JSON.stringify({ events: [{ id: 'refused-1', type: 'view', visitorId: 'h2' }] }),
  })
  expect(refused.status).toBe(403)
  // The refusal is tallied after the 403 is sent: the pages below read it once, so wait for it.
  const tallied = async () => {
    const health = await fetch(`${base}/v1/admin/health`, {
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    return ((await health.json()) as { refusals: unknown[] }).refusals.length > 0
  }
  for (const deadline = Date.now() + 15_000; !(await tallied());) {
    if (Date.now() > deadline) throw new Error('the refused event was not tallied within 15 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

async function signedIn(): Promise<Page> {
  return signedInPage(browser, site.adminKey, { width: 1280, height: 900 })
}

describe('the health of a site and its experiments', () => {
  it('shows on the experiment page when data last arrived, and the refused origin', async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin/experiments/hero`)
    const latest = page.locator('[data-health-latest]')
    await expect
      .poll(() => latest.textContent())
      .toMatch(/Last exposure received (just now|\d+ minutes? ago) · last purchase received never/)
    await expect
      .poll(() => page.locator('[data-health-warning="origin_not_allowed"]').textContent())
      .toContain('https://www.shop.example')
    await page.close()
  })

  it('shows the site’s health in Settings, and its proxied pages as always allowed', async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin/settings`)
    await expect
      .poll(() => page.locator('[data-health-warning="origin_not_allowed"]').textContent())
      .toContain('add it in Settings')
    expect(await page.locator('[data-own-origins]').textContent()).toContain(`https://${storeHost}`)
    await page.close()
  })
})
