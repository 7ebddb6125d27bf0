import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../worker/recs/prng.ts'
import type { AllocationPeriod } from '../../../worker/stats/bandit/periods.ts'
import {
  DEFAULT_BANDIT_SETTINGS,
  MIN_VISITORS_PER_VARIATION,
  reweigh,
} from '../../../worker/stats/bandit/reweigh.ts'
import { floorWeights, thompsonWeights } from '../../../worker/stats/bandit/weights.ts'

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

function onePeriod(weights: number[], counts: [number, number][]): AllocationPeriod[] {
  return [{ weights, arms: counts.map(([visitors, conversions]) => ({ visitors, conversions })) }]
}

const clearWinner = onePeriod(
  [1 / 3, 1 / 3, 1 / 3],
  [
    [3000, 120],
    [3000, 130],
    [3000, 190],
  ],
)

describe('floorWeights', () => {
  it('keeps every weight at or above the floor and the sum at 1, for random weights', () => {
    const random = mulberry32(7)
    for (let trial = 0; trial < 500; trial++) {
      const k = 2 + Math.floor(random() * 9)
      const raw = Array.from({ length: k }, () => (random() < 0.3 ? 0 : random() ** 4))
      const floor = random() * (1 / k)
      const weights = floorWeights(raw, floor)
      expect(sum(weights)).toBeCloseTo(1, 12)
      for (const w of weights) expect(w).toBeGreaterThanOrEqual(floor - 1e-15)
    }
  })

  it('keeps the order of the weights above the floor', () => {
    expect(floorWeights([0.98, 0.02, 0], 0.01)).toEqual([
      0.01 + 0.97 * 0.98,
      0.01 + 0.97 * 0.02,
      0.01,
    ])
  })

  it('refuses floors that cannot all fit', () => {
    expect(() => floorWeights([0.2, 0.3, 0.5], 0.6)).toThrow(RangeError)
    expect(floorWeights([0.2, 0.8], 0.5)).toEqual([0.5, 0.5])
  })
})

describe('reweigh', () => {
  it('after exploration gives weights that sum to 1, respect the floor and favour the best', () => {
    for (const objective of ['maximize', 'identify'] as const) {
      for (const minWeight of [0, 0.01, 0.1, 1 / 3]) {
        const outcome = reweigh({
          settings: { ...DEFAULT_BANDIT_SETTINGS, objective, minWeight },
          periods: clearWinner,
          hoursSinceStart: 25,
        })
        expect(outcome.updated).toBe(true)
        expect(outcome.reason).toBeUndefined()
        expect(sum(outcome.weights)).toBeCloseTo(1, 12)
        for (const w of outcome.weights) expect(w).toBeGreaterThanOrEqual(minWeight - 1e-15)
        if (minWeight < 1 / 3) expect(outcome.weights.indexOf(Math.max(...outcome.weights))).toBe(2)
      }
    }
  })

  it('maximize gives the best its probability of being best; identify keeps the runner-up', () => {
    const settings = { ...DEFAULT_BANDIT_SETTINGS, minWeight: 0 }
    const maximize = reweigh({ settings, periods: clearWinner, hoursSinceStart: 25 })
    const identify = reweigh({
      settings: { ...settings, objective: 'identify' },
      periods: clearWinner,
      hoursSinceStart: 25,
    })
    expect(maximize.weights).toEqual(maximize.bestArmProbabilities)
    expect(maximize.weights[2]).toBeGreaterThan(0.99)
    // Top-two: the best is best or second in (nearly) every draw, so about half the traffic.
    expect(identify.weights[2]).toBeCloseTo(0.5, 2)
    expect(identify.weights[1]).toBeGreaterThan(identify.weights[0] ?? 1)
    expect(sum(identify.weights)).toBeCloseTo(1, 12)
  })

  it('keeps the weights equal while exploring, whatever the data says', () => {
    const periods = onePeriod(
      [0.2, 0.3, 0.5],
      [
        [3000, 120],
        [3000, 130],
        [3000, 190],
      ],
    )
    const outcome = reweigh({ settings: DEFAULT_BANDIT_SETTINGS, periods, hoursSinceStart: 23.9 })
    expect(outcome).toMatchObject({
      updated: false,
      reason: 'exploring',
      weights: [1 / 3, 1 / 3, 1 / 3],
    })
    expect(outcome.bestArmProbabilities[2]).toBeGreaterThan(0.99)
  })

  it('does not update before every variation has 100 exposed visitors, and says why', () => {
    const current = [0.3, 0.3, 0.4]
    const short = onePeriod(current, [
      [5000, 200],
      [MIN_VISITORS_PER_VARIATION - 1, 9],
      [5000, 300],
    ])
    expect(
      reweigh({ settings: DEFAULT_BANDIT_SETTINGS, periods: short, hoursSinceStart: 48 }),
    ).toMatchObject({
      updated: false,
      reason: 'not_enough_visitors',
      weights: current,
    })
    const enough = onePeriod(current, [
      [5000, 200],
      [MIN_VISITORS_PER_VARIATION, 9],
      [5000, 300],
    ])
    const outcome = reweigh({
      settings: DEFAULT_BANDIT_SETTINGS,
      periods: enough,
      hoursSinceStart: 48,
    })
    expect(outcome.updated).toBe(true)
    expect(outcome.weights).not.toEqual(current)
  })

  it('counts visitors over all periods for the 100-visitor rule', () => {
    const periods: AllocationPeriod[] = [
      {
        weights: [0.5, 0.5],
        arms: [
          { visitors: 60, conversions: 3 },
          { visitors: 60, conversions: 2 },
        ],
      },
      {
        weights: [0.5, 0.5],
        arms: [
          { visitors: 40, conversions: 2 },
          { visitors: 40, conversions: 1 },
        ],
      },
    ]
    expect(
      reweigh({ settings: DEFAULT_BANDIT_SETTINGS, periods, hoursSinceStart: 30 }).updated,
    ).toBe(true)
  })
})

describe('thompsonWeights', () => {
  it('is P(best) for maximize and (P(best) + P(second)) / 2 for identify', () => {
    const ranks = { best: [0.1, 0.2, 0.7], second: [0.3, 0.6, 0.1] }
    expect(thompsonWeights(ranks, 'maximize')).toEqual([0.1, 0.2, 0.7])
    const identify = thompsonWeights(ranks, 'identify')
    ;[0.2, 0.4, 0.4].forEach((w, i) => expect(identify[i]).toBeCloseTo(w, 15))
  })
})
