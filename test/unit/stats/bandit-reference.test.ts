// worker/stats/bandit against test/fixtures/stats/bandit-reference.json, written by
// scripts/fixtures/bandit_reference.py: scipy for this module's own model (Beta posteriors of
// the period-weighted rates), and GrowthBook's gbstats, run on the same periods, for how close
// that model stays to GrowthBook's Gaussian one where the two should agree.
import { describe, expect, it } from 'vitest'
import data from '../../fixtures/stats/bandit-reference.json' with { type: 'json' }
import { rankProbabilities } from '../../../worker/stats/bandit/best-arm.ts'
import { periodWeightedEstimates, ratePosterior } from '../../../worker/stats/bandit/periods.ts'
import type { AllocationPeriod } from '../../../worker/stats/bandit/periods.ts'
import { banditResults } from '../../../worker/stats/bandit/results.ts'
import { floorWeights, thompsonWeights } from '../../../worker/stats/bandit/weights.ts'
import { expectClose, expectCloseInterval } from './reference.ts'

type Pair = [number, number]
type Case = {
  name: string
  minWeight: number
  periods: AllocationPeriod[]
  estimates: {
    visitors: number
    conversions: number
    rate: number
    variance: number
    effectiveVisitors: number
    alpha: number
    beta: number
  }[]
  best: number[]
  second: number[]
  thompsonWeights: number[]
  topTwoWeights: number[]
  rateCI: Pair[]
  expectedVisitors: number[]
  srm: { chiSquare: number; pValue: number }
  conversionsGained: number[]
  gbstats?: {
    posteriorMean: number[]
    credibleInterval: Pair[]
    bestMonteCarlo: number[]
    bestExact: number[]
    topTwoWeights: number[]
  }
}

const cases = (data as unknown as { cases: Case[] }).cases

describe('bandit statistics against scipy', () => {
  it('has the cases the module must get right', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10)
    expect(cases.some((c) => c.periods.length > 1)).toBe(true)
    expect(cases.some((c) => c.periods.some((p) => p.arms.some((a) => a.visitors === 0)))).toBe(
      true,
    )
    expect(cases.some((c) => c.periods.some((p) => p.arms.some((a) => a.conversions === 0)))).toBe(
      true,
    )
  })

  for (const c of cases) {
    describe(c.name, () => {
      const estimates = periodWeightedEstimates(c.periods)

      it('period-weighted rates, variances, effective sizes and posteriors', () => {
        c.estimates.forEach((expected, i) => {
          const actual = estimates[i]
          expect(actual?.visitors).toBe(expected.visitors)
          expect(actual?.conversions).toBe(expected.conversions)
          expectClose(actual?.rate, expected.rate, 1e-12, 1e-16, `rate ${i}`)
          expectClose(actual?.variance, expected.variance, 1e-12, 1e-20, `variance ${i}`)
          expectClose(actual?.effectiveVisitors, expected.effectiveVisitors, 1e-10, 0, `n_eff ${i}`)
          const posterior = actual && ratePosterior(actual)
          expectClose(posterior?.alpha, expected.alpha, 1e-12, 0, `alpha ${i}`)
          expectClose(posterior?.beta, expected.beta, 1e-12, 0, `beta ${i}`)
        })
      })

      it('P(best) and P(second) to 1e-8 of scipy quadrature', () => {
        const ranks = rankProbabilities(estimates.map(ratePosterior))
        c.best.forEach((p, i) => expectClose(ranks.best[i], p, 0, 1e-8, `best ${i}`))
        c.second.forEach((p, i) => expectClose(ranks.second[i], p, 0, 1e-8, `second ${i}`))
        const floored = (objective: 'maximize' | 'identify') =>
          floorWeights(thompsonWeights(ranks, objective), c.minWeight)
        c.thompsonWeights.forEach((w, i) => expectClose(floored('maximize')[i], w, 0, 1e-8))
        c.topTwoWeights.forEach((w, i) => expectClose(floored('identify')[i], w, 0, 1e-8))
      })

      it('credible intervals, SRM against each period, conversions gained', () => {
        const results = banditResults(c.periods)
        c.rateCI.forEach((ci, i) =>
          expectCloseInterval(results.variations[i]?.rateCI, ci, 1e-9, `CI ${i}`),
        )
        c.expectedVisitors.forEach((e, i) => expectClose(results.expectedVisitors[i], e, 1e-12))
        if (results.srm.chiSquare === null) expect.fail('SRM not computed')
        expectClose(results.srm.chiSquare, c.srm.chiSquare, 1e-9, 1e-12, 'chi-square')
        expectClose(results.srm.pValue, c.srm.pValue, 1e-9, 1e-15, 'SRM p')
        c.conversionsGained.forEach((g, i) =>
          expectClose(results.variations[i]?.conversionsGained, g, 1e-12, 1e-9, `gained ${i}`),
        )
      })
    })
  }
})

describe('bandit statistics beside GrowthBook gbstats', () => {
  const compared = cases.filter((c) => c.gbstats)
  // Where both models are on firm ground: a Beta and a Gaussian posterior agree once every
  // variation has some 40 conversions; below that the Beta's skew matters (and gbstats' Gaussian
  // puts a variation with no conversions at N(0, 10^4)). Above it the two still differ by the
  // uniform prior, worth two visitors: it lifts a 900-visitor variation at 6.6% by a tenth of a
  // standard deviation, which moves a close P(best) by up to 0.025.
  const large = compared.filter((c) => c.estimates.every((e) => e.conversions >= 40))

  it('compares enough cases', () => {
    expect(compared.length).toBeGreaterThanOrEqual(8)
    expect(large.length).toBeGreaterThanOrEqual(4)
  })

  it('estimates every rate as GrowthBook weights its periods (1e-6)', () => {
    for (const c of compared) {
      const estimates = periodWeightedEstimates(c.periods)
      c.gbstats?.posteriorMean.forEach((m, i) =>
        expectClose(estimates[i]?.rate, m, 1e-6, 1e-12, `${c.name} ${i}`),
      )
    }
  })

  it('gives P(best) and top-two weights within 0.03 of GrowthBook with enough conversions', () => {
    for (const c of large) {
      const ranks = rankProbabilities(periodWeightedEstimates(c.periods).map(ratePosterior))
      const topTwo = floorWeights(thompsonWeights(ranks, 'identify'), c.minWeight)
      c.gbstats?.bestExact.forEach((p, i) =>
        expectClose(ranks.best[i], p, 0, 0.03, `${c.name} best ${i}`),
      )
      c.gbstats?.topTwoWeights.forEach((w, i) =>
        expectClose(topTwo[i], w, 0, 0.03, `${c.name} top-two ${i}`),
      )
    }
  })

  it('puts each credible bound within a tenth of the interval of GrowthBook’s', () => {
    for (const c of large) {
      const results = banditResults(c.periods)
      c.gbstats?.credibleInterval.forEach(([lo, hi], i) => {
        const ci = results.variations[i]?.rateCI
        const width = hi - lo
        expectClose(ci?.[0], lo, 0, width / 10, `${c.name} lower ${i}`)
        expectClose(ci?.[1], hi, 0, width / 10, `${c.name} upper ${i}`)
      })
    }
  })
})
