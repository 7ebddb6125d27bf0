import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { ResultsBreakdown, VisitorTraits } from '../../shared/audience.ts'
import { database } from '../../worker/db/database.ts'
import { decideAudiences } from '../../worker/experiments/audience-decisions.ts'
import { variationIndexOf } from '../../worker/experiments/assign-visitor.ts'
import { requireExperiment } from '../../worker/experiments/experiment-store.ts'
import { wilsonInterval } from '../../worker/stats/wilson.ts'
import {
  admin,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  startExperiment,
  type TestSite,
} from './support/api.ts'

const base: VisitorTraits = {
  intentBand: 'low',
  device: 'desktop',
  visitor: 'new',
  source: 'direct',
}

/**
 * Visitors assigned with these traits, exposed, and buying when `buys`; answers each one's
 * variation index.
 */
async function visit(
  site: TestSite,
  visitors: { id: string; traits: VisitorTraits; buys: boolean }[],
): Promise<Map<string, number>> {
  const db = database(env.DB)
  const exp = await requireExperiment(db, site.id, 'exp')
  for (const { id, traits } of visitors) {
    await decideAudiences(db, site.id, id, [exp], async () => traits, 1)
  }
  const events = visitors.flatMap(({ id, buys }) => [
    { id: eventId(), type: 'exposure', visitorId: id, experiment: 'exp' },
    ...(buys ? [{ id: eventId(), type: 'purchase', visitorId: id, revenue: 10 }] : []),
  ])
  const res = await publicPost(site, '/v1/events', { events })
  expect(res.status).toBe(202)
  return new Map(visitors.map((v) => [v.id, variationIndexOf(exp, v.id)]))
}

async function breakdownOf(site: TestSite, by: string): Promise<ResultsBreakdown> {
  const res = await admin(site, 'GET', `/experiments/exp/results?breakdown=${by}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { breakdown: ResultsBreakdown }).breakdown
}

describe('GET /v1/admin/experiments/{key}/results?breakdown=', () => {
  it('splits each variation by intent band, each cell with its own interval', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const visitors = Array.from({ length: 24 }, (_, i) => ({
      id: `v${i}`,
      traits: { ...base, intentBand: i % 2 === 0 ? ('high' as const) : ('low' as const) },
      buys: i % 4 === 0,
    }))
    const variationOf = await visit(site, visitors)
    const { by, cells } = await breakdownOf(site, 'intent')
    expect(by).toBe('intent')
    expect(cells.map((c) => c.cell)).toEqual(['low', 'high'])
    for (const cell of cells) {
      cell.variations.forEach((figures, index) => {
        const inCell = visitors.filter(
          (v) => v.traits.intentBand === cell.cell && variationOf.get(v.id) === index,
        )
        const bought = inCell.filter((v) => v.buys).length
        expect(figures.visitors).toBe(inCell.length)
        expect(figures.conversions).toBe(bought)
        expect(figures.rateCI).toEqual(wilsonInterval(bought, inCell.length))
      })
      expect(cell.variations[0]?.lift).toBeNull()
    }
    // Only even visitors (high) ever buy.
    const low = cells.find((c) => c.cell === 'low')
    expect(low?.variations.every((v) => v.conversions === 0)).toBe(true)
  })

  it('splits by device, putting visitors without traits under unknown', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    await visit(site, [
      { id: 'phone', traits: { ...base, device: 'mobile' }, buys: true },
      { id: 'tablet', traits: { ...base, device: 'tablet' }, buys: false },
    ])
    // An exposure nobody decided (as the edge proxy records them): counted, traits unknown.
    await publicPost(site, '/v1/events', {
      events: [{ id: eventId(), type: 'exposure', visitorId: 'proxied', experiment: 'exp' }],
    })
    const { cells } = await breakdownOf(site, 'device')
    expect(cells.map((c) => c.cell)).toEqual(['mobile', 'tablet', 'unknown'])
    const total = (cell: string) =>
      cells.find((c) => c.cell === cell)?.variations.reduce((s, v) => s + v.visitors, 0)
    expect([total('mobile'), total('tablet'), total('unknown')]).toEqual([1, 1, 1])
  })

  it('answers results without a breakdown unless one is asked for', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const res = await admin(site, 'GET', '/experiments/exp/results')
    expect(await res.json()).not.toHaveProperty('breakdown')
  })

  it.each(['country', '', 'INTENT', 'intent,device'])(
    'answers 400 invalid_breakdown for breakdown=%s',
    async (by) => {
      const site = await createSite()
      await startExperiment(site, 'exp')
      const res = await admin(site, 'GET', `/experiments/exp/results?breakdown=${by}`)
      await expectRefused(res, 400, 'invalid_breakdown')
    },
  )

  it("answers 404 for another site's experiment", async () => {
    const site = await createSite()
    const other = await createSite()
    await startExperiment(other, 'exp')
    const res = await admin(site, 'GET', '/experiments/exp/results?breakdown=intent')
    await expectRefused(res, 404, 'not_found')
  })
})
