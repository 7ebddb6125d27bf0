import { describe, expect, it } from 'vitest'

import { mulberry32 } from '../../../worker/recs/prng.ts'
import { topN } from '../../../worker/recs/top-n.ts'

describe('topN', () => {
  it('returns the highest scores best first, skipping exclusions and non-finite scores', () => {
    const scores = [0.1, 0.9, Number.NaN, 0.5, Infinity, 0.7]
    expect(topN(scores, 3, new Set([5]))).toEqual([
      { index: 1, score: 0.9 },
      { index: 3, score: 0.5 },
      { index: 0, score: 0.1 },
    ])
  })

  it('breaks ties toward the lower index', () => {
    expect(topN([1, 2, 2, 2], 2).map((s) => s.index)).toEqual([1, 2])
  })

  it('agrees with a full sort on random scores', () => {
    const uniform = mulberry32(3)
    const scores = Float64Array.from({ length: 500 }, () => Math.round(uniform() * 50))
    const expected = Array.from(scores, (score, index) => ({ index, score }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, 25)
    expect(topN(scores, 25)).toEqual(expected)
  })

  it('handles n = 0 and n larger than the input', () => {
    expect(topN([1, 2], 0)).toEqual([])
    expect(topN([1, 2], 5)).toHaveLength(2)
  })
})
