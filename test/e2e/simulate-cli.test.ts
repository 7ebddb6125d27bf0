// `npm run simulate` against a running edgelift: an experiment that targets pages gets its
// traffic (on a page its pattern matches), and purchases count as revenue in the site's currency.
import { spawnSync } from 'node:child_process'
import { describe, expect, inject, it } from 'vitest'

const base = inject('baseUrl')
const admin = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${base}/v1/admin${path}`, {
    method,
    headers: { authorization: 'Bearer sk_demo', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

describe('npm run simulate', () => {
  it('sends traffic to an experiment that targets pages, with revenue in the site’s currency', async () => {
    const key = `sim-${Date.now().toString(36)}`
    const created = await admin('/experiments', 'POST', {
      key,
      url: '/shop/*/item',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    expect(created.status).toBe(201)
    expect((await admin(`/experiments/${key}/start`, 'POST')).status).toBe(200)
    try {
      const run = spawnSync(
        process.execPath,
        [
          '--experimental-strip-types',
          'scripts/simulate.ts',
          '--api',
          base,
          '--experiment',
          key,
          '--visitors',
          '40',
          '--baseline',
          '0.5',
          '--prefix',
          key,
        ],
        { encoding: 'utf8' },
      )
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
  })
})
