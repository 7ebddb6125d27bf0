import { describe, expect, it } from 'vitest'
import { meanMoments } from '../../../worker/stats/moments.ts'
import type { SampleMoments } from '../../../worker/stats/moments.ts'
import { meanInterval, welchTTest } from '../../../worker/stats/welch.ts'
import { expectClose, expectCloseInterval, reference } from './reference.ts'

const fromSums = (s: { n: number; sum: number; sumSquares: number }): SampleMoments => {
  const m = meanMoments(s.n, s.sum, s.sumSquares)
  if (!m) throw new Error('empty sample')
  return m
}

describe('welchTTest', () => {
  it('matches scipy.stats.ttest_ind(equal_var=False) from sums and sums of squares', () => {
    for (const c of reference.welch) {
      const result = welchTTest(fromSums(c.control), fromSums(c.treatment))
      const label = JSON.stringify(c.control) + JSON.stringify(c.treatment)
      if (!result.ok) throw new Error(`not ok: ${label}`)
      expectClose(result.t, c.t, 1e-9, 1e-12, label)
      expectClose(result.dof, c.dof, 1e-9, 0, label)
      expectClose(result.pValue, c.pValue, 1e-9, 1e-15, label)
      expectClose(result.difference, c.difference, 1e-9, 1e-12, label)
      expectCloseInterval(result.ci, c.ci, 1e-9, label)
    }
  })

  it('needs two visitors a side and some spread', () => {
    const one = { n: 1, mean: 3, variance: 0 }
    const flat = { n: 50, mean: 3, variance: 0 }
    const spread = { n: 50, mean: 4, variance: 2 }
    expect(welchTTest(one, spread)).toEqual({ ok: false, difference: 1, reason: 'not_enough_data' })
    expect(welchTTest(flat, flat)).toEqual({ ok: false, difference: 0, reason: 'zero_variance' })
    expect(welchTTest(flat, spread).ok).toBe(true)
  })
})

describe('meanInterval', () => {
  it('matches scipy.stats.t.interval for the mean', () => {
    for (const c of reference.meanInterval) {
      expectCloseInterval(meanInterval(fromSums(c.sample)), c.ci, 1e-9, JSON.stringify(c.sample))
    }
  })

  it('is null below two visitors', () => {
    expect(meanInterval({ n: 1, mean: 5, variance: 0 })).toBeNull()
  })
})
