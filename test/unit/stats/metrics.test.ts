import { describe, expect, it } from 'vitest'
import type { MetricDefinition } from '../../../shared/api-types.ts'
import { computeMetric, type MetricTotals } from '../../../worker/stats/metrics.ts'
import { ratioMoments } from '../../../worker/stats/moments.ts'

/** Per-visitor (revenue, orders) samples: a deterministic mix of non-buyers and buyers. */
function sample(n: number, seed: number): [number, number][] {
  let s = seed
  const random = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31
  }
  return Array.from({ length: n }, () => {
    if (random() > 0.2) return [0, 0]
    const orders = random() < 0.3 ? 2 : 1
    return [Math.round(orders * (20 + 80 * random()) * 100) / 100, orders]
  })
}

function totalsOf(data: [number, number][]): MetricTotals {
  const buyers = data.filter(([, x]) => x > 0)
  const sum = (f: (p: [number, number]) => number) => data.reduce((a, p) => a + f(p), 0)
  return {
    visitors: data.length,
    rows: buyers.length,
    engaged: buyers.filter(([y]) => y > 0).length,
    value: sum(([y]) => y),
    valueSquares: sum(([y]) => y * y),
    events: sum(([, x]) => x),
    eventsSquares: sum(([, x]) => x * x),
    valueTimesEvents: sum(([y, x]) => y * x),
  }
}

describe('ratioMoments (average order value by the delta method)', () => {
  it('equals the variance of the linearised values (y - R·x) / x̄ over n, from raw samples', () => {
    for (const [n, seed] of [
      [50, 1],
      [400, 2],
      [5000, 3],
    ] as const) {
      const data = sample(n, seed)
      const t = totalsOf(data)
      const m = ratioMoments(
        n,
        { sum: t.value, sumSquares: t.valueSquares },
        { sum: t.events, sumSquares: t.eventsSquares },
        t.valueTimesEvents,
      )
      const ratio = t.value / t.events
      const meanX = t.events / n
      const linear = data.map(([y, x]) => (y - ratio * x) / meanX)
      const mean = linear.reduce((a, v) => a + v, 0) / n
      const variance = linear.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)
      expect(m?.mean).toBeCloseTo(ratio, 10)
      expect((m?.variance ?? 0) / variance).toBeCloseTo(1, 9)
    }
  })

  it('is null without any order', () => {
    expect(ratioMoments(10, { sum: 0, sumSquares: 0 }, { sum: 0, sumSquares: 0 }, 0)).toBeNull()
  })
})

const atc: MetricDefinition = {
  key: 'atc',
  kind: 'conversion',
  event: 'add_to_cart',
  role: 'secondary',
  better: 'higher',
}
const rate = (visitors: number, engaged: number): MetricTotals => ({
  visitors,
  rows: engaged,
  engaged,
  value: engaged,
  valueSquares: engaged,
  events: engaged,
  eventsSquares: engaged,
  valueTimesEvents: engaged,
})

describe('computeMetric', () => {
  it('reports rates with Wilson intervals and lifts with log-ratio intervals', () => {
    const result = computeMetric(
      atc,
      [
        { key: 'control', totals: rate(1000, 100) },
        { key: 'b', totals: rate(1000, 150) },
      ],
      0.05,
    )
    expect(result.variations[0]).toMatchObject({ value: 0.1, count: 100 })
    const cmp = result.variations[1]?.vsControl
    expect(cmp?.lift).toBeCloseTo(0.5, 12)
    // scipy.stats.contingency.relative_risk(150, 1000, 100, 1000).confidence_interval() - 1
    expect(cmp?.liftCI?.[0]).toBeCloseTo(0.183057, 5)
    expect(cmp?.liftCI?.[1]).toBeCloseTo(0.901853, 5)
    expect(result.worse).toEqual([])
  })

  it('calls a treatment worse the way the metric says is bad, after Holm', () => {
    const lower = { ...atc, better: 'lower' as const, role: 'guardrail' as const }
    const variations = [
      { key: 'control', totals: rate(1000, 100) },
      { key: 'b', totals: rate(1000, 150) },
      { key: 'c', totals: rate(1000, 125) },
    ]
    const result = computeMetric(lower, variations, 0.05)
    const [b, c] = result.variations.slice(1).map((v) => v.vsControl)
    expect(b?.pValueAdjusted).toBeCloseTo(2 * (b?.pValue ?? 0), 12)
    expect(c?.pValueAdjusted).toBeGreaterThan(0.05)
    expect(result.worse).toEqual(['b'])
    expect(computeMetric(atc, variations, 0.05).worse).toEqual([])
  })

  it('turns engaged visitors into a bounce rate', () => {
    const bounce: MetricDefinition = {
      key: 'b',
      kind: 'bounce',
      role: 'secondary',
      better: 'lower',
    }
    const result = computeMetric(bounce, [{ key: 'control', totals: rate(200, 150) }], 0.05)
    expect(result.variations[0]).toMatchObject({ value: 0.25, count: 50 })
  })

  it('explains a missing figure with a reason instead of NaN', () => {
    const aov: MetricDefinition = {
      key: 'aov',
      kind: 'average_order_value',
      role: 'secondary',
      better: 'higher',
    }
    const result = computeMetric(
      aov,
      [
        { key: 'control', totals: rate(100, 0) },
        { key: 'b', totals: rate(0, 0) },
      ],
      0.05,
    )
    expect(result.variations[0]).toMatchObject({ value: null, reason: 'no_orders' })
    expect(result.variations[1]).toMatchObject({ value: null, reason: 'no_visitors' })
    expect(result.variations[1]?.vsControl).toMatchObject({
      lift: null,
      reason: 'control_no_visitors',
    })
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })
})
