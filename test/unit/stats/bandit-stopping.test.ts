import { describe, expect, it } from 'vitest'
import { stoppingWinner } from '../../../worker/stats/bandit/stopping.ts'

describe('stoppingWinner', () => {
  it('names the variation whose P(best) stayed at or above 95% for the last 3 updates', () => {
    expect(
      stoppingWinner([
        [0.5, 0.5],
        [0.05, 0.95],
        [0.02, 0.98],
        [0.04, 0.96],
      ]),
    ).toBe(1)
  })

  it('names nobody after one crossing, or when the streak broke', () => {
    expect(stoppingWinner([[0.02, 0.98]])).toBeNull()
    expect(
      stoppingWinner([
        [0.02, 0.98],
        [0.06, 0.94],
        [0.01, 0.99],
      ]),
    ).toBeNull()
  })

  it('takes the threshold and the streak as settings', () => {
    const history = [
      [0.1, 0.9],
      [0.08, 0.92],
    ]
    expect(stoppingWinner(history, { threshold: 0.9, updates: 2 })).toBe(1)
    expect(stoppingWinner(history, { threshold: 0.95, updates: 1 })).toBeNull()
  })
})
