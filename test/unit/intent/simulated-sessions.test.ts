import { describe, expect, it } from 'vitest'
import { featureVector } from '../../../worker/intent/features.ts'
import { DEFAULT_BOOSTING, trainBoosting } from '../../../worker/intent/gradient-boosting.ts'
import { rocAuc } from '../../../worker/intent/metrics.ts'
import { sessionRecord } from '../../../worker/intent/session-record.ts'
import type { SessionEvent } from '../../../worker/intent/sessions.ts'
import { compileEnsemble, ensembleLogit } from '../../../worker/intent/tree-ensemble.ts'
import {
  browsingVisits,
  ENGAGEMENTS,
  expectedRate,
} from '../../../scripts/lib/simulate-browsing.ts'

describe('the simulation’s browsing', () => {
  it('keeps each arm’s true rate: the purchase factors average 1 over the shares', () => {
    expect(ENGAGEMENTS.reduce((s, e) => s + e.share, 0)).toBeCloseTo(1, 12)
    expect(expectedRate(0.05)).toBeCloseTo(0.05, 12)
    // A factor past 1 is capped: the expectation says so rather than the nominal rate.
    expect(expectedRate(0.5)).toBeCloseTo(0.4 * 0.05 + 0.4 * 0.4 + 0.2 * 1, 12)
  })

  it('makes buyers browse more product pages and cart more than visitors who do not buy', () => {
    let n = 0
    const visit = browsingVisits({ seed: 7, eventId: () => `e${n++}` })
    const tally = { buyers: [0, 0, 0], others: [0, 0, 0] }
    let draw = 0.5
    for (let i = 0; i < 5000; i++) {
      const v = visit(`v${i}`, 'SKU1', ['SKU1', 'SKU2', 'SKU3'])
      // A deterministic low-discrepancy draw: this test is about the factors, not a generator.
      draw = (draw + 0.6180339887) % 1
      const group = draw < Math.min(1, 0.1 * v.buyFactor) ? tally.buyers : tally.others
      group[0] = (group[0] ?? 0) + 1
      group[1] = (group[1] ?? 0) + v.events.filter((e) => e.pageKind === 'product').length
      group[2] = (group[2] ?? 0) + v.events.filter((e) => e.type === 'add_to_cart').length
    }
    const [buyers = 0, buyerProducts = 0, buyerCarts = 0] = tally.buyers
    const [others = 0, otherProducts = 0, otherCarts = 0] = tally.others
    expect(buyers).toBeGreaterThan(100)
    expect(buyerProducts / buyers).toBeGreaterThan(2 * (otherProducts / others))
    expect(buyerCarts / buyers).toBeGreaterThan(3 * (otherCarts / others))
  })

  it('sends page views the API accepts: a path and a known kind', () => {
    const visit = browsingVisits({ seed: 1, eventId: () => 'e' })
    for (let i = 0; i < 200; i++)
      for (const e of visit(`v${i}`, undefined, []).events.filter((e) => e.type === 'page_view')) {
        expect(String(e.path)).toMatch(/^\//)
        expect(['product', 'category', 'cart', 'checkout', 'content', 'home']).toContain(e.pageKind)
      }
  })

  it('gives sessions a model learns purchase intent from (the features edgelift computes)', () => {
    let n = 0
    const visit = browsingVisits({ seed: 3, eventId: () => `e${n++}` })
    const x: Float64Array[] = []
    const y: number[] = []
    let draw = 0.5
    for (let i = 0; i < 3000; i++) {
      const v = visit(`v${i}`, 'SKU1', ['SKU1', 'SKU2', 'SKU3', 'SKU4'])
      // Stored events as the features read them, 20 s apart (server time).
      const events: SessionEvent[] = v.events.map((e, j) => ({
        id: String(e.id),
        type: String(e.type),
        at: j * 20_000,
        itemId: typeof e.itemId === 'string' ? e.itemId : null,
        recId: null,
        orderId: null,
        revenueMinor: null,
        path: typeof e.path === 'string' ? e.path : null,
        pageKind: typeof e.pageKind === 'string' ? e.pageKind : null,
        referrer: null,
        utm: null,
      }))
      const session = { start: 0, end: events.at(-1)?.at ?? 0, events }
      const record = sessionRecord(session, {
        pageRates: new Map(),
        returning: false,
        pastPurchases: 0,
        lastPurchaseAt: null,
        operatingSystem: Number.NaN,
        browser: Number.NaN,
        region: Number.NaN,
      })
      draw = (draw + 0.6180339887) % 1
      x.push(featureVector(record))
      y.push(draw < Math.min(1, 0.15 * v.buyFactor) ? 1 : 0)
    }
    const half = x.length / 2
    const model = compileEnsemble(
      trainBoosting(x.slice(0, half), y.slice(0, half), { ...DEFAULT_BOOSTING, trees: 30 }),
    )
    const scores = x.slice(half).map((row) => ensembleLogit(model, row))
    // Buying is random given the engagement, so even a perfect model stays well below 1.
    expect(rocAuc(y.slice(half), scores)).toBeGreaterThan(0.75)
  })
})
