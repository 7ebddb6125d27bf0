import { describe, expect, it } from 'vitest'
import { holmAdjust } from '../../../worker/stats/holm.ts'
import { computeResults } from '../../../worker/stats/results.ts'
import type { ResultsInput, VariationInput } from '../../../shared/results-types.ts'
import { expectClose } from './reference.ts'

function variation(
  key: string,
  visitors: number,
  conversions: number,
  extra: Partial<VariationInput> = {},
): VariationInput {
  // Every converter spends 20: sums consistent with that.
  const revenueSum = 20 * conversions
  return {
    key,
    weight: 1,
    visitors,
    conversions,
    revenueSum,
    revenueSumSquares: 400 * conversions,
    ...extra,
  }
}

function results(variations: VariationInput[], settings?: ResultsInput['settings']) {
  return computeResults({ experiment: 'exp', phase: 1, status: 'running', variations, settings })
}

/** Every number finite; every object with a null has a string `reason`; no null in arrays. */
function expectWellFormed(value: unknown, path = '$'): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true)
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      expect(v, `${path}[${i}]`).not.toBeNull()
      expectWellFormed(v, `${path}[${i}]`)
    })
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.some(([, v]) => v === null)) {
      expect(typeof (value as { reason?: unknown }).reason, `${path} has a null, no reason`).toBe(
        'string',
      )
    }
    for (const [k, v] of entries) expectWellFormed(v, `${path}.${k}`)
  }
}

function expectCleanJson(result: unknown): void {
  expectWellFormed(result)
  const json = JSON.stringify(result)
  expect(json).not.toMatch(/NaN|Infinity/)
  expectWellFormed(JSON.parse(json))
}

