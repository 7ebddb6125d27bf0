import { describe, expect, it } from 'vitest'
import {
  chiSquareSf,
  normalCdf,
  normalQuantile,
  normalSf,
  studentTCritical,
  studentTTwoSided,
} from '../../../worker/stats/distributions.ts'
import { expectClose, reference } from './reference.ts'

const { distributions } = reference

describe('distribution functions (against mpmath at 40 digits)', () => {
  it('gives Student t two-sided tails to 1e-12 for dof from 1 to 1e8', () => {
    for (const c of distributions.studentTTwoSided) {
      expectClose(studentTTwoSided(c.t, c.dof), c.twoSided, 1e-12, 0, `t=${c.t} dof=${c.dof}`)
    }
  })

  it('gives Student t critical values to 1e-12', () => {
    for (const c of distributions.studentTCritical) {
      expectClose(studentTCritical(c.alpha, c.dof), c.critical, 1e-12, 0, `dof=${c.dof}`)
    }
  })

  it('gives chi-square upper tails to 1e-12, deep into the tail', () => {
    for (const c of distributions.chiSquareSf) {
      expectClose(chiSquareSf(c.x, c.dof), c.sf, 1e-12, 0, `x=${c.x} k=${c.dof}`)
    }
  })

  it('gives normal quantiles to 1e-13', () => {
    for (const c of distributions.normalQuantile) {
      expectClose(normalQuantile(c.p), c.z, 1e-13, 1e-16, `p=${c.p}`)
    }
  })

  it('keeps normal tails symmetric and free of cancellation', () => {
    expect(normalCdf(0)).toBe(0.5)
    expectClose(normalSf(8), 6.22096057427174e-16, 1e-13)
    expectClose(normalCdf(-8), normalSf(8), 1e-15)
    expect(chiSquareSf(0, 3)).toBe(1)
    expect(chiSquareSf(1e6, 1)).toBe(0)
  })
})
