import { describe, expect, it } from 'vitest'
import { rankProbabilities } from '../../../worker/stats/bandit/best-arm.ts'
import {
  periodWeightedEstimates,
  ratePosterior,
  type AllocationPeriod,
} from '../../../worker/stats/bandit/periods.ts'
import { banditResults } from '../../../worker/stats/bandit/results.ts'
import { reweigh, DEFAULT_BANDIT_SETTINGS } from '../../../worker/stats/bandit/reweigh.ts'

// Both variations convert at 2% in the first week and 8% in the second; the bandit sent B most
// of its traffic in the second week. Pooled, B converts at 7.4% and A at 2.6%.
const simpson: AllocationPeriod[] = [
  {
    weights: [0.9, 0.1],
    arms: [
      { visitors: 900, conversions: 18 },
      { visitors: 100, conversions: 2 },
    ],
  },
  {
    weights: [0.1, 0.9],
    arms: [
      { visitors: 100, conversions: 8 },
      { visitors: 900, conversions: 72 },
    ],
  },
]

describe('period-weighted estimates', () => {
  it('remove the winner that pooling manufactures from drift (Simpson)', () => {
    const [a, b] = periodWeightedEstimates(simpson)
    expect(a?.rate).toBeCloseTo(0.05, 15)
    expect(b?.rate).toBeCloseTo(0.05, 15)
    // Pooling would make B a certain winner; weighted, neither is.
    const pooledRanks = rankProbabilities([
      { alpha: 1 + 26, beta: 1 + 974 },
      { alpha: 1 + 74, beta: 1 + 926 },
    ])
    expect(pooledRanks.best[1]).toBeGreaterThan(0.9999)
    const results = banditResults(simpson)
    for (const p of results.bestArmProbabilities) expect(p).toBeGreaterThan(0.4)
    // Pooled, B's lift would be +185%; weighted it is 0 less the ratio's bias correction
    // (A's squared coefficient of variation, 7.6% with 100 visitors in its second week).
    expect(Math.abs(results.variations[1]?.liftOverControl ?? 1)).toBeLessThan(0.08)
    const outcome = reweigh({
      settings: DEFAULT_BANDIT_SETTINGS,
      periods: simpson,
      hoursSinceStart: 48,
    })
    for (const w of outcome.weights) expect(w).toBeGreaterThan(0.4)
  })

  it('give the textbook Beta(1 + conversions, 1 + non-conversions) for one period', () => {
    const [estimate] = periodWeightedEstimates([
      {
        weights: [0.5, 0.5],
        arms: [
          { visitors: 1000, conversions: 40 },
          { visitors: 10, conversions: 0 },
        ],
      },
    ])
    expect(estimate && ratePosterior(estimate)).toEqual({ alpha: 41, beta: 961 })
  })

  it('lose no precision over periods whose weights never moved', () => {
    const steady: AllocationPeriod[] = [1, 2, 3].map(() => ({
      weights: [0.5, 0.5],
      arms: [
        { visitors: 500, conversions: 20 },
        { visitors: 500, conversions: 25 },
      ],
    }))
    const [a] = periodWeightedEstimates(steady)
    expect(a?.effectiveVisitors).toBeCloseTo(1500, 9)
  })

  it('count a variation absent from a period on its other periods only', () => {
    const [, b] = periodWeightedEstimates([
      {
        weights: [0.5, 0.5],
        arms: [
          { visitors: 1000, conversions: 50 },
          { visitors: 1000, conversions: 40 },
        ],
      },
      {
        weights: [1, 0],
        arms: [
          { visitors: 1000, conversions: 50 },
          { visitors: 0, conversions: 0 },
        ],
      },
    ])
    expect(b?.rate).toBeCloseTo(0.04, 15)
  })
})

describe('bandit sample-ratio check', () => {
  it('expects each period’s visitors split by that period’s weights', () => {
    const periods: AllocationPeriod[] = [
      {
        weights: [0.5, 0.5],
        arms: [
          { visitors: 1000, conversions: 0 },
          { visitors: 1000, conversions: 0 },
        ],
      },
      {
        weights: [0.1, 0.9],
        arms: [
          { visitors: 200, conversions: 0 },
          { visitors: 1800, conversions: 0 },
        ],
      },
    ]
    const results = banditResults(periods)
    expect(results.expectedVisitors).toEqual([1200, 2800])
    expect(results.srm).toMatchObject({ chiSquare: 0, ok: true })
  })

  it('fails when a period’s split is off though the totals could pass for another split', () => {
    const periods: AllocationPeriod[] = [
      {
        weights: [0.5, 0.5],
        arms: [
          { visitors: 1300, conversions: 0 },
          { visitors: 700, conversions: 0 },
        ],
      },
      {
        weights: [0.1, 0.9],
        arms: [
          { visitors: 200, conversions: 0 },
          { visitors: 1800, conversions: 0 },
        ],
      },
    ]
    expect(banditResults(periods).srm.ok).toBe(false)
  })
})

describe('conversions gained against an equal split', () => {
  it('is the visitors moved to each variation times its rate', () => {
    const results = banditResults([
      {
        weights: [0.2, 0.8],
        arms: [
          { visitors: 200, conversions: 8 },
          { visitors: 800, conversions: 48 },
        ],
      },
    ])
    expect(results.variations.map((v) => v.conversionsGained)).toEqual([-300 * 0.04, 300 * 0.06])
    expect(results.conversionsGained).toBeCloseTo(6, 12)
  })
})
