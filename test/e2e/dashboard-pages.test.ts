// The dashboard's other pages in real Chromium: the sample-size calculator (with the API's
// refusal beside the field it names), settings and install snippets, key rotation, the
// recommendations page, keyboard focus, and a 375 px phone without sideways scrolling.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createSite } from '../../scripts/lib/sites.ts'
import { launchBrowser } from './support/browser.ts'
import { driveTraffic, startExperiment, untilAdminKeyWorks } from './support/traffic.ts'
import { signedInPage } from './support/dashboard.ts'

let browser: Browser
let base: string

beforeAll(async () => {
  base = inject('baseUrl')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

async function signedIn(key = 'sk_demo', width = 1280): Promise<Page> {
  return signedInPage(browser, key, { width, height: 800 })
}

describe('the sample-size calculator', () => {
  it('answers the documented example and shows a bad parameter beside its field', async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin/sample-size`)
    const perVariation = page.locator('[data-figure="per-variation"]')
    await expect.poll(() => perVariation.textContent()).toBe('34,363')

    await page.getByLabel('Baseline conversion rate (%)').fill('150')
    const error = page.locator('#ss-baseline-error')
    await error.waitFor()
    // In the field's own units: the API's sentence speaks of fractions (0 to 1).
    expect(await error.textContent()).toContain('above 0 and below 100')
    expect(await page.getByLabel('Baseline conversion rate (%)').getAttribute('aria-invalid')).toBe(
      'true',
    )
    expect(await page.locator('[data-figure="per-variation"]').count()).toBe(0)

    await page.getByLabel('Baseline conversion rate (%)').fill('5')
    await page.getByLabel('Variations (with the control)').fill('11')
    await page.locator('#ss-variations-error').waitFor()
    await page.getByLabel('Variations (with the control)').fill('2')
    // 0.8 typed as a power is 0.8%: the message says percent, not "at least 0.5".
    await page.getByLabel('Power (%)').fill('0.8')
    const power = page.locator('#ss-power-error')
    await power.waitFor()
    expect(await power.textContent()).toContain('from 50 to below 100')
    await page.close()
  })
})

describe('settings and install', () => {
  it('shows the install snippet and its pinned SRI variant', async () => {
    const manifest = (await (await fetch(`${base}/widget/manifest.json`)).json()) as {
      loader: { path: string; integrity: string }
    }
    const page = await signedIn()
    await page.goto(`${base}/admin/settings`)
    const plain = page.locator('[data-snippet="plain"]')
    await plain.waitFor()
    expect(await plain.textContent()).toBe(
      `<script async src="${base}/widget.js" data-site="pk_demo"></script>`,
    )
    const sri = page.locator('[data-snippet="sri"]')
    await sri.waitFor()
    expect(await sri.textContent()).toBe(
      `<script async src="${base}${manifest.loader.path}" integrity="${manifest.loader.integrity}" crossorigin="anonymous" data-site="pk_demo"></script>`,
    )
    await page.close()
  })

  it("refuses an origin with a path, in the API's words", async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin/settings`)
    await page.getByLabel('Allowed origins').fill('https://shop.example/path')
    await page.getByRole('button', { name: 'Save site' }).click()
    const error = page.getByRole('alert').filter({ hasText: 'bare http(s) origin' })
    await error.waitFor()
    expect(await error.textContent()).toContain('must be a bare http(s) origin')
    await page.close()
  })

  it('saves image origins as browsers write them, and names a refused one', async () => {
    const site = await createSite({
      name: 'Image store',
      origins: [],
      persistTo: inject('persistTo'),
    })
    await untilAdminKeyWorks(base, site.adminKey)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${base}/admin/settings`)
    await page.getByLabel('Secret admin key').fill(site.adminKey)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const images = page.getByLabel('Image origins')
    await images.fill('https://cdn.example/img')
    await page.getByRole('button', { name: 'Save site' }).click()
    const error = page.getByRole('alert')
    await error.waitFor()
    expect(await error.textContent()).toContain('The image origin “https://cdn.example/img”')
    await images.fill('HTTPS://CDN.Example/')
    await page.getByRole('button', { name: 'Save site' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await images.inputValue()).toBe('https://cdn.example')
    await page.close()
  })

  it('rotates the admin key, shows the new one once, and keeps the session on it', async () => {
    const site = await createSite({
      name: 'Rotating store',
      origins: [],
      persistTo: inject('persistTo'),
    })
    await untilAdminKeyWorks(base, site.adminKey)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${base}/admin/settings`)
    await page.getByLabel('Secret admin key').fill(site.adminKey)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Rotate admin key' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate key' }).click()
    const shown = page.locator('[data-new-key]')
    await shown.waitFor()
    const newKey = (await shown.textContent()) ?? ''
    expect(newKey).toMatch(/^sk_/)
    // Focus goes to copying the new key, not to the page (the rotate button was busy).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Copy key')
    expect(newKey).not.toBe(site.adminKey)

    const old = await fetch(`${base}/v1/admin/site`, {
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(old.status).toBe(401)
    await page.reload()
    await page.getByRole('heading', { name: 'Settings and install', exact: true }).waitFor()
    expect(await page.locator('[data-new-key]').count()).toBe(0)
    expect(await page.evaluate(() => sessionStorage.getItem('edgelift.adminKey'))).toBe(newKey)
    await page.close()
  })
})

describe('the recommendations page', () => {
  it('shows the model status, or says it is not available, without breaking', async () => {
    const page = await signedIn()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    await page.goto(`${base}/admin/recommendations`)
    await page.getByRole('heading', { name: 'Model', exact: true }).waitFor()
    await expect
      .poll(async () => (await page.locator('.facts, [data-state="not-available"]').count()) > 0)
      .toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('keyboard and small screens', () => {
  it('offers a skip link first and moves focus to the new page heading', async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin`)
    await page.getByRole('heading', { name: 'Experiments', exact: true }).waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.getByRole('link', { name: 'Sample size', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Sample size', exact: true }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-title')
    await page.close()
  })

  it('fits every page into a 375 px phone without sideways scrolling', async () => {
    const key = 'e2e-phone'
    await startExperiment(base, 'sk_demo', {
      key,
      name: 'Phone layout',
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
      conversionRates: [0.1, 0.15],
      prefix: 'e2e-ph',
    })
    const page = await signedIn('sk_demo', 375)
    for (const path of [
      '',
      `/experiments/${key}`,
      `/experiments/${key}/edit`,
      '/experiments/new',
      '/sample-size',
      '/recommendations',
      '/settings',
    ]) {
      await page.goto(`${base}/admin${path}`)
      await page.locator('h1').waitFor()
      await page.waitForLoadState('networkidle')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width, `/admin${path}`).toBeLessThanOrEqual(375)
    }
    await page.close()
  })
})
