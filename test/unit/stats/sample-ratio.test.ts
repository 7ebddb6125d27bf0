import { describe, expect, it } from 'vitest'
import { sampleRatioMismatch } from '../../../worker/stats/sample-ratio.ts'
import { expectClose, reference } from './reference.ts'

describe('sampleRatioMismatch', () => {
  it('matches scipy.stats.chisquare against renormalised non-zero weights', () => {
    const cases = reference.goodnessOfFit
    expect(cases.some((c) => c.weights.includes(0))).toBe(true)
    for (const c of cases) {
      const result = sampleRatioMismatch(c.visitors, c.weights)
      const label = JSON.stringify(c)
      expectClose(result.chiSquare, c.chiSquare, 1e-9, 1e-12, label)
      expectClose(result.pValue, c.pValue, 1e-9, 1e-15, label)
      expect(result.ok, label).toBe(c.pValue >= 0.001)
    }
  })

  it('flags a 50/50 split that came out 5000 / 5400 and passes 5000 / 5100', () => {
    expect(sampleRatioMismatch([5000, 5400], [50, 50]).ok).toBe(false)
    expect(sampleRatioMismatch([5000, 5100], [50, 50]).ok).toBe(true)
  })

  it('judges against the weights, not an even split', () => {
    expect(sampleRatioMismatch([2000, 8000], [20, 80])).toEqual({
      chiSquare: 0,
      pValue: 1,
      ok: true,
    })
    expect(sampleRatioMismatch([5000, 5000], [20, 80]).ok).toBe(false)
  })

  it('leaves out weight-0 variations without visitors', () => {
    const withZero = sampleRatioMismatch([1000, 1030, 0], [1, 1, 0])
    expect(withZero).toEqual(sampleRatioMismatch([1000, 1030], [1, 1]))
  })

  it('fails when a weight-0 variation has visitors: its expected count is 0', () => {
    // scipy.stats.chisquare([5000, 5000, 3000], [6500, 6500, 0]) is (inf, 0.0).
    for (const visitors of [
      [5000, 5000, 3000],
      [1000, 1030, 7],
      [10, 10, 1],
    ]) {
      expect(sampleRatioMismatch(visitors, [1, 1, 0])).toEqual({
        chiSquare: null,
        pValue: 0,
        ok: false,
        reason: 'visitors_in_unweighted_variation',
      })
    }
  })

  it('runs on expected counts, so a split of 50,000 against almost no one fails at once', () => {
    // scipy.stats.chisquare([50000, 0]) = (50000.0, 0.0); ([50000, 60]) = (49820.28..., 0.0).
    expect(sampleRatioMismatch([50000, 0], [1, 1])).toEqual({
      chiSquare: 50000,
      pValue: 0,
      ok: false,
    })
    expect(sampleRatioMismatch([50000, 60], [1, 1])).toMatchObject({ pValue: 0, ok: false })
    expectClose(sampleRatioMismatch([50000, 60], [1, 1]).chiSquare, 49820.28765481422, 1e-12, 0, '')
    // scipy.stats.chisquare([150, 50]) = (50.0, 1.537459794428033e-12): 100 expected in each.
    const small = sampleRatioMismatch([150, 50], [1, 1])
    expectClose(small.pValue, 1.537459794428033e-12, 1e-9, 0, '[150, 50]')
    expect(small.ok).toBe(false)
  })

  it('does not run below 100 expected visitors in a weighted variation', () => {
    expect(sampleRatioMismatch([99, 98], [1, 1])).toEqual({
      chiSquare: null,
      pValue: null,
      ok: null,
      reason: 'not_enough_data',
    })
    expect(sampleRatioMismatch([5000, 99], [99, 1])).toMatchObject({ reason: 'not_enough_data' })
    expect(sampleRatioMismatch([0, 0], [1, 1])).toMatchObject({ reason: 'not_enough_data' })
    // A weight-0 variation with no visitors does not hold the check back.
    expect(sampleRatioMismatch([500, 520, 0], [1, 1, 0]).ok).toBe(true)
  })

  it('needs two weighted variations', () => {
    expect(sampleRatioMismatch([500], [1])).toMatchObject({ reason: 'fewer_than_two_variations' })
    expect(sampleRatioMismatch([500, 0], [1, 0])).toMatchObject({
      reason: 'fewer_than_two_variations',
    })
  })
})
