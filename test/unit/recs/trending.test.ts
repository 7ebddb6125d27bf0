import { describe, expect, it } from 'vitest'

import { trendingItems } from '../../../worker/recs/trending.ts'
import type { Interaction } from '../../../worker/recs/types.ts'

const DAY = 86_400_000
const NOW = Date.UTC(2024, 5, 30)
const buy = (visitorId: string, itemId: string, daysAgo: number): Interaction => ({
  visitorId,
  itemId,
  type: 'purchase',
  at: NOW - daysAgo * DAY,
})

describe('trendingItems', () => {
  it('ranks by time-decayed popularity within the window', () => {
    const events = [
      buy('a', 'fresh', 0),
      buy('b', 'fresh', 1),
      buy('a', 'fading', 14),
      buy('b', 'fading', 14),
      buy('c', 'fading', 14),
      buy('a', 'gone', 40),
    ]
    const list = trendingItems(events, { now: NOW, halfLifeDays: 7, windowDays: 30 })
    expect(list.map((s) => s.itemId)).toEqual(['fresh', 'fading'])
    expect(list[1]?.score).toBeCloseTo(3 * 8 * 0.25)
  })

  it('counts each visitor once per item', () => {
    const bulk = Array.from({ length: 50 }, () => buy('wholesaler', 'bulk', 0))
    const list = trendingItems([...bulk, buy('a', 'loved', 0), buy('b', 'loved', 0)], { now: NOW })
    expect(list.map((s) => s.itemId)).toEqual(['loved', 'bulk'])
  })

  it('weighs interaction types and truncates to n', () => {
    const events: Interaction[] = [
      { visitorId: 'a', itemId: 'viewed', type: 'view', at: NOW },
      { visitorId: 'a', itemId: 'carted', type: 'add_to_cart', at: NOW },
      { visitorId: 'b', itemId: 'clicked', type: 'click', at: NOW },
    ]
    expect(trendingItems(events, { n: 2 }).map((s) => s.itemId)).toEqual(['carted', 'clicked'])
  })

  it('ignores interactions after `now`', () => {
    expect(trendingItems([buy('a', 'future', -1)], { now: NOW })).toEqual([])
  })
})
