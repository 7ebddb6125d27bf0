import { describe, expect, it } from 'vitest'
import { compareConversion } from '../../../worker/stats/conversion.ts'
import { logRatioLift } from '../../../worker/stats/log-ratio-lift.ts'
import { meanMoments, proportionMoments } from '../../../worker/stats/moments.ts'
import type { SampleMoments } from '../../../worker/stats/moments.ts'
import { compareRevenue } from '../../../worker/stats/revenue.ts'
import { DEFAULT_SEQUENTIAL_TUNING } from '../../../worker/stats/sequential.ts'
import { expectClose, expectCloseInterval, reference } from './reference.ts'

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('unexpected null')
  return value
}
const rate = (visitors: number, conversions: number) =>
  must(proportionMoments(visitors, conversions))
const settings = { alpha: 0.05, sequentialTuning: DEFAULT_SEQUENTIAL_TUNING }

type Case = (typeof reference.logRatioLift)[number]
function momentsOf(c: Case): [SampleMoments, SampleMoments] {
  if (c.kind === 'proportion') return [rate(...c.control), rate(...c.treatment)]
  const { control: a, treatment: b } = c
  return [must(meanMoments(a.n, a.sum, a.sumSquares)), must(meanMoments(b.n, b.sum, b.sumSquares))]
}

describe('logRatioLift (interval on the log of the ratio)', () => {
  it('matches scipy’s relative_risk interval and the log-scale test on 180+ comparisons', () => {
    expect(reference.logRatioLift.length).toBeGreaterThan(180)
    for (const c of reference.logRatioLift) {
      const label = JSON.stringify([c.control, c.treatment])
      const result = logRatioLift(...momentsOf(c))
      if (!result.ok) throw new Error(`${result.reason}: ${label}`)
      expectClose(result.lift, c.lift, 1e-9, 1e-15, label)
      expectCloseInterval(result.ci, c.ci, 1e-9, label)
      expectClose(result.pValue, c.pValue, 1e-9, 1e-15, label)
    }
  })

  it('never reaches below -100%, even with 3 visitors against 3', () => {
    const result = logRatioLift(rate(3, 1), rate(3, 2))
    if (!result.ok) throw new Error(result.reason)
    expect(result.lift).toBeCloseTo(1, 12)
    expect(result.ci[0]).toBeGreaterThan(-1)
    for (const c of reference.logRatioLift) {
      const r = logRatioLift(...momentsOf(c))
      if (r.ok) expect(r.ci[0]).toBeGreaterThan(-1)
    }
  })

  it('agrees with its own interval: p < 0.05 exactly when the interval excludes 0', () => {
    for (const c of reference.logRatioLift) {
      const r = logRatioLift(...momentsOf(c))
      if (!r.ok) continue
      expect(r.pValue < 0.05, JSON.stringify(c.control)).toBe(r.ci[0] > 0 || r.ci[1] < 0)
    }
  })

  it('has a lift of -100% but no interval when the treatment is at 0', () => {
    expect(logRatioLift(rate(100, 5), rate(80, 0))).toEqual({
      ok: false,
      lift: -1,
      reason: 'zero_variance',
    })
    expect(logRatioLift(rate(100, 0), rate(100, 3))).toMatchObject({ reason: 'control_mean_zero' })
    expect(logRatioLift(rate(1, 1), rate(50, 20))).toMatchObject({ reason: 'not_enough_data' })
  })
})

describe('compareConversion and compareRevenue report the log-ratio figures', () => {
  it('gives conversion comparisons scipy’s interval, test and the sequential ones on the log', () => {
    for (const c of reference.logRatioLift.filter((r) => r.kind === 'proportion')) {
      const label = JSON.stringify([c.control, c.treatment])
      const cmp = compareConversion(...momentsOf(c), settings)
      expectCloseInterval(cmp.liftCI, c.ci, 1e-9, label)
      expectClose(cmp.pValue, c.pValue, 1e-9, 1e-15, label)
      expectClose(cmp.sequentialPValue, c.sequentialPValue, 1e-9, 1e-15, label)
      expectCloseInterval(cmp.sequentialCI, c.sequentialCI, 1e-9, label)
    }
  })

  it('gives revenue comparisons the log-ratio interval of revenue per visitor', () => {
    for (const c of reference.logRatioLift.filter((r) => r.kind === 'mean')) {
      const cmp = compareRevenue(...momentsOf(c), 0.05)
      expectCloseInterval(cmp.liftCI, c.ci, 1e-9, JSON.stringify([c.control, c.treatment]))
    }
  })
})
