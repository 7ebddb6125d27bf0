// Debian's Chromium driven by playwright-core: headless, sandbox-free (CI runs as root), no
// background networking (this machine has no internet); playwright gives each launch a fresh
// temporary profile.
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  })
}

/** Where screenshots go: test artifacts, never committed. */
export const ARTIFACTS = 'artifacts/screenshots'
