// Signing in to the dashboard in the browser suites, as the sign-in page leaves a session: the
// admin key in session storage before the app's script runs.
import type { Browser, BrowserContext, Page } from 'playwright-core'

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
  return page
}
