import { describe, expect, it } from 'vitest'
import { chiSquareIndependence } from '../../../worker/stats/chi-square.ts'
import { expectClose, reference } from './reference.ts'

describe('chiSquareIndependence', () => {
  it('matches scipy.stats.chi2_contingency on 300+ random tables of 2 to 10 variations', () => {
    const cases = reference.chiSquareIndependence
    expect(cases.length).toBeGreaterThan(300)
    expect(cases.some((c) => c.dof === 1)).toBe(true)
    expect(cases.some((c) => c.dof === 9)).toBe(true)
    for (const c of cases) {
      const result = chiSquareIndependence(c.table)
      const label = JSON.stringify(c.table)
      expect(result.dof, label).toBe(c.dof)
      expectClose(result.chiSquare, c.chiSquare, 1e-9, 1e-12, label)
      expectClose(result.pValue, c.pValue, 1e-9, 1e-15, label)
    }
  })

  it("applies Yates' correction by at most |observed - expected| when dof = 1", () => {
    // Expected counts 10.45 / 9.55: each cell moves 0.45, not 0.5, so the statistic is 0.
    const result = chiSquareIndependence([
      [10, 90],
      [10, 91],
    ])
    expect(result).toEqual({ chiSquare: 0, dof: 1, pValue: 1 })
  })

  it('answers scipy’s dof-0 result for a single variation', () => {
    expect(chiSquareIndependence([[5, 95]])).toEqual({ chiSquare: 0, dof: 0, pValue: 1 })
  })

  it('returns null figures with a reason where scipy raises', () => {
    const none = { chiSquare: null, dof: null, pValue: null }
    expect(
      chiSquareIndependence([
        [0, 100],
        [0, 120],
      ]),
    ).toEqual({ ...none, reason: 'no_conversions' })
    expect(
      chiSquareIndependence([
        [100, 0],
        [120, 0],
      ]),
    ).toEqual({ ...none, reason: 'all_converted' })
    expect(
      chiSquareIndependence([
        [5, 95],
        [0, 0],
      ]),
    ).toEqual({ ...none, reason: 'empty_variation' })
    expect(
      chiSquareIndependence([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual({ ...none, reason: 'no_visitors' })
    expect(chiSquareIndependence([])).toEqual({ ...none, reason: 'fewer_than_two_variations' })
  })
})
