import { describe, expect, it } from 'vitest'

import { foldInVisitor } from '../../../worker/recs/serve/fold-in.ts'
import type { ActiveModel } from '../../../worker/recs/serve/model-cache.ts'
import { onlineVector, type RecentEvent } from '../../../worker/recs/serve/online-vector.ts'
import { trainModel } from '../../../worker/recs/train/train.ts'
import { syntheticShop } from './synthetic.ts'

const trained = trainModel(syntheticShop(), { rank: 4, now: Date.UTC(2024, 3, 1) })
const model: ActiveModel = {
  version: trained.version,
  trainedAt: trained.trainedAt,
  rank: trained.rank,
  items: trained.items,
  itemIndex: new Map(trained.items.map((id, i) => [id, i])),
  factors: trained.factors,
  itemScales: trained.itemScales,
  foldInTargets: trained.foldInTargets,
}
const row = trained.visitors.indexOf('a-v0')
const start = trained.visitorFactors.slice(row * model.rank, (row + 1) * model.rank)
const stored = { vector: JSON.stringify(Array.from(start)), version: model.version }

function step(vector: Float32Array, itemId: string, type: 'view' | 'purchase'): Float32Array {
  const itemIndex = model.itemIndex.get(itemId) ?? -1
  return foldInVisitor(vector, model.factors, model.rank, {
    itemIndex,
    weight: model.foldInTargets[type],
  }).vector
}

describe('onlineVector', () => {
  it('folds the events read newest first in the order they happened, from the trained vector', () => {
    const recent: RecentEvent[] = [
      {
        type: 'purchase',
        item_id: null,
        items: JSON.stringify([{ itemId: 'c1' }, { itemId: 'c2' }]),
      },
      { type: 'view', item_id: 'b1', items: null },
    ]
    const expected = step(
      step(step(Float32Array.from(start), 'b1', 'view'), 'c1', 'purchase'),
      'c2',
      'purchase',
    )
    const online = onlineVector(model, stored, recent, {})
    expect(online.folded).toBe(3)
    for (let k = 0; k < model.rank; k++) expect(online.vector[k]).toBeCloseTo(expected[k] ?? NaN, 6)
  })

  it('starts from zeros when the stored vector belongs to another model, and skips unknown items', () => {
    const online = onlineVector(
      model,
      { ...stored, version: 'svd-older' },
      [{ type: 'view', item_id: 'not-in-model', items: null }],
      {},
    )
    expect(online.folded).toBe(0)
    expect(Array.from(online.vector)).toEqual([0, 0, 0, 0])
  })
})
