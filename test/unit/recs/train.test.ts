import { describe, expect, it } from 'vitest'

import { factorModelFromSvd, scoreAll } from '../../../worker/recs/model.ts'
import { listAt, listCount } from '../../../worker/recs/ranked-lists.ts'
import type { RankedLists } from '../../../worker/recs/ranked-lists.ts'
import { randomizedSvd } from '../../../worker/recs/train/randomized-svd.ts'
import { fromDense } from '../../../worker/recs/train/sparse-matrix.ts'
import { trainModel } from '../../../worker/recs/train/train.ts'
import type { Progress } from '../../../worker/recs/types.ts'
import { DAY, syntheticShop } from './synthetic.ts'

const NOW = Date.UTC(2024, 3, 1)
const events = syntheticShop()

/** Each subject's list with ids, as the model store writes them. */
function expand(lists: RankedLists, subjects: string[], items: string[]) {
  return Array.from({ length: listCount(lists) }, (_, s) => ({
    subject: subjects[s] ?? '',
    items: listAt(lists, s, items),
  }))
}

describe('trainModel', () => {
  const progress: Progress[] = []
  const model = trainModel(events, {
    rank: 4,
    now: NOW,
    topN: 5,
    similarN: 3,
    onProgress: (p) => progress.push(p),
  })

  it('returns factors for every item and visitor', () => {
    expect(model.version).toBe(`svd-${NOW.toString(36)}-r4`)
    expect(model.rank).toBe(4)
    expect(model.factors).toBeInstanceOf(Float32Array)
    expect(model.factors.length).toBe(model.items.length * 4)
    expect(model.visitorFactors.length).toBe(model.visitors.length * 4)
    expect(model.metrics).toMatchObject({
      visitors: 60,
      items: 24,
      rank: 4,
      interactions: events.length,
    })
    expect(model.metrics.capturedEnergy).toBeGreaterThan(0.3)
    expect(model.metrics.capturedEnergy).toBeLessThanOrEqual(1)
  })

  it("recommends a visitor's own group and never what they bought", () => {
    let ownGroupFirst = 0
    const personal = expand(model.visitorTopN, model.visitors, model.items)
    for (const { subject: visitorId, items } of personal) {
      const bought = new Set(events.filter((e) => e.visitorId === visitorId).map((e) => e.itemId))
      expect(items.length).toBeGreaterThan(0)
      for (const { itemId } of items) expect(bought.has(itemId)).toBe(false)
      if (items[0]?.itemId.charAt(0) === visitorId.charAt(0)) ownGroupFirst++
    }
    // Not all: a visitor who already bought their whole group can only get other groups' items.
    expect(ownGroupFirst / personal.length).toBeGreaterThan(0.85)
  })

  it('lists similar items from the same group, best first, without the item itself', () => {
    for (const { subject: itemId, items } of expand(model.similar, model.items, model.items)) {
      expect(items).toHaveLength(3)
      expect(items.map((s) => s.itemId)).not.toContain(itemId)
      expect(items.every((s) => s.itemId.charAt(0) === itemId.charAt(0))).toBe(true)
      expect(items.map((s) => s.score)).toEqual(
        [...items.map((s) => s.score)].sort((a, b) => b - a),
      )
    }
  })

  it('computes trending and fold-in targets ordered like the type weights', () => {
    expect(model.trending.length).toBeGreaterThan(0)
    const t = model.foldInTargets
    expect(t.view).toBeLessThan(t.click)
    expect(t.click).toBeLessThan(t.add_to_cart)
    expect(t.add_to_cart).toBeLessThan(t.purchase)
  })

  it('reports progress through every stage', () => {
    const stages = new Set(progress.map((p) => p.stage))
    expect([...stages]).toEqual(['matrix', 'svd', 'visitor-top-n', 'similar', 'done'])
  })

  it('is deterministic for the same input and options', () => {
    const again = trainModel([...events].reverse(), { rank: 4, now: NOW, topN: 5, similarN: 3 })
    expect(Array.from(again.factors)).toEqual(Array.from(model.factors))
    expect(again.visitorTopN).toEqual(model.visitorTopN)
  })

  it('ranks each visitor’s list by dot product times the item’s exposure scale', () => {
    const row = 0
    const vector = model.visitorFactors.subarray(row * 4, (row + 1) * 4)
    const scores = scoreAll(vector, model.factors, 4, model.itemScales)
    expect(listAt(model.visitorTopN, row, model.items).length).toBe(5)
    for (const { itemId, score } of listAt(model.visitorTopN, row, model.items)) {
      expect(score).toBeCloseTo(scores[model.items.indexOf(itemId)] ?? NaN, 5)
    }
  })

  it('trains history imported years later like fresh history: decay counts from its newest event', () => {
    const yearsLater = NOW + 5 * 365 * DAY
    const late = trainModel(events, { rank: 4, now: yearsLater, topN: 5, similarN: 3 })
    const fresh = trainModel(events, { rank: 4, now: NOW, topN: 5, similarN: 3 })
    expect(late.visitorFactors).toEqual(fresh.visitorFactors)
    expect(late.itemScales).toEqual(fresh.itemScales)
    const largest = late.visitorFactors.reduce((max, x) => Math.max(max, Math.abs(x)), 0)
    expect(largest).toBeGreaterThan(0.01)
  })

  it('trains an empty model from no interactions', () => {
    const empty = trainModel([], { now: NOW })
    expect(empty).toMatchObject({ rank: 0, items: [], trending: [] })
    expect(listCount(empty.visitorTopN) + listCount(empty.similar)).toBe(0)
  })
})

