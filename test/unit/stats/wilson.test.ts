import { describe, expect, it } from 'vitest'
import { wilsonInterval } from '../../../worker/stats/wilson.ts'
import { expectCloseInterval, reference } from './reference.ts'

describe('wilsonInterval', () => {
  it('matches the Wilson score formula with scipy’s normal quantile', () => {
    for (const c of reference.wilson) {
      const label = `${c.conversions}/${c.visitors} alpha ${c.alpha}`
      expectCloseInterval(wilsonInterval(c.conversions, c.visitors, c.alpha), c.ci, 1e-9, label)
    }
  })

  it('stays inside [0, 1] at 0% and 100%', () => {
    const zero = wilsonInterval(0, 20)
    expect(zero?.[0]).toBe(0)
    expect(zero?.[1]).toBeCloseTo(0.16113, 5)
    const all = wilsonInterval(20, 20)
    expect(all?.[1]).toBe(1)
    expect(all?.[0]).toBeCloseTo(1 - 0.16113, 5)
  })

  it('is null without visitors', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
  })
})
