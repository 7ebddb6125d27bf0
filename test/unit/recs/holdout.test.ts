import { describe, expect, it } from 'vitest'

import { evaluateFoldIn } from '../../../scripts/eval/recs/holdout-fold-in.ts'
import { evaluateHoldout, relevantTestItems } from '../../../scripts/eval/recs/holdout.ts'
import { trainModel } from '../../../worker/recs/train/train.ts'
import type { Interaction } from '../../../worker/recs/types.ts'
import { DAY, START, syntheticShop } from './synthetic.ts'

// Same shop, two periods: everything before day 40 trains, the rest tests.
const events = syntheticShop({ groups: 3, visitorsPerGroup: 30, itemsPerGroup: 12, seed: 4 })
const split = START + 40 * DAY
const train = events.filter((e) => e.at < split)
const test = events.filter((e) => e.at >= split)
const options = { rank: 6, halfLifeDays: 0, exposureExponent: 0 }

describe('relevantTestItems', () => {
  it('keeps test items new to known visitors only', () => {
    const buy = (visitorId: string, itemId: string): Interaction => ({
      visitorId,
      itemId,
      type: 'purchase',
      at: 0,
    })
    const relevant = relevantTestItems(
      [buy('a', 'x')],
      [buy('a', 'x'), buy('a', 'y'), buy('b', 'y')],
    )
    expect(relevant).toEqual(new Map([['a', new Set(['y'])]]))
  })
})

describe('evaluateHoldout', () => {
  it('scores the model and both baselines on the same visitors', () => {
    const report = evaluateHoldout(train, test, { k: 5, train: options })
    expect(report.k).toBe(5)
    expect(report.model.users).toBeGreaterThan(50)
    expect(report.popularity.users).toBe(report.model.users)
    expect(report.itemKnn.users).toBe(report.model.users)
    expect(report.model.trainSeconds).toBeGreaterThanOrEqual(0)
    // Tastes are grouped, so personal models must beat one global list.
    expect(report.model.recall).toBeGreaterThan(report.popularity.recall)
    expect(report.itemKnn.recall).toBeGreaterThan(report.popularity.recall)
  })
})

describe('evaluateFoldIn', () => {
  it('beats trending after folding in the first purchases', () => {
    const model = trainModel(train, { ...options, now: split })
    const report = evaluateFoldIn(model, train, test, { k: 5, firstN: 2 })
    expect(report.users.all).toBe(report.users.known + report.users.new)
    expect(report.users.all).toBeGreaterThan(10)
    expect(report.foldIn.recall).toBeGreaterThan(report.trending.recall)
    // Items first sold in the test period are unknown to the model: their steps are skipped.
    expect(report.skippedSteps).toBeLessThan(report.users.all)
  })
})
