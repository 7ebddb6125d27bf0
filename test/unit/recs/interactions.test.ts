import { describe, expect, it } from 'vitest'

import { buildInteractionMatrix, DEFAULT_WEIGHTS } from '../../../worker/recs/train/interactions.ts'
import { rowColumns, rowValues } from '../../../worker/recs/train/sparse-matrix.ts'
import type { Interaction, InteractionType } from '../../../worker/recs/types.ts'

const DAY = 86_400_000
const T0 = Date.UTC(2024, 0, 31)
const event = (visitorId: string, itemId: string, type: InteractionType, at = T0): Interaction => ({
  visitorId,
  itemId,
  type,
  at,
})

/** The value of cell (visitor, item), 0 when absent. */
function cell(m: ReturnType<typeof buildInteractionMatrix>, visitor: string, item: string): number {
  const row = m.visitorIndex.get(visitor) ?? -1
  const col = m.itemIndex.get(item) ?? -1
  const at = Array.from(rowColumns(m, row)).indexOf(col)
  return at === -1 ? 0 : (rowValues(m, row)[at] ?? 0)
}

describe('buildInteractionMatrix', () => {
  it('sums type weights per cell and damps them with log1p', () => {
    const m = buildInteractionMatrix([
      event('v1', 'a', 'view'),
      event('v1', 'a', 'purchase'),
      event('v1', 'b', 'click'),
      event('v2', 'a', 'add_to_cart'),
    ])
    expect(cell(m, 'v1', 'a')).toBeCloseTo(
      Math.log1p(DEFAULT_WEIGHTS.view + DEFAULT_WEIGHTS.purchase),
    )
    expect(cell(m, 'v1', 'b')).toBeCloseTo(Math.log1p(2))
    expect(cell(m, 'v2', 'a')).toBeCloseTo(Math.log1p(4))
    expect(cell(m, 'v2', 'b')).toBe(0)
    expect(m.used).toBe(4)
  })

  it('maps ids to sorted rows and columns whatever the input order', () => {
    const events = [
      event('zed', 'x2', 'view'),
      event('amy', 'x1', 'view'),
      event('bob', 'x2', 'view'),
    ]
    const m = buildInteractionMatrix(events)
    expect(m.visitors).toEqual(['amy', 'bob', 'zed'])
    expect(m.items).toEqual(['x1', 'x2'])
    expect(m.itemIndex.get('x2')).toBe(1)
    const reversed = buildInteractionMatrix([...events].reverse())
    expect(Array.from(reversed.values)).toEqual(Array.from(m.values))
    expect(Array.from(reversed.colIdx)).toEqual(Array.from(m.colIdx))
  })

  it('accepts custom weights and linear or binary cells', () => {
    const events = [event('v', 'a', 'view'), event('v', 'a', 'view'), event('v', 'b', 'purchase')]
    const linear = buildInteractionMatrix(events, { weights: { view: 3 }, transform: 'linear' })
    expect(cell(linear, 'v', 'a')).toBe(6)
    expect(cell(linear, 'v', 'b')).toBe(8)
    const binary = buildInteractionMatrix(events, { transform: 'binary' })
    expect(cell(binary, 'v', 'a')).toBe(1)
  })

  it('halves a weight per half-life of age', () => {
    const m = buildInteractionMatrix(
      [event('v', 'new', 'purchase', T0), event('v', 'old', 'purchase', T0 - 14 * DAY)],
      { halfLifeDays: 7, transform: 'linear', referenceTime: T0 },
    )
    expect(cell(m, 'v', 'new')).toBeCloseTo(8)
    expect(cell(m, 'v', 'old')).toBeCloseTo(2)
  })

  it('scales rows by a power of their norm to damp heavy users', () => {
    const heavy = ['a', 'b', 'c', 'd'].map((item) => event('heavy', item, 'purchase'))
    const m = buildInteractionMatrix([...heavy, event('light', 'a', 'purchase')], {
      transform: 'binary',
      rowNormExponent: 1,
    })
    expect(cell(m, 'heavy', 'a')).toBeCloseTo(0.5)
    expect(cell(m, 'light', 'a')).toBeCloseTo(1)
    expect(m.rowScales[m.visitorIndex.get('heavy') ?? -1]).toBeCloseTo(0.5)
  })

  it('boosts items that have had less time to collect interactions', () => {
    const m = buildInteractionMatrix(
      [
        event('v', 'launched', 'purchase', T0 - 7 * DAY),
        event('v', 'listed', 'purchase', T0 - 700 * DAY),
        event('v', 'listed', 'purchase', T0 - 7 * DAY),
      ],
      { halfLifeDays: 7, transform: 'binary', exposureExponent: 1, referenceTime: T0 },
    )
    // Launched one half-life ago: it saw half the decay-weighted exposure of a long-listed item.
    expect(cell(m, 'v', 'launched')).toBeCloseTo(2)
    expect(cell(m, 'v', 'listed')).toBeCloseTo(1)
  })

  it('ignores unknown types and non-finite times', () => {
    const bad = [
      { visitorId: 'v', itemId: 'a', type: 'exposure', at: T0 } as unknown as Interaction,
      event('v', 'a', 'view', Number.NaN),
      event('v', 'b', 'view'),
    ]
    const m = buildInteractionMatrix(bad)
    expect(m.ignored).toBe(2)
    expect(m.items).toEqual(['b'])
  })

  it('builds an empty matrix from no interactions', () => {
    const m = buildInteractionMatrix([])
    expect(m.rows).toBe(0)
    expect(m.cols).toBe(0)
    expect(m.rowPtr.length).toBe(1)
  })
})
