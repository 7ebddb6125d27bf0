import { describe, expect, it } from 'vitest'
import { normalSf } from '../../../worker/stats/distributions.ts'
import { meanMoments, proportionMoments } from '../../../worker/stats/moments.ts'
import type { SampleMoments } from '../../../worker/stats/moments.ts'
import { relativeLiftTest } from '../../../worker/stats/relative-lift.ts'
import { sequentialRho, sequentialTest } from '../../../worker/stats/sequential.ts'
import { expectClose, expectCloseInterval, reference } from './reference.ts'

function momentsOf(c: (typeof reference.relativeLift)[number]): [SampleMoments, SampleMoments] {
  const pair =
    c.kind === 'proportion'
      ? [proportionMoments(...c.control), proportionMoments(...c.treatment)]
      : [
          meanMoments(c.control.n, c.control.sum, c.control.sumSquares),
          meanMoments(c.treatment.n, c.treatment.sum, c.treatment.sumSquares),
        ]
  const [a, b] = pair
  if (!a || !b) throw new Error('empty sample')
  return [a, b]
}

describe('sequentialTest (Waudby-Smith et al. 2023 asymptotic confidence sequences)', () => {
  it('matches gbstats’ SequentialTwoSidedTTest formulas (N* = 5000) evaluated in Python', () => {
    for (const c of reference.relativeLift) {
      const [control, treatment] = momentsOf(c)
      const fixed = relativeLiftTest(control, treatment)
      if (!fixed.ok) throw new Error(fixed.reason)
      const result = sequentialTest(fixed.lift, fixed.standardError, control.n + treatment.n)
      const label = JSON.stringify([c.control, c.treatment])
      expectClose(result.pValue, c.sequentialPValue, 1e-9, 1e-15, label)
      expectCloseInterval(result.ci, c.sequentialCI, 1e-9, label)
    }
  })

  it('uses eq. 161 for ρ', () => {
    const expected = Math.sqrt((-2 * Math.log(0.05) + Math.log(-2 * Math.log(0.05) + 1)) / 5000)
    expect(sequentialRho(0.05, 5000)).toBe(expected)
  })

  it('rejects exactly when 0 leaves the confidence sequence', () => {
    for (let i = 1; i <= 200; i++) {
      const estimate = (i - 100) / 400
      const result = sequentialTest(estimate, 0.1, 1000 + 50 * i)
      const excludesZero = result.ci[0] > 0 || result.ci[1] < 0
      expect(result.pValue < 0.05, `estimate ${estimate}`).toBe(excludesZero)
    }
  })

  it('is wider than the normal fixed-horizon interval and never more significant', () => {
    // The sequence is asymptotic (normal), so the comparison is with the z interval: with a
    // handful of visitors the t interval can be the wider one, in gbstats as here.
    for (const c of reference.relativeLift) {
      const [control, treatment] = momentsOf(c)
      const fixed = relativeLiftTest(control, treatment)
      if (!fixed.ok) continue
      const result = sequentialTest(fixed.lift, fixed.standardError, control.n + treatment.n)
      const z = fixed.lift / fixed.standardError
      expect(result.ci[1] - result.ci[0]).toBeGreaterThan(2 * 1.959964 * fixed.standardError)
      expect(result.pValue).toBeGreaterThanOrEqual(2 * normalSf(Math.abs(z)))
    }
  })

  it('underflows a huge effect to p = 0 rather than Infinity', () => {
    const result = sequentialTest(5, 0.001, 1e6)
    expect(result.pValue).toBe(0)
    expect(Number.isFinite(result.ci[0])).toBe(true)
  })
})
