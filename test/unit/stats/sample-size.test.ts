import { describe, expect, it } from 'vitest'
import {
  powerAt,
  sampleSizePerVariation,
  visitorsStillNeeded,
} from '../../../worker/stats/sample-size.ts'
import { validateSampleSizeParams } from '../../../worker/stats/sample-size-params.ts'

describe('sampleSizePerVariation', () => {
  it('sizes a 5% baseline, +10% relative, alpha 0.05, power 0.8 test', () => {
    // (1.959964 + 0.841621)² · (0.055·0.945/0.05² + 0.95·0.055²/0.05³) / 0.1² = 34362.3
    expect(sampleSizePerVariation({ baselineRate: 0.05, minimumDetectableEffect: 0.1 })).toBe(34363)
  })

  it('reaches the planned power at n and not at n - 1', () => {
    const params = { baselineRate: 0.12, minimumDetectableEffect: -0.07, power: 0.9 }
    const n = sampleSizePerVariation(params)
    expect(powerAt(n, params)).toBeGreaterThanOrEqual(0.9)
    expect(powerAt(n - 1, params)).toBeLessThan(0.9)
  })

  it('splits alpha across treatments (Bonferroni) with more variations', () => {
    const two = { baselineRate: 0.05, minimumDetectableEffect: 0.1, alpha: 0.025 }
    const three = { baselineRate: 0.05, minimumDetectableEffect: 0.1, variations: 3 }
    expect(sampleSizePerVariation(three)).toBe(sampleSizePerVariation(two))
    expect(sampleSizePerVariation({ ...three, variations: 10 })).toBeGreaterThan(
      sampleSizePerVariation(three),
    )
  })

  it('needs more visitors for smaller effects and rarer conversions', () => {
    const base = { baselineRate: 0.05, minimumDetectableEffect: 0.1 }
    expect(sampleSizePerVariation({ ...base, minimumDetectableEffect: 0.05 })).toBeGreaterThan(
      sampleSizePerVariation(base),
    )
    expect(sampleSizePerVariation({ ...base, baselineRate: 0.01 })).toBeGreaterThan(
      sampleSizePerVariation(base),
    )
  })

  it('throws a RangeError on parameters the validator rejects', () => {
    expect(() => sampleSizePerVariation({ baselineRate: 0, minimumDetectableEffect: 0.1 })).toThrow(
      RangeError,
    )
  })
})

describe('validateSampleSizeParams', () => {
  it('fills the defaults', () => {
    expect(validateSampleSizeParams({ baselineRate: 0.1, minimumDetectableEffect: 0.2 })).toEqual({
      ok: true,
      params: {
        baselineRate: 0.1,
        minimumDetectableEffect: 0.2,
        alpha: 0.05,
        power: 0.8,
        variations: 2,
      },
    })
  })

  it.each([
    [{ baselineRate: 0 }, 'baselineRate', 'out_of_range'],
    [{ baselineRate: 1 }, 'baselineRate', 'out_of_range'],
    [{ baselineRate: Number.NaN }, 'baselineRate', 'not_a_number'],
    [{ minimumDetectableEffect: 0 }, 'minimumDetectableEffect', 'out_of_range'],
    [{ minimumDetectableEffect: -1 }, 'minimumDetectableEffect', 'out_of_range'],
    [
      { baselineRate: 0.6, minimumDetectableEffect: 0.8 },
      'minimumDetectableEffect',
      'out_of_range',
    ],
    [{ minimumDetectableEffect: Infinity }, 'minimumDetectableEffect', 'not_a_number'],
    [{ alpha: 0 }, 'alpha', 'out_of_range'],
    [{ alpha: 0.6 }, 'alpha', 'out_of_range'],
    [{ power: 1 }, 'power', 'out_of_range'],
    [{ power: 0.3 }, 'power', 'out_of_range'],
    [{ variations: 1 }, 'variations', 'out_of_range'],
    [{ variations: 11 }, 'variations', 'out_of_range'],
    [{ variations: 2.5 }, 'variations', 'out_of_range'],
  ])('rejects %o naming %s (%s)', (override, parameter, code) => {
    const result = validateSampleSizeParams({
      baselineRate: 0.05,
      minimumDetectableEffect: 0.1,
      ...override,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ parameter, code })
    expect(result.issues[0]?.message).toMatch(parameter)
  })

  it('reports every problem at once, without blaming the MDE for a bad baseline', () => {
    const result = validateSampleSizeParams({
      baselineRate: -1,
      minimumDetectableEffect: 0.1,
      alpha: 2,
    })
    expect(result.ok ? [] : result.issues.map((i) => i.parameter)).toEqual([
      'baselineRate',
      'alpha',
    ])
  })
})

describe('visitorsStillNeeded', () => {
  it('turns the slowest variation’s shortfall into total traffic', () => {
    expect(visitorsStillNeeded(1000, [900, 400], [1, 1])).toEqual({
      perVariation: [100, 600],
      total: 1200,
    })
    // A 20/80 split: the 20% arm is 100 short, which takes 500 more visitors in total.
    expect(visitorsStillNeeded(1000, [900, 3600], [20, 80]).total).toBe(500)
  })

  it('asks nothing of weight-0 variations and nothing once there', () => {
    expect(visitorsStillNeeded(1000, [1200, 1000, 0], [1, 1, 0])).toEqual({
      perVariation: [0, 0, 0],
      total: 0,
    })
  })
})
