import { describe, expect, it } from 'vitest'

import { foldInVisitor, scoreItems, startVector } from '../../../worker/recs/serve/fold-in.ts'
import { trainModel } from '../../../worker/recs/train/train.ts'
import { syntheticShop } from './synthetic.ts'

const model = trainModel(syntheticShop(), { rank: 4, now: Date.UTC(2024, 3, 1) })
const index = (itemId: string): number => model.items.indexOf(itemId)
const group = (i: number): string => (model.items[i] ?? '?').charAt(0)

describe('foldInVisitor', () => {
  it('moves a new visitor toward items similar to what they clicked', () => {
    let vector = startVector(model.rank)
    for (const itemId of ['b1', 'b4']) {
      const result = foldInVisitor(vector, model.factors, model.rank, {
        itemIndex: index(itemId),
        weight: model.foldInTargets.click,
      })
      expect(result.updated).toBe(true)
      vector = result.vector
    }
    const top = scoreItems(vector, model, new Set([index('b1'), index('b4')]), 5)
    expect(top.map((s) => group(s.index))).toEqual(['b', 'b', 'b', 'b', 'b'])
  })

  it('turns a known visitor toward a new interest', () => {
    const row = model.visitors.indexOf('a-v0')
    let vector: Float32Array = model.visitorFactors.slice(row * model.rank, (row + 1) * model.rank)
    const share = (v: ArrayLike<number>): number =>
      scoreItems(v, model, undefined, 8).filter((s) => group(s.index) === 'c').length
    const before = share(vector)
    for (const itemId of ['c0', 'c2', 'c5', 'c6']) {
      vector = foldInVisitor(vector, model.factors, model.rank, {
        itemIndex: index(itemId),
        weight: model.foldInTargets.purchase,
      }).vector
    }
    expect(share(vector)).toBeGreaterThan(before)
  })

  it('does not modify the vector it is given', () => {
    const vector = new Float32Array(model.rank).fill(0.5)
    foldInVisitor(vector, model.factors, model.rank, { itemIndex: 0, weight: 1 })
    expect(Array.from(vector)).toEqual(new Array(model.rank).fill(0.5))
  })

  it('skips non-finite inputs and reports why', () => {
    const poisoned = Float32Array.of(Number.NaN, 0, 0, 0)
    expect(foldInVisitor(poisoned, model.factors, 4, { itemIndex: 0, weight: 1 })).toMatchObject({
      updated: false,
      skipped: 'non_finite_input',
    })
    const zeros = startVector(4)
    for (const weight of [Number.NaN, Infinity]) {
      const result = foldInVisitor(zeros, model.factors, 4, { itemIndex: 0, weight })
      expect(result).toMatchObject({ updated: false, skipped: 'non_finite_input' })
      expect(Array.from(result.vector)).toEqual([0, 0, 0, 0])
    }
    const bad = { itemIndex: 0, weight: 1 }
    expect(foldInVisitor(zeros, model.factors, 4, bad, { learningRate: Number.NaN }).skipped).toBe(
      'non_finite_input',
    )
  })

  it('skips an update that overflows, keeping the old vector', () => {
    const zeros = startVector(4)
    const huge = foldInVisitor(zeros, model.factors, 4, { itemIndex: 0, weight: 1e300 })
    expect(huge).toMatchObject({ updated: false, skipped: 'non_finite_update' })
    expect(Array.from(huge.vector)).toEqual([0, 0, 0, 0])
    // Finite in float64, beyond float32: the stored vector would be Infinity.
    const wild = foldInVisitor(
      zeros,
      model.factors,
      4,
      { itemIndex: 0, weight: 1 },
      {
        learningRate: 1e300,
      },
    )
    expect(wild).toMatchObject({ updated: false, skipped: 'non_finite_update' })
  })

  it('clips the gradient so one absurd weight moves the vector a bounded distance', () => {
    const result = foldInVisitor(
      startVector(4),
      model.factors,
      4,
      { itemIndex: 0, weight: 1e12 },
      {
        steps: 1,
        learningRate: 1,
        clipNorm: 2,
      },
    )
    expect(result.updated).toBe(true)
    expect(Math.hypot(...result.vector)).toBeCloseTo(2, 4)
  })

  it('refuses an item index outside the factors', () => {
    for (const itemIndex of [-1, 1.5, model.items.length]) {
      const result = foldInVisitor(startVector(4), model.factors, 4, { itemIndex, weight: 1 })
      expect(result.skipped).toBe('unknown_item')
    }
  })
})

describe('scoreItems', () => {
  const factors = Float32Array.of(1, 0, 0, 1, 0.7, 0.7, -1, 0)
  const ranked = (...args: Parameters<typeof scoreItems>) => scoreItems(...args).map((s) => s.index)

  it('ranks by dot product and leaves out excluded items', () => {
    expect(ranked([1, 0.1], { factors }, undefined, 4)).toEqual([0, 2, 1, 3])
    expect(ranked([1, 0.1], { factors }, new Set([0]), 2)).toEqual([2, 1])
  })

  it('multiplies each item’s dot product by its scale', () => {
    // Dot products 1, 0.1, 0.77, -1: item 1's scale of 20 lifts it to the top, scores included.
    const itemScales = Float32Array.of(1, 20, 1, 1)
    expect(ranked([1, 0.1], { factors, itemScales }, undefined, 4)).toEqual([1, 0, 2, 3])
    expect(scoreItems([1, 0.1], { factors, itemScales }, undefined, 1)[0]?.score).toBeCloseTo(2)
  })
})
