import { describe, expect, it } from 'vitest'
import { ByteBudgetCache } from '../../../worker/cache/byte-budget-cache.ts'

const cache = (maxBytes: number) => new ByteBudgetCache<Uint8Array>(maxBytes, (v) => v.byteLength)

describe('ByteBudgetCache', () => {
  it('keeps entries while they fit, then evicts the least recently used', () => {
    const c = cache(100)
    c.set('a', new Uint8Array(40))
    c.set('b', new Uint8Array(40))
    expect(c.get('a')?.byteLength).toBe(40) // a is now the most recent
    c.set('c', new Uint8Array(40))
    expect(c.get('b')).toBeUndefined()
    expect(c.get('a')).toBeDefined()
    expect(c.get('c')).toBeDefined()
    expect(c.bytes).toBe(80)
  })

  it('evicts as many small entries as one large one needs, however many there are', () => {
    const c = cache(1_000)
    for (let i = 0; i < 200; i++) c.set(`small-${i}`, new Uint8Array(5))
    c.set('large', new Uint8Array(900))
    expect(c.bytes).toBeLessThanOrEqual(1_000)
    expect(c.get('large')).toBeDefined()
    expect(c.get('small-199')).toBeDefined()
    expect(c.get('small-0')).toBeUndefined()
  })

  it('replaces an entry under the same key, and does not keep one over the whole budget', () => {
    const c = cache(100)
    c.set('a', new Uint8Array(60))
    c.set('a', new Uint8Array(30))
    expect(c.bytes).toBe(30)
    c.set('huge', new Uint8Array(101))
    expect(c.get('huge')).toBeUndefined()
    expect(c.get('a')).toBeDefined()
  })
})
