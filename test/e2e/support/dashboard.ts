// Signing in to the dashboard in the browser suites, as the sign-in page leaves a session: the
// admin key in session storage before the app's script runs.
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { onTestFailed } from 'vitest'
import { ARTIFACTS } from './browser.ts'

/** Every page `target` loads from now on starts signed in with `adminKey`. */
export async function signInBeforeLoad(target: Page | BrowserContext, adminKey: string) {
  await target.addInitScript((k) => sessionStorage.setItem('edgelift.adminKey', k), adminKey)
}

/** A new page of `browser` that starts signed in with `adminKey`. */
export async function signedInPage(
  browser: Browser,
  adminKey: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await browser.newPage({ viewport })
  await signInBeforeLoad(page, adminKey)
  // What the page saw, shown with a screenshot when the test fails: a wait that times out says
  // only what it waited for, not which request failed or what the page showed instead.
  const seen: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${r.request().method()} ${r.url()}`)
  })
  page.on('requestfailed', (r) =>
    seen.push(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`),
  )
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      seen.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`))
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return
    mkdirSync(ARTIFACTS, { recursive: true })
    const shot = `${ARTIFACTS}/failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {})
    console.error(
      `[${task.name}] at ${page.url()}, screenshot ${shot}\n${seen.join('\n') || '(no failed request or console error)'}`,
    )
  })
  return page
}
