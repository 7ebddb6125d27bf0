import { describe, expect, it } from 'vitest'
import { guardedScores } from '../../scripts/lib/intent-evaluation.ts'
import { startOnlineLayer } from '../../worker/intent/online-layer.ts'

// The guard weighs the layer's own score against the frozen one; the served mixture is not read.
const streamed = (frozen: number[], layerOnly: number[]) => ({
  frozen,
  online: layerOnly.map(() => Number.NaN),
  layerOnly,
  skipped: 0,
  layer: startOnlineLayer([]),
})

describe('the guarded online layer of the settings search', () => {
  it('serves the online score first, then the frozen one once online has been the worse', () => {
    // Every session buys: online says 0.2 where frozen says 0.8, so online loses from the first.
    const bought = [1, 1, 1]
    expect(guardedScores(streamed([0.8, 0.8, 0.8], [0.2, 0.2, 0.2]), bought, 10)).toEqual([
      0.2, 0.8, 0.8,
    ])
  })

  it('comes back to the online score when it wins again, sooner with a shorter half-life', () => {
    // Online loses the first two sessions, then wins every later one.
    const bought = [1, 1, 0, 0, 0, 0, 0, 0]
    const frozen = [0.8, 0.8, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
    const online = [0.3, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
    const servedOnline = (half: number) =>
      guardedScores(streamed(frozen, online), bought, half).findIndex((p, i) => i > 0 && p === 0.1)
    expect(servedOnline(1)).toBeGreaterThan(2)
    expect(servedOnline(1)).toBeLessThan(servedOnline(100))
  })
})
