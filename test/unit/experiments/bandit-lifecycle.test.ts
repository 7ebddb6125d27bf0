import { describe, expect, it } from 'vitest'
import type { Experiment } from '../../../shared/api-types.ts'
import { assignVisitor } from '../../../worker/experiments/assign-visitor.ts'
import { applyPatch, rollOut } from '../../../worker/experiments/lifecycle.ts'
import { DomainError } from '../../../worker/domain-error.ts'

const bandit: Experiment = {
  key: 'banner',
  name: 'Banner',
  status: 'running',
  phase: 1,
  variations: [
    { key: 'a', weight: 0.05 },
    { key: 'b', weight: 0.15 },
    { key: 'c', weight: 0.8 },
  ],
  coverage: 1,
  seed: null,
  goal: { event: 'purchase' },
  url: null,
  redirect: false,
  winsorize: null,
  audience: null,
  metrics: [],
  type: 'bandit',
  bandit: {
    objective: 'maximize',
    exploreHours: 24,
    updateHours: 1,
    minWeight: 0.01,
    stopThreshold: 0.95,
  },
  winner: null,
  createdAt: 1,
  updatedAt: 2,
}

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    return err instanceof DomainError ? { kind: err.kind, code: err.code } : err
  }
  return null
}

describe('a bandit PATCH', () => {
  it('keeps the phase and the bandit’s weights when the keys stay', () => {
    const typed = bandit.variations.map((v) => ({ ...v, weight: 1 / 3 }))
    const change = applyPatch(bandit, { variations: typed }, 3)
    expect(change.openPhase).toBeUndefined()
    expect(change.next.variations.map((v) => v.weight)).toEqual([0.05, 0.15, 0.8])
  })

  it('opens a new phase with equal weights for other keys', () => {
    const change = applyPatch(
      bandit,
      {
        variations: [
          { key: 'a', weight: 0.9 },
          { key: 'z', weight: 0.1 },
        ],
      },
      3,
    )
    expect(change.openPhase?.phase).toBe(2)
    expect(change.next.variations.map((v) => v.weight)).toEqual([0.5, 0.5])
  })

  it.each([
    ['seed', { seed: 'reseeded' }],
    ['audience', { audience: { devices: ['mobile' as const] } }],
  ])('opens a new phase from an equal split on a new %s', (_, patch) => {
    const change = applyPatch(bandit, patch, 3)
    expect(change.openPhase?.phase).toBe(2)
    expect(change.next.variations.map((v) => v.weight)).toEqual([1 / 3, 1 / 3, 1 / 3])
    expect(change.openPhase?.weights).toEqual([1 / 3, 1 / 3, 1 / 3])
  })

  it('refuses bandit settings on an A/B test, and floors the variations cannot keep', () => {
    const ab = { ...bandit, type: 'ab' as const, bandit: null }
    const settings = { ...(bandit.bandit ?? ({} as never)), minWeight: 0.4 }
    expect(refusal(() => applyPatch(ab, { bandit: settings }, 3))).toMatchObject({
      kind: 'invalid',
    })
    expect(refusal(() => applyPatch(bandit, { bandit: settings }, 3))).toMatchObject({
      kind: 'invalid',
    })
  })
})

describe('rollOut', () => {
  it('stops the experiment with the winner recorded', () => {
    const change = rollOut(bandit, 'c', 3)
    expect(change.next).toMatchObject({ status: 'stopped', winner: 'c', updatedAt: 3 })
    expect(change.closePhase).toBe(1)
  })

  it('refuses an unknown variation and an experiment that is not running or paused', () => {
    expect(refusal(() => rollOut(bandit, 'z', 3))).toEqual({
      kind: 'invalid',
      code: 'invalid_variation',
    })
    expect(refusal(() => rollOut({ ...bandit, status: 'draft' }, 'a', 3))).toEqual({
      kind: 'conflict',
      code: 'not_running',
    })
  })
})

describe('assignVisitor', () => {
  it('shows a rolled-out winner to everyone, outside coverage too', () => {
    const rolled = { ...bandit, status: 'stopped' as const, winner: 'b', coverage: 0 }
    for (const id of ['v1', 'v2', 'v3']) {
      expect(assignVisitor([rolled], id).banner).toEqual({
        variation: 'b',
        index: 1,
        phase: 1,
        rolledOut: true,
      })
    }
  })

  it('keeps a bandit visitor’s stored variation whatever the weights say', () => {
    const exposed = new Map([['banner', 0]])
    for (const id of ['v1', 'v2', 'v3', 'v4']) {
      expect(assignVisitor([bandit], id, { exposed }).banner?.index).toBe(0)
    }
  })
})
