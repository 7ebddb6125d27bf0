// Who may see what in the dashboard: signing in with the secret key (never in a URL), a wrong or
// revoked key sent back to sign-in with a clear message, and one site's admin unable to open
// another site's experiment even by typing its URL.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createSite } from '../../scripts/lib/sites.ts'
import { launchBrowser } from './support/browser.ts'
import { adminClient, untilAdminKeyWorks } from './support/traffic.ts'

let browser: Browser
let base: string

beforeAll(async () => {
  base = inject('baseUrl')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

/** A fresh page that records every URL it requests, to prove no key ever travels in one. */
async function watchedPage(): Promise<{ page: Page; urls: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return { page, urls }
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.getByLabel('Secret admin key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

describe('signing in', () => {
  it('signs in with the secret key, keeps it out of every URL, and signs out', async () => {
    const { page, urls } = await watchedPage()
    await page.goto(`${base}/admin`)
    await signIn(page, 'sk_demo')
    await page.getByRole('heading', { name: 'Experiments', exact: true }).waitFor()
    expect(await page.locator('.site-name').textContent()).toBe('Demo store')
    expect(await page.evaluate(() => sessionStorage.getItem('edgelift.adminKey'))).toBe('sk_demo')

    // Navigating in-app keeps the session; a reload too (sessionStorage survives it).
    await page.getByRole('link', { name: 'Settings', exact: true }).click()
    await page.getByRole('heading', { name: 'Settings and install', exact: true }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Settings and install', exact: true }).waitFor()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByLabel('Secret admin key').waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('edgelift.adminKey'))).toBeNull()
    expect(urls.filter((url) => url.includes('sk_'))).toEqual([])
    await page.close()
  })

  it('refuses a wrong key with a clear message', async () => {
    const { page, urls } = await watchedPage()
    await page.goto(`${base}/admin`)
    await signIn(page, 'sk_not_a_real_key')
    const error = page.getByRole('alert')
    await error.waitFor()
    expect(await error.textContent()).toContain('This admin key is not valid')
    expect(await page.getByLabel('Secret admin key').getAttribute('aria-invalid')).toBe('true')
    expect(await page.evaluate(() => sessionStorage.getItem('edgelift.adminKey'))).toBeNull()
    expect(urls.filter((url) => url.includes('sk_'))).toEqual([])

    await signIn(page, 'pk_demo')
    await expect.poll(() => error.textContent()).toContain('not the public key')
    await page.close()
  })

  it('sends a revoked key back to sign-in with the reason', async () => {
    const { page } = await watchedPage()
    await page.goto(`${base}/admin`)
    await page.evaluate(() => sessionStorage.setItem('edgelift.adminKey', 'sk_revoked_meanwhile'))
    await page.goto(`${base}/admin/settings`)
    const error = page.getByRole('alert')
    await error.waitFor()
    expect(await error.textContent()).toContain('This admin key is not valid')
    expect(await page.evaluate(() => sessionStorage.getItem('edgelift.adminKey'))).toBeNull()
    await page.close()
  })
})

describe('tenancy', () => {
  it("does not show site A's experiment to site B's admin, even by URL", async () => {
    const key = 'e2e-site-a-only'
    await adminClient(base, 'sk_demo')('/v1/admin/experiments', 'POST', {
      key,
      name: 'Site A secret test',
      variations: [
        { key: 'a', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    const siteB = await createSite({ name: 'Site B', origins: [], persistTo: inject('persistTo') })
    await untilAdminKeyWorks(base, siteB.adminKey)

    const { page, urls } = await watchedPage()
    await page.goto(`${base}/admin/experiments/${key}`)
    await signIn(page, siteB.adminKey)
    const error = page.getByRole('alert')
    await error.waitFor()
    expect(await error.textContent()).toContain('Not found')
    expect(await error.textContent()).toContain(`The experiment ${key} was not found.`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Experiment not found')
    expect(await page.content()).not.toContain('Site A secret test')

    await page.getByRole('link', { name: 'Experiments' }).first().click()
    await page.getByText('No experiments yet').waitFor()
    expect(urls.filter((url) => url.includes('sk_'))).toEqual([])
    await page.close()
  })
})
