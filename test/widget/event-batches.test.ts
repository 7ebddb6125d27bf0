import { describe, expect, it } from 'vitest'
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  splitBatches,
} from '../../widget/loader/event-batches.ts'

const utf8 = (s: string) => new TextEncoder().encode(s).length
const eventsOf = (bodies: string[]) =>
  bodies.flatMap((b) => (JSON.parse(b) as { events: { n: number }[] }).events)

describe('splitBatches', () => {
  it('sends a small batch as one body', () => {
    const bodies = splitBatches([{ n: 1 }, { n: 2 }])
    expect(bodies).toEqual(['{"events":[{"n":1},{"n":2}]}'])
  })

  it('sends nothing for no events', () => {
    expect(splitBatches([]).length).toBeLessThanOrEqual(1)
    expect(eventsOf(splitBatches([]))).toEqual([])
  })

  it('never puts more than 100 events in a body, and keeps every event in order', () => {
    const events = Array.from({ length: 250 }, (_, n) => ({ n }))
    const bodies = splitBatches(events)
    for (const body of bodies) expect(eventsOf([body]).length).toBeLessThanOrEqual(MAX_BATCH_EVENTS)
    expect(eventsOf(bodies)).toEqual(events)
  })

  it('keeps every body within 60 KB of UTF-8, counting multi-byte characters', () => {
    // 90 events of ~2 KB of three-byte characters: ~180 KB in all, under 100 events.
    const events = Array.from({ length: 90 }, (_, n) => ({ n, title: '€'.repeat(700) }))
    const bodies = splitBatches(events)
    expect(bodies.length).toBeGreaterThanOrEqual(3)
    for (const body of bodies) expect(utf8(body)).toBeLessThanOrEqual(MAX_BATCH_BYTES)
    expect(eventsOf(bodies)).toEqual(events)
  })

  it('drops a single event too large to send, and sends the others', () => {
    const events = [{ n: 1 }, { n: 2, blob: 'x'.repeat(MAX_BATCH_BYTES) }, { n: 3 }]
    expect(eventsOf(splitBatches(events)).map((e) => e.n)).toEqual([1, 3])
  })
})
