import { describe, expect, it } from 'vitest'

import {
  firstNotIn,
  itemKnnScorer,
  mostPopularBaseline,
} from '../../../scripts/eval/recs/baselines.ts'
import { fromDense } from '../../../worker/recs/train/sparse-matrix.ts'
import type { Interaction } from '../../../worker/recs/types.ts'

describe('mostPopularBaseline', () => {
  it('ranks by distinct visitors inside [since, until), ties by id', () => {
    const at = (day: number): number => Date.UTC(2024, 0, day)
    const events: Interaction[] = [
      { visitorId: 'a', itemId: 'x', type: 'purchase', at: at(10) },
      { visitorId: 'a', itemId: 'x', type: 'purchase', at: at(11) },
      { visitorId: 'b', itemId: 'y', type: 'purchase', at: at(12) },
      { visitorId: 'c', itemId: 'y', type: 'purchase', at: at(12) },
      { visitorId: 'd', itemId: 'w', type: 'purchase', at: at(13) },
      { visitorId: 'e', itemId: 'old', type: 'purchase', at: at(1) },
      { visitorId: 'f', itemId: 'old', type: 'purchase', at: at(2) },
      { visitorId: 'g', itemId: 'old', type: 'purchase', at: at(3) },
    ]
    expect(mostPopularBaseline(events, at(5), at(20))).toEqual(['y', 'w', 'x'])
  })

  it('skips excluded items when taking the first k', () => {
    expect(firstNotIn(['y', 'w', 'x', 'v'], new Set(['w']), 2)).toEqual(['y', 'x'])
  })
})

describe('itemKnnScorer', () => {
  // Columns i0 = i1 = (1, 1, 0), i2 = (0, 1, 1): cos(i0, i1) = 1, cos(i0, i2) = cos(i1, i2) = 1/2.
  const a = fromDense(3, 3, [1, 1, 0, 1, 1, 1, 0, 0, 1])
  const score = itemKnnScorer(a)

  it('sums cosine similarities to the history items', () => {
    expect(Array.from(score([0]))).toEqual([1, 1, 0.5].map((x) => expect.closeTo(x, 12)))
    expect(Array.from(score([2]))).toEqual([0.5, 0.5, 1].map((x) => expect.closeTo(x, 12)))
    expect(Array.from(score([0, 2]))).toEqual([1.5, 1.5, 1.5].map((x) => expect.closeTo(x, 12)))
  })

  it('is independent of column scale (cosine, not co-counts)', () => {
    const scaled = itemKnnScorer(fromDense(3, 3, [5, 1, 0, 5, 1, 3, 0, 0, 3]))
    expect(Array.from(scaled([0]))).toEqual([1, 1, 0.5].map((x) => expect.closeTo(x, 12)))
  })

  it('scores nothing for an empty history', () => {
    expect(Array.from(score([]))).toEqual([0, 0, 0])
  })
})
