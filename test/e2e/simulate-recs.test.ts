// `npm run simulate` also shows recommendations, clicks some and buys what was clicked, so the
// dashboard's recommendations page has impressions, clicks and attributed revenue to show.
import { spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createSite } from '../../scripts/lib/sites.ts'
import type { SlotPerformance } from '../../shared/api-types.ts'
import { untilAdminKeyWorks } from './support/traffic.ts'

const base = inject('baseUrl')
let keys: { publicKey: string; adminKey: string }
const admin = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${base}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${keys.adminKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

// A store of its own, with a catalog and no model yet: lists come from the catalog and trending.
beforeAll(async () => {
  keys = await createSite({ name: 'Simulated store', origins: [], persistTo: inject('persistTo') })
  await untilAdminKeyWorks(base, keys.adminKey)
  const items = Array.from({ length: 12 }, (_, i) => ({
    itemId: `SIM-${i}`,
    title: `Simulated product ${i}`,
    url: `https://shop.example/p/${i}`,
    price: 20,
  }))
  expect((await admin('/catalog', 'PUT', { items })).status).toBe(200)
})

async function totals() {
  const res = await admin('/recs/performance')
  expect(res.status).toBe(200)
  const { slots } = (await res.json()) as { slots: SlotPerformance[] }
  const sum = (f: (s: SlotPerformance) => number) => slots.reduce((n, s) => n + f(s), 0)
  return {
    impressions: sum((s) => s.impressions),
    clicks: sum((s) => s.clicks),
    revenue: sum((s) => s.revenue),
    slotsShown: slots.filter((s) => s.impressions > 0).length,
  }
}

describe('npm run simulate and recommendations', () => {
  it('reports impressions and clicks of recommendations, and purchases made from them', async () => {
    const key = `simrecs-${Date.now().toString(36)}`
    const created = await admin('/experiments', 'POST', {
      key,
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    expect(created.status).toBe(201)
    expect((await admin(`/experiments/${key}/start`, 'POST')).status).toBe(200)
    const before = await totals()
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
          '60',
          '--baseline',
          '0.6',
          '--prefix',
          key,
          '--site',
          keys.publicKey,
          '--admin',
          keys.adminKey,
        ],
        { encoding: 'utf8' },
      )
      expect(run.status, run.stderr).toBe(0)
      const out = JSON.parse(run.stdout) as { recommendations: { shown: number; clicked: number } }
      expect(out.recommendations.shown).toBeGreaterThan(40)
      expect(out.recommendations.clicked).toBeGreaterThan(5)
      const after = await totals()
      expect(after.impressions - before.impressions).toBe(out.recommendations.shown)
      expect(after.clicks - before.clicks).toBe(out.recommendations.clicked)
      expect(after.revenue).toBeGreaterThan(before.revenue)
      expect(after.slotsShown).toBeGreaterThanOrEqual(3)
    } finally {
      await admin(`/experiments/${key}/stop`, 'POST')
    }
  })
})