describe('factorModelFromSvd', () => {
  it('gives items V·√S and visitors U·S^(3/2), so visitor = row of A times item factors', () => {
    const a = fromDense(4, 3, [1, 2, 0, 0, 1, 3, 2, 0, 1, 1, 1, 1])
    const svd = randomizedSvd(a, { rank: 3 })
    const model = factorModelFromSvd(svd, ['v0', 'v1', 'v2', 'v3'], ['a', 'b', 'c'])
    const dense = [1, 2, 0, 0, 1, 3, 2, 0, 1, 1, 1, 1]
    for (let r = 0; r < 4; r++) {
      for (let k = 0; k < 3; k++) {
        let sum = 0
        for (let c = 0; c < 3; c++)
          sum += (dense[r * 3 + c] ?? 0) * (model.itemFactors[c * 3 + k] ?? 0)
        expect(model.visitorFactors[r * 3 + k]).toBeCloseTo(sum, 4)
      }
    }
  })
})

describe('item exposure scales', () => {
  const h = 60 * DAY
  const buy = (visitorId: string, itemId: string, at: number) =>
    ({ visitorId, itemId, type: 'purchase', at }) as const
  // LONG has sold for ten half-lives, LAUNCH for one, NEW for a day (floored at 7 days).
  const history = [
    buy('a', 'LONG', NOW - 10 * h),
    buy('b', 'LAUNCH', NOW - h),
    buy('c', 'NEW', NOW - DAY),
    buy('c', 'LONG', NOW),
  ]
  const scaleOf = (options: Parameters<typeof trainModel>[1]) => {
    const trained = trainModel(history, { rank: 2, now: NOW, topN: 0, similarN: 0, ...options })
    return (itemId: string) => trained.itemScales[trained.items.indexOf(itemId)]
  }

  it('are the missing exposure to the power scoreExposureExponent (0.75 by default)', () => {
    const scale = scaleOf({})
    expect(scale('LAUNCH')).toBeCloseTo(2 ** 0.75, 5)
    expect(scale('LONG')).toBeCloseTo((1 / (1 - 2 ** -10)) ** 0.75, 5)
    expect(scale('NEW')).toBeCloseTo((1 / (1 - 2 ** (-7 / 60))) ** 0.75, 4)
  })

  it('are 1 when turned off', () => {
    const scale = scaleOf({ scoreExposureExponent: 0 })
    expect(['LONG', 'LAUNCH', 'NEW'].map(scale)).toEqual([1, 1, 1])
  })
})
