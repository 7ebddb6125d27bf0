import { describe, expect, it } from 'vitest'

import {
  averagePrecisionAtK,
  evaluateRankings,
  ndcgAtK,
  precisionAtK,
  recallAtK,
} from '../../../scripts/eval/recs/ranking-metrics.ts'

// Hand-computed: ranked a b c d against relevant {b, d, x}; hits at ranks 2 and 4.
const ranked = ['a', 'b', 'c', 'd']
const relevant = new Set(['b', 'd', 'x'])
const IDEAL_3 = 1 + 1 / Math.log2(3) + 1 / Math.log2(4)

describe('ranking metrics', () => {
  it.each([
    { k: 1, precision: 0, recall: 0, ndcg: 0, ap: 0 },
    { k: 3, precision: 1 / 3, recall: 1 / 3, ndcg: 1 / Math.log2(3) / IDEAL_3, ap: 1 / 2 / 3 },
    {
      k: 4,
      precision: 2 / 4,
      recall: 2 / 3,
      ndcg: (1 / Math.log2(3) + 1 / Math.log2(5)) / IDEAL_3,
      ap: (1 / 2 + 2 / 4) / 3,
    },
  ])('at k=$k', ({ k, precision, recall, ndcg, ap }) => {
    expect(precisionAtK(ranked, relevant, k)).toBeCloseTo(precision, 12)
    expect(recallAtK(ranked, relevant, k)).toBeCloseTo(recall, 12)
    expect(ndcgAtK(ranked, relevant, k)).toBeCloseTo(ndcg, 12)
    expect(averagePrecisionAtK(ranked, relevant, k)).toBeCloseTo(ap, 12)
  })

  it('scores a perfect ranking 1 and an empty relevant set 0', () => {
    const perfect = new Set(['a', 'b'])
    expect(ndcgAtK(ranked, perfect, 2)).toBe(1)
    expect(averagePrecisionAtK(ranked, perfect, 2)).toBe(1)
    expect(recallAtK(ranked, new Set(), 2)).toBe(0)
    expect(ndcgAtK(ranked, new Set(), 2)).toBe(0)
  })

  it('uses min(k, |relevant|) as the ideal, so one hit at rank 1 of one relevant item is 1', () => {
    expect(ndcgAtK(['x', 'y', 'z'], new Set(['x']), 3)).toBe(1)
    expect(averagePrecisionAtK(['y', 'x'], new Set(['x']), 2)).toBe(0.5)
  })
})

describe('evaluateRankings', () => {
  it('averages over visitors with relevant items and measures catalog coverage', () => {
    const metrics = evaluateRankings(
      [
        { ranked: ['a', 'b'], relevant: new Set(['b']) },
        { ranked: ['a', 'c'], relevant: new Set(['a', 'z']) },
        { ranked: ['q', 'r'], relevant: new Set<string>() },
      ],
      2,
      10,
    )
    expect(metrics.users).toBe(2)
    expect(metrics.precision).toBeCloseTo((1 / 2 + 1 / 2) / 2)
    expect(metrics.recall).toBeCloseTo((1 + 1 / 2) / 2)
    expect(metrics.ndcg).toBeCloseTo((1 / Math.log2(3) + 1 / (1 + 1 / Math.log2(3))) / 2)
    expect(metrics.map).toBeCloseTo((1 / 2 + 1 / 2) / 2)
    // a, b, c were shown to visitors who count; the third visitor is not evaluated.
    expect(metrics.coverage).toBeCloseTo(3 / 10)
  })

  it('cuts rankings longer than k', () => {
    const metrics = evaluateRankings([{ ranked: ['a', 'b', 'c'], relevant: new Set(['c']) }], 2, 3)
    expect(metrics.recall).toBe(0)
    expect(metrics.coverage).toBeCloseTo(2 / 3)
  })
})
