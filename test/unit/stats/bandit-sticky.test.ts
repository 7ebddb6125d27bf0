// Thousands of visitors through several bandit updates, with returning visitors: nobody
// exposed ever sees another variation, though the weights move far enough that re-hashing
// would move many of them.
import { describe, expect, it } from 'vitest'
import { assignVariation } from '../../../shared/bucketing.ts'
import { banditVariationOf } from '../../../worker/experiments/bandit-assignment.ts'
import { mulberry32 } from '../../../worker/recs/prng.ts'
import type { AllocationPeriod, ArmCounts } from '../../../worker/stats/bandit/periods.ts'
import { DEFAULT_BANDIT_SETTINGS, reweigh } from '../../../worker/stats/bandit/reweigh.ts'

const RATES = [0.03, 0.05, 0.08]

describe('bandit assignment', () => {
  it('keeps every exposed visitor in their variation through every update', () => {
    const random = mulberry32(42)
    const exposed = new Map<string, number>()
    const periods: AllocationPeriod[] = []
    let weights = [1 / 3, 1 / 3, 1 / 3]
    let checked = 0
    let switched = 0
    let wouldHaveMoved = 0
    let updates = 0
    for (let hour = 0; hour < 8; hour++) {
      const config = { seed: 'sticky-banner', weights, coverage: 1 }
      const counts: ArmCounts[] = RATES.map(() => ({ visitors: 0, conversions: 0 }))
      for (let n = 0; n < 1000; n++) {
        // Two in three arrivals are new visitors, the rest come back.
        const returning = exposed.size > 0 && random() < 1 / 3
        const visitorId = returning
          ? `visitor-${Math.floor(random() * exposed.size)}`
          : `visitor-${exposed.size}`
        const first = exposed.get(visitorId)
        const index = banditVariationOf(config, visitorId, first)
        if (first !== undefined) {
          checked++
          if (index !== first) switched++
          if (assignVariation(config, visitorId) !== first) wouldHaveMoved++
          continue
        }
        exposed.set(visitorId, index)
        const arm = counts[index]
        if (!arm) throw new Error('outside the experiment')
        arm.visitors++
        if (random() < (RATES[index] ?? 0)) arm.conversions++
      }
      periods.push({ weights, arms: counts })
      const outcome = reweigh({
        settings: { ...DEFAULT_BANDIT_SETTINGS, exploreHours: 1 },
        periods,
        hoursSinceStart: hour + 1,
      })
      if (outcome.updated) updates++
      weights = outcome.weights
    }
    expect(switched).toBe(0)
    expect(exposed.size).toBeGreaterThan(5000)
    expect(checked).toBeGreaterThan(2000)
    expect(updates).toBeGreaterThanOrEqual(6)
    expect(weights[2]).toBeGreaterThan(0.9)
    // The weights moved enough that re-hashing would have moved a good share of them.
    expect(wouldHaveMoved).toBeGreaterThan(checked / 10)
  })

  it('buckets a visitor not yet exposed by the current weights', () => {
    const config = { seed: 'sticky-banner', weights: [0.1, 0.2, 0.7], coverage: 1 }
    for (let n = 0; n < 200; n++) {
      expect(banditVariationOf(config, `new-${n}`, undefined)).toBe(
        assignVariation(config, `new-${n}`),
      )
    }
  })

  it('ignores a stored index the experiment no longer has', () => {
    const config = { seed: 'sticky-banner', weights: [0.5, 0.5], coverage: 1 }
    expect(banditVariationOf(config, 'v1', 5)).toBe(assignVariation(config, 'v1'))
  })
})
