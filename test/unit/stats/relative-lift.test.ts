import { describe, expect, it } from 'vitest'
import { bayesianLift, chanceToBeatControl } from '../../../worker/stats/bayesian.ts'
import { meanMoments, proportionMoments } from '../../../worker/stats/moments.ts'
import type { SampleMoments } from '../../../worker/stats/moments.ts'
import { relativeLiftTest } from '../../../worker/stats/relative-lift.ts'
import { expectClose, expectCloseInterval, reference } from './reference.ts'

function must<T>(value: T | null): T {
  if (value === null) throw new Error('unexpected null')
  return value
}
const rate = (visitors: number, conversions: number) =>
  must(proportionMoments(visitors, conversions))

/** GrowthBook's published figures are printed to 5 digits. */
const PRINTED = 1e-5

describe('relativeLiftTest (GrowthBook gbstats TwoSidedTTest, relative)', () => {
  it('reproduces GrowthBook for proportions 14/28 vs 16/30', () => {
    const result = relativeLiftTest(rate(28, 14), rate(30, 16))
    if (!result.ok) throw new Error(result.reason)
    expectClose(result.lift, 0.06667, 0, PRINTED)
    expectClose(result.ci[0], -0.47767, 0, PRINTED)
    expectClose(result.ci[1], 0.61101, 0, PRINTED)
    expectClose(result.pValue, 0.80707, 0, PRINTED)
  })

  it('reproduces GrowthBook for means from sums and sums of squares', () => {
    const control = must(meanMoments(3407, 1396.87, 52377.9767))
    const treatment = must(meanMoments(3461, 2422.7, 134698.29))
    const result = relativeLiftTest(control, treatment)
    if (!result.ok) throw new Error(result.reason)
    expectClose(result.lift, 0.70732, 0, PRINTED)
    expectClose(result.ci[0], -0.03526, 0, PRINTED)
    expectClose(result.ci[1], 1.44989, 0, PRINTED)
    expectClose(result.pValue, 0.06191, 0, PRINTED)
  })

  it('matches gbstats’ formulas evaluated with scipy on 180+ random comparisons', () => {
    for (const c of reference.relativeLift) {
      const [control, treatment]: SampleMoments[] =
        c.kind === 'proportion'
          ? [rate(...c.control), rate(...c.treatment)]
          : [
              must(meanMoments(c.control.n, c.control.sum, c.control.sumSquares)),
              must(meanMoments(c.treatment.n, c.treatment.sum, c.treatment.sumSquares)),
            ]
      const label = JSON.stringify([c.control, c.treatment])
      const result = relativeLiftTest(must(control ?? null), must(treatment ?? null))
      if (!result.ok) throw new Error(`${result.reason}: ${label}`)
      expectClose(result.lift, c.lift, 1e-9, 1e-15, label)
      expectClose(result.dof, c.dof, 1e-9, 0, label)
      expectCloseInterval(result.ci, c.ci, 1e-9, label)
      expectClose(result.pValue, c.pValue, 1e-9, 1e-15, label)
    }
  })

  it('has no lift over a control converting at 0%', () => {
    expect(relativeLiftTest(rate(100, 0), rate(100, 3))).toEqual({
      ok: false,
      lift: null,
      reason: 'control_mean_zero',
    })
  })

  it('gives the lift but no test when nobody or everybody converts', () => {
    expect(relativeLiftTest(rate(100, 100), rate(80, 80))).toEqual({
      ok: false,
      lift: 0,
      reason: 'zero_variance',
    })
    expect(relativeLiftTest(rate(100, 5), rate(80, 0))).toEqual({
      ok: false,
      lift: -1,
      reason: 'zero_variance',
    })
  })

  it('needs two visitors on each side', () => {
    expect(relativeLiftTest(rate(1, 1), rate(50, 20)).ok).toBe(false)
    expect(relativeLiftTest({ n: 0, mean: 0, variance: 0 }, rate(5, 1))).toMatchObject({
      reason: 'control_no_visitors',
    })
  })
})

describe('bayesianLift (flat prior, Gaussian posterior on the relative lift)', () => {
  it('reproduces GrowthBook for 49/100 vs 51/100', () => {
    const result = must(bayesianLift(rate(100, 49), rate(100, 51)))
    expectClose(result.mean, 0.04082, 0, PRINTED)
    expectClose(result.chanceToWin, 0.60918, 0, PRINTED)
    expectClose(result.credibleInterval[0], -0.24779, 0, PRINTED)
    expectClose(result.credibleInterval[1], 0.32943, 0, PRINTED)
  })

  it('matches Φ(lift / sd) computed with scipy', () => {
    for (const c of reference.relativeLift.filter((r) => r.kind === 'proportion')) {
      if (c.kind !== 'proportion') continue
      const chance = chanceToBeatControl(rate(...c.control), rate(...c.treatment))
      expectClose(chance, c.chanceToWin, 1e-9, 1e-15, JSON.stringify(c.control))
    }
  })

  it('is symmetric: swapping equal rates gives one half', () => {
    expect(chanceToBeatControl(rate(1000, 50), rate(1000, 50))).toBe(0.5)
  })

  it('is null where the posterior is undefined or degenerate', () => {
    expect(chanceToBeatControl(rate(100, 0), rate(100, 4))).toBeNull()
    expect(chanceToBeatControl(rate(100, 100), rate(100, 100))).toBeNull()
  })
})
