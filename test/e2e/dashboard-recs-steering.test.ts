// The recommendations page's steering tools in real Chromium: its chunk loads only there, a
// merchant pins and excludes products by name, sees any slot as a shopper would (names, pictures,
// rules applied), and a refused rule is shown without changing anything. `UPDATE_SCREENSHOTS=1`
// writes the README's picture of it under docs/screenshots/; otherwise it goes to artifacts/.
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createSite } from '../../scripts/lib/sites.ts'
import { ARTIFACTS, launchBrowser } from './support/browser.ts'
import { untilAdminKeyWorks } from './support/traffic.ts'
import { signedInPage } from './support/dashboard.ts'

const DIR = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : ARTIFACTS

let browser: Browser
let base: string
let adminKey: string

const PRODUCTS = [
  ['LAMP-1', 'Desk lamp'],
  ['MUG-1', 'Blue mug'],
  ['BOWL-1', 'Fruit bowl'],
  ['VASE-1', 'Glass vase'],
  ['RUG-1', 'Wool rug'],
] as const

beforeAll(async () => {
  base = inject('baseUrl')
  browser = await launchBrowser()
  const site = await createSite({
    name: 'Steered store',
    origins: [],
    persistTo: inject('persistTo'),
  })
  adminKey = site.adminKey
  await untilAdminKeyWorks(base, adminKey)
  const res = await fetch(`${base}/v1/admin/catalog`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      items: PRODUCTS.map(([itemId, title]) => ({
        itemId,
        title,
        url: `${base}/demo/products/${itemId}`,
        image: `${base}/demo/images/${itemId}.svg`,
        price: 12,
      })),
    }),
  })
  expect(res.status).toBe(200)
})
afterAll(async () => {
  await browser.close()
})

async function signedIn(): Promise<{ page: Page; chunks: string[] }> {
  const page = await signedInPage(browser, adminKey, { width: 1280, height: 900 })
  const chunks: string[] = []
  page.on('request', (req) => {
    if (req.url().endsWith('/admin/steering.js')) chunks.push(req.url())
  })
  return { page, chunks }
}

async function addRule(page: Page, itemId: string, slot: string, action: string) {
  await page.locator('#rule-item').fill(itemId)
  await page.locator('#rule-slot').selectOption(slot)
  await page.locator('#rule-action').selectOption(action)
  await page.getByRole('button', { name: 'Add rule' }).click()
}

describe('steering recommendations from the dashboard', () => {
  it('loads its chunk only on the recommendations page', async () => {
    const { page, chunks } = await signedIn()
    await page.goto(`${base}/admin`)
    await page.getByRole('heading', { name: 'Experiments', exact: true }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(chunks).toEqual([])
    await page.getByRole('link', { name: 'Recommendations', exact: true }).click()
    await page.getByRole('heading', { name: 'Steering', exact: true }).waitFor()
    expect(chunks).toHaveLength(1)
    await page.close()
  })

  it('pins and excludes products by name and previews a slot as a shopper sees it', async () => {
    const { page } = await signedIn()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    await page.goto(`${base}/admin/recommendations`)
    await page.getByRole('heading', { name: 'Steering', exact: true }).waitFor()

    // The product field suggests catalog items by name.
    await page.locator('#rule-item').fill('lamp')
    await expect
      .poll(() =>
        page
          .locator('#rule-item-options option')
          .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
      )
      .toEqual(['LAMP-1'])
    expect(await page.locator('#rule-item-options option').textContent()).toBe('Desk lamp')

    await addRule(page, 'LAMP-1', 'trending', 'pin')
    await page.locator('[data-rule="trending:LAMP-1"]').waitFor()
    expect(await page.locator('[data-rule="trending:LAMP-1"]').textContent()).toContain('Desk lamp')
    await addRule(page, 'MUG-1', 'all', 'exclude')
    await page.locator('[data-rule="all:MUG-1"]').waitFor()

    await page.locator('#preview-slot').selectOption('trending')
    await page.getByRole('button', { name: 'Show' }).click()
    const cards = page.locator('[data-preview="trending"] li')
    await cards.first().waitFor()
    const shown = await cards.evaluateAll((items) =>
      items.map((li) => li.getAttribute('data-item')),
    )
    expect(shown[0]).toBe('LAMP-1')
    expect(shown).not.toContain('MUG-1')
    expect(shown.length).toBe(4)
    const first = cards.first()
    expect(await first.locator('.title').textContent()).toBe('Desk lamp')
    expect(await first.locator('.badge').textContent()).toBe('Pinned')
    expect(await first.locator('img').getAttribute('src')).toBe(`${base}/demo/images/LAMP-1.svg`)
    await expect
      .poll(() => first.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0)
    mkdirSync(DIR, { recursive: true })
    await page.getByRole('heading', { name: 'Steering', exact: true }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${DIR}/dashboard-recs-steering.png`, fullPage: true })

    // A product's similar slot: the pin was for trending only; the exclusion is everywhere.
    await page.locator('#preview-slot').selectOption('similar')
    await page.locator('#preview-item').fill('BOWL-1')
    await page.getByRole('button', { name: 'Show' }).click()
    await page.locator('[data-preview="similar"]').waitFor()
    const similar = await page
      .locator('[data-preview="similar"] li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-item')))
    expect(similar).not.toContain('MUG-1')
    expect(similar).not.toContain('BOWL-1')
    expect(await page.locator('[data-preview="similar"] .badge').count()).toBe(0)

    // Removing the exclusion shows the mug again in the preview on screen.
    await page.getByRole('button', { name: /Remove the rule for Blue mug/ }).click()
    await expect
      .poll(() => page.locator('[data-preview="similar"] li[data-item="MUG-1"]').count())
      .toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a refused rule and keeps the saved ones', async () => {
    const { page } = await signedIn()
    await page.goto(`${base}/admin/recommendations`)
    await page.getByRole('heading', { name: 'Steering', exact: true }).waitFor()
    const before = await page.locator('[data-rule]').count()
    await addRule(page, 'NOT-SOLD-HERE', 'all', 'pin')
    await page.getByRole('alert').filter({ hasText: 'Not in this site' }).waitFor()
    expect(await page.locator('[data-rule]').count()).toBe(before)
    const stored = (await (
      await fetch(`${base}/v1/admin/recs/rules`, {
        headers: { authorization: `Bearer ${adminKey}` },
      })
    ).json()) as { rules: unknown[] }
    expect(stored.rules).toHaveLength(before)
    await page.close()
  })
})
