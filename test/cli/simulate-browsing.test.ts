import { describe, expect, it } from 'vitest'
import { browsingVisits, ENGAGEMENTS, expectedRate } from '../../scripts/lib/simulate-browsing.ts'

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
})
