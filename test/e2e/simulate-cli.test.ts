// `npm run simulate` against a running edgelift: an experiment that targets pages gets its
// traffic (on a page its pattern matches), and purchases count as revenue in the site's currency.
import { execFile } from 'node:child_process'
import { describe, expect, inject, it } from 'vitest'

/**
 * Runs the CLI without blocking this process: a blocked event loop cannot see the dev server
 * close an idle keep-alive socket, and the next fetch then fails on it ("other side closed").
 */
function simulate(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--experimental-strip-types', 'scripts/simulate.ts', ...args],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === 'number' ? err.code : 1) : 0
        resolve({ status, stdout, stderr })
      },
    )
  })
}

const base = inject('baseUrl')
const admin = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${base}/v1/admin${path}`, {
    method,
    headers: { authorization: 'Bearer sk_demo', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

/** A new two-way experiment on the demo site, started: its key begins with `prefix`. */
async function startedExperiment(prefix: string, fields: Record<string, unknown>): Promise<string> {
  const key = `${prefix}-${Date.now().toString(36)}`
  const created = await admin('/experiments', 'POST', {
    key,
    ...fields,
    variations: [
      { key: 'control', weight: 0.5 },
      { key: 'b', weight: 0.5 },
    ],
  })
  expect(created.status).toBe(201)
  expect((await admin(`/experiments/${key}/start`, 'POST')).status).toBe(200)
  return key
}

describe('npm run simulate', () => {
  // Once the demo store's suite has imported the catalog, the simulator also asks for
  // recommendations on every visit: the run takes longer when that suite ran first.
  it(
    'sends traffic to an experiment that targets pages, with revenue in the site’s currency',
    {
      timeout: 120_000,
    },
    async () => {
      const key = await startedExperiment('sim', { url: '/shop/*/item' })
      try {
        const run = await simulate([
          ...['--api', base, '--experiment', key, '--visitors', '40'],
          ...['--baseline', '0.5', '--prefix', key],
        ])
        expect(run.status, run.stderr).toBe(0)
        const out = JSON.parse(run.stdout) as {
          eventsAccepted: number
          truth: { visitors: number; buyers: number }[]
        }
        expect(out.truth.reduce((n, arm) => n + arm.visitors, 0)).toBe(40)
        const buyers = out.truth.reduce((n, arm) => n + arm.buyers, 0)
        expect(buyers).toBeGreaterThan(0)
        const results = (await (await admin(`/experiments/${key}/results`)).json()) as {
          variations: { visitors: number; conversions: number; revenue: { total: number } }[]
        }
        expect(results.variations.reduce((n, v) => n + v.visitors, 0)).toBe(40)
        expect(results.variations.reduce((n, v) => n + v.conversions, 0)).toBe(buyers)
        expect(results.variations.reduce((n, v) => n + v.revenue.total, 0)).toBeGreaterThan(0)
      } finally {
        await admin(`/experiments/${key}/stop`, 'POST')
      }
    },
  )

  // 260 visitors, each assigned, exposed and shown recommendations over HTTP: well over a
  // minute on a loaded 2-core machine.
  it('drives a bandit, reweighing it between visitors', { timeout: 240_000 }, async () => {
    const key = await startedExperiment('simb', { type: 'bandit', bandit: { exploreHours: 0 } })
    try {
      const run = await simulate([
        ...['--api', base, '--experiment', key, '--visitors', '260', '--reweigh-every', '130'],
        ...['--baseline', '0.05', '--lift', '4', '--prefix', key],
      ])
      expect(run.status, run.stderr).toBe(0)
      const out = JSON.parse(run.stdout) as {
        banditUpdates: { afterVisitors: number; updated: boolean; reason?: string }[]
      }
      // After 130 visitors no two variations can both have 100; after 260 (about 130 each) the
      // bandit moves.
      expect(out.banditUpdates).toMatchObject([
        { afterVisitors: 130, updated: false, reason: 'not_enough_visitors' },
        { afterVisitors: 260, updated: true },
      ])
      const results = (await (await admin(`/experiments/${key}/results`)).json()) as {
        bandit: { periods: { visitors: number[] }[]; weights: number[] }
      }
      expect(results.bandit.periods).toHaveLength(2)
      const total = results.bandit.periods.flatMap((p) => p.visitors).reduce((a, b) => a + b, 0)
      expect(total).toBe(260)
      expect(results.bandit.weights[1]).toBeGreaterThan(0.5)
    } finally {
      await admin(`/experiments/${key}/stop`, 'POST')
    }
  })
})
