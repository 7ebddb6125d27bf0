// The simulation of `npm run simulate:bandit` (scripts/lib/bandit-world.ts) on a world small
// enough for the test suite: 18,000 visitors, two seeded runs. On so short a horizon the bandit has
// less time to profit, so the bound is looser than the full simulation's "at most half"; the
// A/A false-winner rate and the drift bias need hundreds of runs and are left to the full
// simulation (the drift mechanism itself is pinned exactly in bandit-periods.test.ts).
import { describe, expect, it } from 'vitest'
import { runWorld, type Policy } from '../../../scripts/lib/bandit-world.ts'

const RATES = [0.04, 0.044, 0.05]
const SMALL = { visitors: 18_000, visitorsPerUpdate: 1_500, minWeight: 0.01, returningShare: 0.2 }

function meanLoss(policy: Policy, seeds: readonly number[]): number {
  let lost = 0
  for (const seed of seeds) {
    const run = runWorld({ ...SMALL, policy, rates: () => RATES, seed })
    expect(run.switchedVisitors).toBe(0)
    expect(run.returningVisits).toBeGreaterThan(3000)
    lost += run.bestExpectedConversions - run.expectedConversions
  }
  return lost / seeds.length
}

describe('bandit simulation, small', () => {
  it('maximize loses far fewer conversions than an equal split, moving nobody exposed', () => {
    const equal = meanLoss('equal', [1])
    const maximize = meanLoss('maximize', [1])
    // An equal split loses a third of 18,000 visitors × (1.0 + 0.6) points: about 96.
    expect(equal).toBeGreaterThan(90)
    expect(maximize).toBeLessThan(0.75 * equal)
  })
})
