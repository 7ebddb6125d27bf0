import { describe, expect, it } from 'vitest'
import { eventSchema } from '../../../worker/events/event-schema.ts'
import { demoIntentHistory } from '../../../scripts/lib/demo-intent-history.ts'

const options = {
  prefix: 'demo-test',
  visits: 400,
  from: Date.UTC(2026, 10, 1),
  to: Date.UTC(2026, 10, 8),
  catalog: ['85123A', '71053', '84406B'],
  rate: 0.12,
  seed: 5,
}

describe('the demo store’s browsing history for the intent model', () => {
  it('is the same every time, with ids that make a second import a no-op', () => {
    const history = demoIntentHistory(options)
    expect(demoIntentHistory(options).ndjson).toBe(history.ndjson)
    const events = history.ndjson.split('\n').map((line) => JSON.parse(line) as { id: string })
    expect(events).toHaveLength(history.events)
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
  })

  it('writes events the API accepts, each visit in time order inside the window', () => {
    const history = demoIntentHistory(options)
    const events = history.ndjson
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const byVisitor = new Map<string, Record<string, unknown>[]>()
    for (const e of events) {
      expect(eventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true)
      const list = byVisitor.get(String(e.visitorId)) ?? []
      list.push(e)
      byVisitor.set(String(e.visitorId), list)
    }
    expect(byVisitor.size).toBe(options.visits)
    for (const visit of byVisitor.values()) {
      const times = visit.map((e) => Number(e.ts))
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(new Set(times).size).toBe(times.length)
      expect(times[0]).toBeGreaterThanOrEqual(options.from)
      expect(times[0]).toBeLessThanOrEqual(options.to)
      // A buyer's thank-you page comes after the purchase, never before it.
      const purchase = visit.findIndex((e) => e.type === 'purchase')
      const thanks = visit.findIndex((e) => e.path === '/checkout/thank-you')
      if (purchase === -1) expect(thanks).toBe(-1)
      else expect(thanks).toBeGreaterThan(purchase)
    }
  })

  it('buys at about the rate given, and not only where the checkout was reached', () => {
    const history = demoIntentHistory({ ...options, visits: 3000 })
    expect(history.purchases / history.visits).toBeGreaterThan(0.08)
    expect(history.purchases / history.visits).toBeLessThan(0.16)
    const events = history.ndjson
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const reachedCheckout = new Set(
      events.filter((e) => e.path === '/checkout').map((e) => e.visitorId),
    )
    const bought = new Set(events.filter((e) => e.type === 'purchase').map((e) => e.visitorId))
    expect(reachedCheckout.size).toBeGreaterThan(bought.size)
    for (const visitor of bought) expect(reachedCheckout.has(visitor)).toBe(true)
  })
})
