import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

describe('the running Worker in a real browser', () => {
  it('serves the widget alias as a static asset with CORS and a short cache', async () => {
    const page = await browser.newPage()
    const res = await page.goto(`${inject('baseUrl')}/widget.js`)
    expect(res?.status()).toBe(200)
    expect(res?.headers()['access-control-allow-origin']).toBe('*')
    expect(res?.headers()['cache-control']).toBe('public, max-age=300')
    await page.close()
  })
})