describe('computeResults', () => {
  it('answers the shape of the results route (docs/api.md)', () => {
    const result = results([variation('control', 1000, 50), variation('b', 1000, 60)])
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['experiment', 'phase', 'status']))
    expect(result.srm).toMatchObject({ chiSquare: 0, pValue: 1, ok: true })
    expect(result.test).toEqual({
      chiSquare: expect.any(Number),
      dof: 1,
      pValue: expect.any(Number),
    })
    const [control, b] = result.variations
    expect(control).not.toHaveProperty('vsControl')
    expect(control).toMatchObject({ key: 'control', visitors: 1000, conversions: 50, rate: 0.05 })
    expect(control?.revenue).toMatchObject({ total: 1000, perVisitor: 1 })
    expect(b?.vsControl).toEqual({
      lift: expect.any(Number),
      liftCI: [expect.any(Number), expect.any(Number)],
      pValue: expect.any(Number),
      pValueAdjusted: expect.any(Number),
      chanceToBeatControl: expect.any(Number),
      sequentialPValue: expect.any(Number),
      sequentialPValueAdjusted: expect.any(Number),
      sequentialCI: [expect.any(Number), expect.any(Number)],
    })
    expectCleanJson(result)
  })

  it('reports scipy’s relative_risk interval for 14/28 vs 16/30 through the whole pipeline', () => {
    const b = results([variation('a', 28, 14), variation('b', 30, 16)]).variations[1]
    expect(b?.vsControl?.lift).toBeCloseTo(0.06667, 5)
    // scipy.stats.contingency.relative_risk(16, 30, 14, 28).confidence_interval() minus 1.
    expect(b?.vsControl?.liftCI?.[0]).toBeCloseTo(-0.35254, 5)
    expect(b?.vsControl?.liftCI?.[1]).toBeCloseTo(0.75729, 5)
    expect(b?.vsControl?.pValue).toBeCloseTo(0.79998, 5)
  })

  it('handles an experiment nobody has seen yet', () => {
    const result = results([variation('a', 0, 0), variation('b', 0, 0)])
    expect(result.srm).toMatchObject({ ok: null, reason: 'not_enough_data' })
    expect(result.test).toMatchObject({ pValue: null, reason: 'no_visitors' })
    expect(result.variations[0]).toMatchObject({ rate: null, rateCI: null, reason: 'no_visitors' })
    expect(result.variations[1]?.vsControl).toMatchObject({ reason: 'control_no_visitors' })
    expect(result.power).toMatchObject({
      visitorsPerVariation: null,
      reason: 'control_no_visitors',
    })
    expectCleanJson(result)
  })

  // A rate of 0 leaves the relative lift without a variance; the pair is still tested, so the
  // arm can be called. References: scipy.stats.chi2_contingency([[c_a, n_a - c_a], [c_b, n_b -
  // c_b]])[1] (Yates) for pValue, and the sequential formula of sequential.ts on (p_b - p_a, se)
  // with Welch's se (GrowthBook's p(1 - p) variance) for sequentialPValue.
  it('gives a lift of -100% with no interval, but tests the difference, when a treatment has zero conversions', () => {
    const result = results([variation('a', 500, 25), variation('b', 500, 0)])
    expect(result.variations[1]?.rate).toBe(0)
    expect(result.variations[1]?.rateCI?.[0]).toBe(0)
    const vs = result.variations[1]?.vsControl
    expect(vs).toMatchObject({
      lift: -1,
      liftCI: null,
      sequentialCI: null,
      reason: 'zero_variance',
    })
    expectClose(vs?.pValue, 1.1670638865269384e-6, 1e-9, 0, 'pValue')
    expectClose(vs?.sequentialPValue, 0.0005020077134061161, 1e-9, 0, 'sequentialPValue')
    // One treatment: Holm changes nothing.
    expect(vs?.sequentialPValueAdjusted).toBe(vs?.sequentialPValue)
    expect(result.test.pValue).toBeLessThan(0.001)
    expectCleanJson(result)
  })

  it('has no lift over a control with zero conversions, but tests the difference', () => {
    const result = results([variation('a', 500, 0), variation('b', 500, 8)])
    const vs = result.variations[1]?.vsControl
    expect(vs).toMatchObject({ lift: null, liftCI: null, reason: 'control_rate_zero' })
    expectClose(vs?.pValue, 0.012961221299846596, 1e-9, 0, 'pValue')
    expectClose(vs?.sequentialPValue, 0.132847559797432, 1e-9, 0, 'sequentialPValue')
    expect(result.power).toMatchObject({ reason: 'control_rate_zero' })
    expectCleanJson(result)
  })

  it('tests a few conversions against none exactly as scipy, not by a normal approximation', () => {
    // Welch would say 0.045 here; the exact test says 0.123 and chi2_contingency 0.132.
    const result = results([variation('a', 200, 0), variation('b', 200, 4)])
    expectClose(result.variations[1]?.vsControl?.pValue, 0.13166801602281455, 1e-9, 0, 'pValue')
  })

  it('has no test at all when both rates are 0: nothing differs', () => {
    const result = results([variation('a', 500, 0), variation('b', 500, 0)])
    expect(result.variations[1]?.vsControl).toMatchObject({
      lift: null,
      pValue: null,
      sequentialPValue: null,
      reason: 'control_rate_zero',
    })
    expectCleanJson(result)
  })

  it('handles every visitor converting', () => {
    const result = results([variation('a', 300, 300), variation('b', 310, 310)])
    expect(result.test).toMatchObject({ chiSquare: null, reason: 'all_converted' })
    expect(result.variations[1]?.vsControl).toMatchObject({ lift: 0, reason: 'zero_variance' })
    expect(result.power).toMatchObject({ reason: 'invalid_parameters' })
    expectCleanJson(result)
  })

  it('leaves a weight-0 variation out of the SRM check and the chi-square test', () => {
    const off = variation('off', 0, 0, { weight: 0 })
    const result = results([variation('a', 1000, 50), variation('b', 1010, 62), off])
    expect(result.srm.ok).toBe(true)
    expect(result.test).toMatchObject({ dof: 1, excluded: ['off'] })
    expect(result.variations[2]?.vsControl?.reason).toBe('no_visitors')
    expect(result.variations[1]?.vsControl?.pValueAdjusted).toBe(
      result.variations[1]?.vsControl?.pValue,
    )
    expectCleanJson(result)
  })

  it('compares 10 variations with Holm-adjusted p-values', () => {
    const variations = Array.from({ length: 10 }, (_, i) =>
      variation(`v${i}`, 20_000 + 37 * i, 1000 + 23 * i * i),
    )
    const result = results(variations)
    expect(result.test.dof).toBe(9)
    const raw = result.variations.slice(1).map((v) => v.vsControl?.pValue ?? null)
    const adjusted = result.variations.slice(1).map((v) => v.vsControl?.pValueAdjusted ?? null)
    expect(raw.every((p) => typeof p === 'number')).toBe(true)
    expect(adjusted).toEqual(holmAdjust(raw))
    adjusted.forEach((p, i) => expect(p).toBeGreaterThanOrEqual(raw[i] ?? 1))
    const sequential = result.variations.slice(1).map((v) => v.vsControl?.sequentialPValue ?? null)
    expect(sequential.some((p) => p !== null && p < 1)).toBe(true)
    expect(
      result.variations.slice(1).map((v) => v.vsControl?.sequentialPValueAdjusted ?? null),
    ).toEqual(holmAdjust(sequential))
    expectCleanJson(result)
  })

  it('uses winsorized sums per visitor but reports the raw total', () => {
    const big = variation('a', 100, 10, {
      revenueSum: 10_200,
      revenueSumSquares: 100_010_000,
      winsorizedSum: 500,
      winsorizedSumSquares: 25_000,
    })
    const revenue = results([big, variation('b', 100, 10)]).variations[0]?.revenue
    expect(revenue).toMatchObject({ total: 10_200, perVisitor: 5, winsorized: true })
  })

  it('compares revenue per visitor with Welch’s test', () => {
    const result = results([
      variation('a', 2000, 100, { revenueSum: 5000, revenueSumSquares: 400_000 }),
      variation('b', 2000, 110, { revenueSum: 6000, revenueSumSquares: 500_000 }),
    ])
    const comparison = result.variations[1]?.revenue.vsControl
    expect(comparison?.difference).toBeCloseTo(0.5, 12)
    expect(comparison?.lift).toBeCloseTo(0.2, 12)
    expect(comparison?.pValue).toBeGreaterThan(0)
    expect(comparison?.pValueAdjusted).toBe(comparison?.pValue)
  })

  it('plans the sample size from the control’s rate and the weights', () => {
    const result = results([variation('a', 10_000, 500), variation('b', 10_000, 520)])
    expect(result.power).toEqual({
      baselineRate: 0.05,
      minimumDetectableEffect: 0.1,
      alpha: 0.05,
      power: 0.8,
      visitorsPerVariation: 34_363,
      visitorsStillNeeded: 2 * (34_363 - 10_000),
    })
  })

  it('applies settings', () => {
    const result = results([variation('a', 1000, 50), variation('b', 1000, 70)], {
      alpha: 0.1,
      minimumDetectableEffect: 0.2,
    })
    expect(result.settings).toMatchObject({ alpha: 0.1, minimumDetectableEffect: 0.2, power: 0.8 })
    const ci90 = result.variations[1]?.vsControl?.liftCI
    const ci95 = results([variation('a', 1000, 50), variation('b', 1000, 70)]).variations[1]
      ?.vsControl?.liftCI
    expect((ci90?.[1] ?? 0) - (ci90?.[0] ?? 0)).toBeLessThan((ci95?.[1] ?? 0) - (ci95?.[0] ?? 0))
  })

  it('throws a RangeError on impossible counts and settings', () => {
    expect(() => results([variation('a', 10, 11)])).toThrow(RangeError)
    expect(() => results([variation('a', 10.5, 1)])).toThrow(RangeError)
    expect(() => results([variation('a', 10, 1, { revenueSumSquares: -1 })])).toThrow(RangeError)
    expect(() => results([variation('a', 10, 1, { weight: Number.NaN })])).toThrow(RangeError)
    expect(() => results([])).toThrow(RangeError)
    expect(() => results([variation('a', 10, 1)], { alpha: 0 })).toThrow(RangeError)
  })

  it('never produces NaN, Infinity or an unexplained null on 2,000 random experiments', () => {
    let seed = 12345
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)] as T
    for (let run = 0; run < 2000; run++) {
      const count = 1 + Math.floor(random() * 10)
      const variations = Array.from({ length: count }, (_, i): VariationInput => {
        const visitors = pick([0, 1, 2, 3, 99, 100, 150, 1000, Math.floor(random() * 50_000)])
        const rate = pick([0, 1, random(), random() * 0.1])
        const conversions = Math.min(visitors, Math.round(visitors * rate))
        const order = pick([0, 5, 100 * random()])
        const winsorize = random() < 0.3
        return {
          key: `v${i}`,
          weight: pick([0, 1, 1, 2, 0.5]),
          visitors,
          conversions,
          revenueSum: conversions * order,
          revenueSumSquares: conversions * order * order * pick([1, 1.5]),
          ...(winsorize
            ? {
                winsorizedSum: conversions * order * 0.9,
                winsorizedSumSquares: conversions * order * order * 0.8,
              }
            : {}),
        }
      })
      const settings = pick([
        {},
        { alpha: 0.01 },
        { alpha: 0.5, power: 0.95 },
        { minimumDetectableEffect: -0.5 },
      ])
      expectCleanJson(results(variations, settings))
    }
  })
})
