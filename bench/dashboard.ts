/**
 * The admin dashboard's weight and speed: the gzipped size of what the browser downloads before
 * the first page runs (public/admin/app.js with the chunks it imports statically, and app.css, as
 * `npm run build` leaves them; the other pages' chunks, Settings' team.js and the recommendations
 * page's steering.js are fetched later and only reported), and the time to interactive of
 * a results page in headless Chromium — from navigation start until the results table is on
 * screen and the main thread answers the next task and frame. Median of several cold loads (a
 * fresh browser context each, so nothing comes from the HTTP cache).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { STEERING_CHUNK } from '../widget/admin/steering/chunk.ts'
import { launchBrowser } from '../test/e2e/support/browser.ts'
import { median, progress, type Row } from './lib/report.ts'

const BUNDLE_BUDGET_BYTES = 30 * 1024
const TTI_TARGET_MS = 1500
const LOADS = 7
const ADMIN_KEY = process.env.EDGELIFT_ADMIN_KEY ?? 'sk_demo'

function gzippedBytes(path: string): { raw: number; gzipped: number } {
  const bytes = readFileSync(path)
  return { raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length }
}

/**
 * A script and every chunk it imports statically, transitively: what the browser must fetch
 * before it runs. Dynamic `import()`s (the other pages) are left out.
 */
function withStaticImports(path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return []
  seen.add(path)
  const text = readFileSync(path, 'utf8')
  const dir = path.slice(0, path.lastIndexOf('/') + 1)
  for (const m of text.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) {
    const target = m[1]
    if (target) withStaticImports(join(dir, target), seen)
  }
  return [...seen]
}

function gzippedFiles(paths: string[]): { raw: number; gzipped: number } {
  return paths
    .map((p) => gzippedBytes(p))
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzipped: a.gzipped + b.gzipped }))
}

/** The first running experiment of the demo site: the page the timing loads. */
async function runningExperiment(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/admin/experiments?status=running`, {
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
  })
  if (!res.ok) throw new Error(`listing experiments answered ${res.status}: ${await res.text()}`)
  const { experiments } = (await res.json()) as { experiments: { key: string }[] }
  const first = experiments[0]
  if (!first) throw new Error('the demo site has no running experiment to load results for')
  return first.key
}

/** Milestones recorded in the page: when the results table appeared, and when it was responsive. */
type Milestones = { rendered: number; interactive: number }

// Runs before the app's own script. performance.now() counts from navigation start.
const RECORD_MILESTONES = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('table.results tbody tr')) return
    observer.disconnect()
    const rendered = performance.now()
    // A queued task and the next frame only run once the main thread is free again.
    setTimeout(() => requestAnimationFrame(() => {
      window.__dashboardMilestones = { rendered, interactive: performance.now() }
    }), 0)
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

async function timeToInteractive(baseUrl: string): Promise<{ runs: Milestones[]; key: string }> {
  const key = await runningExperiment(baseUrl)
  const browser = await launchBrowser()
  const runs: Milestones[] = []
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      await context.addInitScript((k) => sessionStorage.setItem('edgelift.adminKey', k), ADMIN_KEY)
      await context.addInitScript(RECORD_MILESTONES)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/admin/experiments/${encodeURIComponent(key)}`)
      const handle = await page.waitForFunction(
        () => (window as unknown as { __dashboardMilestones?: unknown }).__dashboardMilestones,
        undefined,
        { timeout: 30_000 },
      )
      const milestones = (await handle.jsonValue()) as Milestones
      // The first load warms wrangler dev's isolate and the browser itself; it is not counted.
      if (i > 0) runs.push(milestones)
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return { runs, key }
}

export async function benchDashboard(baseUrl: string): Promise<Row[]> {
  let js: { raw: number; gzipped: number }
  let css: { raw: number; gzipped: number }
  let team: { raw: number; gzipped: number }
  let steering: { raw: number; gzipped: number }
  try {
    js = gzippedFiles(withStaticImports('public/admin/app.js'))
    css = gzippedBytes('public/admin/app.css')
    team = gzippedBytes('public/admin/team.js')
    steering = gzippedBytes(`public${STEERING_CHUNK.path}`)
  } catch {
    throw new Error('public/admin/app.js is missing: run `npm run build` first')
  }
  const total = js.gzipped + css.gzipped
  progress(`dashboard: ${LOADS} timed loads of a results page in headless Chromium`)
  const { runs, key } = await timeToInteractive(baseUrl)
  const interactive = median(runs.map((r) => r.interactive))
  const rendered = median(runs.map((r) => r.rendered))
  const spread = runs.map((r) => r.interactive)
  return [
    {
      name: 'dashboard first load, gzipped (app.js with its static chunks + app.css)',
      value: total,
      unit: 'B',
      target: { text: '< 30 KB', met: total < BUNDLE_BUDGET_BYTES },
      note: `app.js and its static chunks ${js.gzipped} B gzipped (${js.raw} B minified), each other page a chunk of its own fetched after the first page; app.css ${css.gzipped} B gzipped (${css.raw} B); not counted, fetched only by their pages: team.js ${team.gzipped} B gzipped (Settings), steering ${steering.gzipped} B gzipped (${steering.raw} B, Recommendations)`,
    },
    {
      name: `dashboard results page, time to interactive (median of ${LOADS})`,
      value: interactive,
      unit: 'ms',
      target: { text: `< ${TTI_TARGET_MS} ms`, met: interactive < TTI_TARGET_MS },
      note: `experiment ${key}; results table on screen at ${rendered.toFixed(0)} ms (median); interactive from ${Math.min(...spread).toFixed(0)} to ${Math.max(...spread).toFixed(0)} ms; cold browser context per load, wrangler dev on loopback`,
    },
  ]
}
