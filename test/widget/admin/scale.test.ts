import { describe, expect, it } from 'vitest'
import {
  liftDomain,
  linearScale,
  niceDomain,
  niceStep,
  niceTicks,
} from '../../../widget/admin/lib/scale.ts'

describe('linearScale', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const x = linearScale([-0.2, 0.2], [10, 190])
    expect(x(-0.2)).toBe(10)
    expect(x(0)).toBeCloseTo(100)
    expect(x(0.2)).toBe(190)
    const y = linearScale([0, 0.1], [200, 0])
    expect(y(0.05)).toBeCloseTo(100)
  })

  it('puts everything in the middle for an empty domain instead of dividing by zero', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50)
  })
})

describe('nice ticks', () => {
  it.each([
    [1, 5, 0.2],
    [0.37, 4, 0.1],
    [0.9, 4, 0.5],
    [12, 5, 5],
  ])('niceStep(%s, %s) is %s', (span, count, step) => {
    expect(niceStep(span, count)).toBe(step)
  })

  it('widens a domain to whole steps', () => {
    expect(niceDomain(-0.13, 0.27, 4)).toEqual([-0.2, 0.4])
    expect(niceDomain(-0.2, 0.4, 4)).toEqual([-0.2, 0.4])
    expect(niceDomain(0, 0.123, 4)).toEqual([0, 0.15])
    expect(niceDomain(0, 0, 4)).toEqual([0, 1])
  })

  it('gives round ticks without floating-point noise', () => {
    expect(niceTicks(-0.2, 0.4, 4)).toEqual([-0.2, 0, 0.2, 0.4])
    expect(niceTicks(-0.1, 0.1, 4)).toEqual([-0.1, -0.05, 0, 0.05, 0.1])
    expect(niceTicks(0, 0.15, 4)).toEqual([0, 0.05, 0.1, 0.15])
  })
})

describe('liftDomain: one axis shared by every row', () => {
  it('covers every interval and point estimate, and always includes zero', () => {
    const [lo, hi] = liftDomain([
      { lift: 0.12, ci: [0.05, 0.19] },
      { lift: 0.3, ci: [0.21, 0.39] },
    ])
    expect(lo).toBeLessThanOrEqual(0)
    expect(hi).toBeGreaterThanOrEqual(0.39)
    expect(liftDomain([{ lift: -0.3, ci: [-0.45, -0.15] }])[1]).toBeGreaterThanOrEqual(0)
  })

  it('falls back to ±10% when nothing has an interval yet', () => {
    expect(liftDomain([{ lift: null, ci: null }])).toEqual([-0.1, 0.1])
    expect(liftDomain([])).toEqual([-0.1, 0.1])
  })
})
