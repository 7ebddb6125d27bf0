import { describe, expect, it } from 'vitest'
import { FEATURE_INDEX, featureVector } from '../../../worker/intent/features.ts'
import { DEFAULT_BOOSTING } from '../../../worker/intent/gradient-boosting.ts'
import { parseIntentModel, serialiseIntentModel } from '../../../worker/intent/model.ts'
import { compileIntentModel, scoreIntent } from '../../../worker/intent/score.ts'
import { trainIntentModel } from '../../../worker/intent/train-intent.ts'
import { syntheticSessions } from './synthetic-sessions.ts'

const rows = syntheticSessions(300, 11)
const train = (ignoredFeatures?: ('PageValues' | 'ProductRelated')[]) =>
  trainIntentModel(rows, {
    kind: 'site',
    source: 'synthetic',
    trainedAt: '2026-01-01T00:00:00.000Z',
    boosting: { ...DEFAULT_BOOSTING, trees: 30 },
    ...(ignoredFeatures && { ignoredFeatures }),
  })

describe('training with ignored features', () => {
  it('never splits on an ignored feature, and records which were ignored', () => {
    const splits = (model: ReturnType<typeof train>) => new Set(model.ensemble.feature)
    const full = train()
    expect(splits(full).has(FEATURE_INDEX.PageValues)).toBe(true)
    expect(full.ignoredFeatures).toBeUndefined()

    const without = train(['PageValues', 'ProductRelated'])
    expect(splits(without).has(FEATURE_INDEX.PageValues)).toBe(false)
    expect(splits(without).has(FEATURE_INDEX.ProductRelated)).toBe(false)
    expect(without.importances?.PageValues).toBeUndefined()
    const parsed = parseIntentModel(serialiseIntentModel(without))
    if ('problem' in parsed) throw new Error(parsed.problem)
    expect(parsed.model.ignoredFeatures).toEqual(['PageValues', 'ProductRelated'])
  })

  it('keeps the full feature vector, so the online layer still reads an ignored feature', () => {
    const without = train(['PageValues'])
    expect(without.features).toEqual(train().features)
    const at = without.online.features.indexOf('PageValues')
    expect(at).toBeGreaterThanOrEqual(0)
    expect(without.online.scale[at]).not.toBe(1)
  })

  it('still loads a stored model written before ignoredFeatures existed, scoring the same', () => {
    const model = train(['ProductRelated'])
    const { ignoredFeatures, ...older } = model
    expect(ignoredFeatures).toEqual(['ProductRelated'])
    const parsed = parseIntentModel(JSON.stringify(older))
    if ('problem' in parsed) throw new Error(parsed.problem)
    const x = featureVector((rows[0] ?? { session: {} as never }).session)
    expect(scoreIntent(compileIntentModel(parsed.model), x)).toEqual(
      scoreIntent(compileIntentModel(model), x),
    )
  })

  it('refuses an ignored feature the model does not know', () => {
    const parsed = parseIntentModel(JSON.stringify({ ...train(), ignoredFeatures: ['Nope'] }))
    expect('problem' in parsed && parsed.problem).toMatch(/ignoredFeatures/)
  })
})
