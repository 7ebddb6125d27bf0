// A small store with two tastes: "garden" buyers and "kitchen" buyers, so a working model must
// recommend garden items to garden buyers and kitchen items to kitchen buyers.
import { expect } from 'vitest'
import { admin, call as fetchWorker, createSite, type TestSite } from './api.ts'

export const GARDEN = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6']
export const KITCHEN = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6']

export function catalogItem(itemId: string, inStock = true) {
  return {
    itemId,
    title: `Item ${itemId}`,
    url: `https://shop.example/p/${itemId}`,
    price: 10,
    currency: 'USD',
    inStock,
  }
}

/**
 * NDJSON history: 20 visitors per taste, each buying 3-4 items of their taste over the days from
 * `daysAgo` on.
 */
export function historyNdjson(daysAgo = 20): string {
  const lines: string[] = []
  const day = 86_400_000
  const start = Date.now() - daysAgo * day
  for (const [taste, items] of [
    ['g', GARDEN],
    ['k', KITCHEN],
  ] as const) {
    for (let v = 0; v < 20; v++) {
      const bought = items.filter((_, i) => (i + v) % 3 !== 0).slice(0, 4)
      bought.forEach((itemId, i) => {
        lines.push(
          JSON.stringify({
            type: 'purchase',
            visitorId: `${taste}-buyer-${v}`,
            itemId,
            ts: start + (v + i) * 3_600_000,
            revenue: 10,
          }),
        )
      })
    }
  }
  return lines.join('\n')
}

export async function seedStore(
  site: TestSite,
  options: { outOfStock?: string[] } = {},
): Promise<void> {
  const out = new Set(options.outOfStock ?? [])
  const catalog = await admin(site, 'PUT', '/catalog', {
    items: [...GARDEN, ...KITCHEN].map((id) => catalogItem(id, !out.has(id))),
  })
  if (catalog.status !== 200) throw new Error(await catalog.text())
  const imported = await importText(site, historyNdjson(), 'ndjson')
  if (imported.status !== 200) throw new Error(await imported.text())
}

export function importText(
  site: TestSite,
  text: string,
  format: string,
  contentType = 'application/x-ndjson',
  dates?: string,
) {
  const query = `format=${format}${dates === undefined ? '' : `&dates=${dates}`}`
  return fetchWorker(`/v1/admin/import/events?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': contentType },
    body: text,
  })
}

/** The opaque visitor id an import stores this customer under on the site (the admin route). */
export async function visitorIdOf(site: TestSite, customerId: string): Promise<string> {
  const res = await admin(site, 'POST', '/import/visitor-ids', { customerIds: [customerId] })
  expect(res.status, await res.clone().text()).toBe(200)
  const body = (await res.json()) as { visitorIds: { customerId: string; visitorId: string }[] }
  const [entry] = body.visitorIds
  if (entry?.customerId !== customerId) throw new Error(`no visitor id for ${customerId}`)
  return entry.visitorId
}

export async function train(site: TestSite): Promise<Response> {
  return admin(site, 'POST', '/recs/train?wait=true')
}

/** A new site with the two-taste store seeded and a model trained on it. */
export async function trainedStore(options: { outOfStock?: string[] } = {}): Promise<TestSite> {
  const site = await createSite()
  await seedStore(site, options)
  const res = await train(site)
  expect(res.status, await res.clone().text()).toBe(200)
  return site
}

/** Marks a training run as started `agoMs` ago and never finished, as a run in progress (or one
 * the Worker's limits killed) leaves it; answers the mark. */
export async function markRunStarted(site: TestSite, agoMs: number): Promise<number> {
  const startedAt = Date.now() - agoMs
  const { env } = await import('cloudflare:workers')
  await env.DB.prepare(
    'INSERT INTO rec_status (site_id, training_started_at, updated_at) VALUES (?, ?, ?)',
  )
    .bind(site.id, startedAt, startedAt)
    .run()
  return startedAt
}
