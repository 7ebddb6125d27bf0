// Settings' team section in Chromium: a named key created and shown once, revoked after a
// confirmation, the audit log listing both changes, and the section's own bundle fetched only
// when Settings opens.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser } from 'playwright-core'
import { createSite } from '../../scripts/lib/sites.ts'
import { launchBrowser } from './support/browser.ts'
import { adminClient, untilAdminKeyWorks } from './support/traffic.ts'
import { signInBeforeLoad } from './support/dashboard.ts'

let browser: Browser
let base: string

beforeAll(async () => {
  base = inject('baseUrl')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

function keyStatus(adminKey: string, path = '/v1/admin/site'): Promise<number> {
  return fetch(`${base}${path}`, { headers: { authorization: `Bearer ${adminKey}` } }).then(
    (res) => res.status,
  )
}

describe('Settings: team keys and the audit log', () => {
  it('creates a key shown once, revokes it, and lists both changes', async () => {
    const site = await createSite({
      name: 'Team store',
      origins: [],
      persistTo: inject('persistTo'),
    })
    await untilAdminKeyWorks(base, site.adminKey)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await signInBeforeLoad(context, site.adminKey)
    const page = await context.newPage()
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))

    await page.goto(`${base}/admin`)
    await page.getByRole('heading', { name: 'Experiments', exact: true }).waitFor()
    expect(requested).not.toContain('/admin/team.js')
    await page.getByRole('link', { name: 'Settings', exact: true }).click()
    await page.getByRole('heading', { name: 'Team keys', exact: true }).waitFor()
    expect(requested).toContain('/admin/team.js')
    await page.getByText('No changes yet.').waitFor()

    await page.getByLabel('Key name').fill('Ana')
    await page.getByLabel('Role').selectOption('viewer')
    await page.getByRole('button', { name: 'Create key' }).click()
    const secret = (await page.locator('[data-new-key]').textContent()) ?? ''
    expect(secret).toMatch(/^sk_[0-9a-f]{48}$/)
    await page.getByRole('row', { name: /Ana viewer/ }).waitFor()
    // The key works, as a viewer.
    expect(await keyStatus(secret)).toBe(200)
    const refused = await fetch(`${base}/v1/admin/site`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{"name":"Mine"}',
    })
    expect(refused.status).toBe(403)
    const audit = page.locator('table.audit-log tbody tr')
    await expect.poll(() => audit.first().textContent()).toContain('created')
    expect(await audit.first().textContent()).toContain('"Ana" (viewer)')
    expect(await audit.first().textContent()).toContain('Site key')

    // Shown once: after a reload the secret is nowhere on the page.
    await page.reload()
    await page.getByRole('row', { name: /Ana viewer/ }).waitFor()
    expect(await page.content()).not.toContain(secret)

    await page.getByRole('button', { name: 'Revoke Ana' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click()
    await expect.poll(() => page.getByRole('row', { name: /Ana viewer/ }).count()).toBe(0)
    expect(await keyStatus(secret)).toBe(401)
    await expect.poll(() => audit.first().textContent()).toContain('revoked')
    expect(await audit.count()).toBe(2)
    // The site key is listed and cannot be revoked.
    const siteRow = page.getByRole('row', { name: /Site key \(this session\) editor/ })
    expect(await siteRow.getByRole('button').count()).toBe(0)
    await context.close()
  })

  it('shows the refusal when a name is taken', async () => {
    const site = await createSite({
      name: 'Team store 2',
      origins: [],
      persistTo: inject('persistTo'),
    })
    await untilAdminKeyWorks(base, site.adminKey)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await signInBeforeLoad(context, site.adminKey)
    const page = await context.newPage()
    await page.goto(`${base}/admin/settings`)
    await page.getByRole('heading', { name: 'Team keys', exact: true }).waitFor()
    await adminClient(base, site.adminKey)('/v1/admin/keys', 'POST', { name: 'CI', role: 'editor' })
    await page.getByLabel('Key name').fill('CI')
    await page.getByRole('button', { name: 'Create key' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('A key is already named "CI".')
    await context.close()
  })

  it('says so when the team bundle cannot be fetched, and the rest of Settings works', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await signInBeforeLoad(context, 'sk_demo')
    await context.route('**/admin/team.js', (route) => route.abort())
    const page = await context.newPage()
    await page.goto(`${base}/admin/settings`)
    const alert = page.getByRole('alert').filter({ hasText: 'team section' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain('The team section could not be loaded')
    await page.locator('[data-snippet="plain"]').waitFor()
    await context.close()
  })
})
