import { describe, expect, it } from 'vitest'
import { IsolateCache } from '../../../worker/cache/isolate-cache.ts'

describe('IsolateCache', () => {
  it('answers a value until its TTL, then only as the last known one', () => {
    const cache = new IsolateCache<string>({ ttlMs: 1000, maxEntries: 10 })
    cache.set('a', 'one', 0)
    expect(cache.get('a', 999)).toBe('one')
    expect(cache.get('a', 1000)).toBeUndefined()
    expect(cache.has('a', 1000)).toBe(false)
    expect(cache.lastKnown('a')).toBe('one')
  })

  it('tells a cached null from a missing entry', () => {
    const cache = new IsolateCache<null>({ ttlMs: 1000, maxEntries: 10 })
    expect(cache.has('k', 0)).toBe(false)
    cache.set('k', null, 0)
    expect(cache.has('k', 1)).toBe(true)
    expect(cache.get('k', 1)).toBeNull()
  })

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = new IsolateCache<number>({ ttlMs: 1000, maxEntries: 3 })
    cache.set('a', 1, 0)
    cache.set('b', 2, 0)
    cache.set('c', 3, 0)
    expect(cache.get('a', 1)).toBe(1) // a is now the most recent
    cache.set('d', 4, 1)
    expect(cache.size).toBe(3)
    expect(cache.lastKnown('b')).toBeUndefined()
    expect([cache.get('a', 2), cache.get('c', 2), cache.get('d', 2)]).toEqual([1, 3, 4])
  })

  it('keeps a key read between every burst of other keys (made-up keys cannot evict it)', () => {
    const cache = new IsolateCache<string>({ ttlMs: 1000, maxEntries: 50 })
    cache.set('real-site', 'site', 0)
    for (let i = 0; i < 5000; i++) {
      cache.set(`made-up-${i}`, 'x', 1)
      // A real site is asked for far more often than once per cache-full of made-up keys.
      if (i % 40 === 0) expect(cache.get('real-site', 1)).toBe('site')
    }
    expect(cache.get('real-site', 2)).toBe('site')
    expect(cache.size).toBe(50)
  })

  it('replaces a value and its expiry on set, and forgets on delete and clear', () => {
    const cache = new IsolateCache<string>({ ttlMs: 10, maxEntries: 5 })
    cache.set('a', 'old', 0)
    cache.set('a', 'new', 5)
    expect(cache.get('a', 12)).toBe('new')
    cache.delete('a')
    expect(cache.lastKnown('a')).toBeUndefined()
    cache.set('b', 'b', 0)
    cache.clear()
    expect(cache.size).toBe(0)
  })
})
