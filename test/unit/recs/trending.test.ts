import { describe, expect, it } from 'vitest'

import { trendingItems } from '../../../worker/recs/trending.ts'
import type { Interaction } from '../../../worker/recs/types.ts'

const DAY = 86_400_000
const NOW = Date.UTC(2024, 5, 30)
const buy = (visitorId: string, itemId: string, daysAgo: number, now = NOW): Interaction => ({
  visitorId,
  itemId,
  type: 'purchase',
  at: now - daysAgo * DAY,
})
const view = (visitorId: string, itemId: string, at: number): Interaction => ({
  visitorId,
  itemId,
  type: 'view',
  at,
})
/** `count` distinct visitors buying `itemId` `daysAgo`. */
const buyers = (itemId: string, count: number, daysAgo: number, now = NOW) =>
  Array.from({ length: count }, (_, i) => buy(`${itemId}-buyer-${i}`, itemId, daysAgo, now))

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
    const list = trendingItems(events, {
      now: NOW,
      halfLifeDays: 7,
      windowDays: 30,
      minVisitors: 1,
      n: 2,
    })
    expect(list.map((s) => s.itemId)).toEqual(['fresh', 'fading'])
    expect(list[1]?.score).toBeCloseTo(3 * 8 * 0.25)
  })

  it('counts each visitor once per item', () => {
    const bulk = Array.from({ length: 50 }, () => buy('wholesaler', 'bulk', 0))
    const list = trendingItems([...bulk, buy('a', 'loved', 0), buy('b', 'loved', 0)], {
      now: NOW,
      minVisitors: 1,
    })
    expect(list.map((s) => s.itemId)).toEqual(['loved', 'bulk'])
  })

  it('weighs interaction types and truncates to n', () => {
    const events: Interaction[] = [
      { visitorId: 'a', itemId: 'viewed', type: 'view', at: NOW },
      { visitorId: 'a', itemId: 'carted', type: 'add_to_cart', at: NOW },
      { visitorId: 'b', itemId: 'clicked', type: 'click', at: NOW },
    ]
    const list = trendingItems(events, { now: NOW, n: 2, minVisitors: 1 })
    expect(list.map((s) => s.itemId)).toEqual(['carted', 'clicked'])
  })

  it('ignores interactions after `now`', () => {
    expect(trendingItems([buy('a', 'future', -1)], { now: NOW, minVisitors: 1 })).toEqual([])
  })

  it('lists no item with fewer distinct visitors than the minimum, however many events', () => {
    const spam = Array.from({ length: 40 }, (_, i) => buy(`bot-${i % 2}`, 'spam', 0))
    const list = trendingItems([...spam, ...buyers('real', 3, 5)], { now: NOW })
    expect(list.map((s) => s.itemId)).toEqual(['real'])
  })

  it('measures the window back from the clock, so one fresh view cannot outweigh imported history', () => {
    // History imported long after it happened, and one view of a new item sent just now.
    const clock = Date.now()
    const history = [...buyers('classic', 40, 400, clock), ...buyers('staple', 20, 420, clock)]
    const planted = view('attacker', 'phish', clock)
    const list = trendingItems([...history, planted])
    expect(list.map((s) => s.itemId)).toEqual(['classic', 'staple'])
  })

  it('fills from all history, after every item of the window, with score 0', () => {
    const events = [
      ...buyers('old-hit', 9, 200),
      ...buyers('old-niche', 4, 200),
      ...buyers('now', 3, 1),
    ]
    const list = trendingItems(events, { now: NOW })
    expect(list.map((s) => [s.itemId, s.score > 0])).toEqual([
      ['now', true],
      ['old-hit', false],
      ['old-niche', false],
    ])
  })

  it('counts visitors of an item no admin put in the catalog for a quarter', () => {
    const verified = new Set(['uploaded'])
    const events = [
      ...buyers('uploaded', 4, 1),
      // Eight visitors count as two: below the minimum of three.
      ...buyers('learned-few', 8, 0),
      // Twenty count as five: listed, but below four trusted visitors of the same signal.
      ...buyers('learned-many', 20, 1),
    ]
    const list = trendingItems(events, { now: NOW, verified })
    expect(list.map((s) => s.itemId)).toEqual(['learned-many', 'uploaded'])
    const sameSignal = trendingItems([...buyers('uploaded', 4, 1), ...buyers('learned', 12, 1)], {
      now: NOW,
      verified,
    })
    expect(sameSignal.map((s) => s.itemId)).toEqual(['uploaded', 'learned'])
  })
})
