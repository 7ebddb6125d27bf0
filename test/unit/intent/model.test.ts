import { describe, expect, it } from 'vitest'
import { featureVector } from '../../../worker/intent/features.ts'
import { DEFAULT_BOOSTING } from '../../../worker/intent/gradient-boosting.ts'
import { parseIntentModel, serialiseIntentModel } from '../../../worker/intent/model.ts'
import { compileIntentModel, scoreIntent } from '../../../worker/intent/score.ts'
import { trainIntentModel } from '../../../worker/intent/train-intent.ts'
import { syntheticSessions } from './synthetic-sessions.ts'

const rows = syntheticSessions(300, 7)
const model = trainIntentModel(rows, {
  kind: 'starter',
  source: 'synthetic',
  trainedAt: '2026-01-01T00:00:00.000Z',
  boosting: { ...DEFAULT_BOOSTING, trees: 40 },
})

describe('the stored intent model', () => {
  it('scores exactly as the in-memory model after a JSON round trip', () => {
    const parsed = parseIntentModel(serialiseIntentModel(model))
    if ('problem' in parsed) throw new Error(parsed.problem)
    const stored = compileIntentModel(parsed.model)
    const memory = compileIntentModel(model)
    for (const { session } of syntheticSessions(100, 99)) {
      const x = featureVector(session)
      expect(scoreIntent(stored, x)).toEqual(scoreIntent(memory, x))
    }
  })

  it('ranks buyers above non-buyers on sessions it has not seen', () => {
    const scorer = compileIntentModel(model)
    const test = syntheticSessions(200, 3)
    const mean = (label: number) => {
      const group = test.filter((r) => r.bought === label)
      return (
        group.reduce((s, r) => s + scoreIntent(scorer, featureVector(r.session)).probability, 0) /
        group.length
      )
    }
    expect(mean(1)).toBeGreaterThan(mean(0) + 0.2)
  })

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', JSON.stringify({ ...model, format: 'x' }), /format/],
    ['a newer version', JSON.stringify({ ...model, version: 2 }), /version/],
    [
      'a cycle',
      JSON.stringify({
        ...model,
        ensemble: { ...model.ensemble, right: model.ensemble.right.map((r) => (r > 0 ? 1 : 0)) },
      }),
      /child out of tree/,
    ],
    [
      'a node out of range',
      JSON.stringify({
        ...model,
        ensemble: {
          ...model.ensemble,
          feature: model.ensemble.feature.map((f) => (f >= 0 ? 99 : f)),
        },
      }),
      /unknown feature/,
    ],
    [
      'short arrays',
      JSON.stringify({ ...model, ensemble: { ...model.ensemble, threshold: [0] } }),
      /differ in length/,
    ],
    [
      'mismatched online weights',
      JSON.stringify({ ...model, online: { ...model.online, weights: [1] } }),
      /weights/,
    ],
    ['over 256 KB', ' '.repeat(256 * 1024 + 1), /256 KB/],
  ])('refuses %s with a reason', (_, text, reason) => {
    const parsed = parseIntentModel(text)
    expect('problem' in parsed && parsed.problem).toMatch(reason)
  })
})
