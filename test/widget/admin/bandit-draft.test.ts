import { describe, expect, it } from 'vitest'
import type { Experiment } from '../../../widget/admin/api/types.ts'
import { newBanditDraft } from '../../../widget/admin/form/bandit-draft.ts'
import {
  changesSplit,
  draftOf,
  formProblems,
  inputOf,
  newDraft,
  type ExperimentDraft,
} from '../../../widget/admin/form/form-model.ts'

function banditDraft(patch: Partial<ExperimentDraft['bandit']> = {}): ExperimentDraft {
  const draft = newDraft()
  return {
    ...draft,
    key: 'banner',
    variations: ['a', 'b', 'c'].map((key) => ({ key, name: '', weightPercent: '10', url: '' })),
    bandit: { ...newBanditDraft(), type: 'bandit', ...patch },
  }
}

describe('the bandit part of the experiment form', () => {
  it('sends equal weights and the settings, whatever weights were typed', () => {
    const draft = banditDraft({ objective: 'identify', minWeightPercent: '2', stopPercent: '97' })
    expect(formProblems(draft)).toEqual([])
    const input = inputOf(draft)
    expect(input.type).toBe('bandit')
    expect(input.variations.map((v) => v.weight)).toEqual([1 / 3, 1 / 3, 1 / 3])
    expect(input.bandit).toEqual({
      objective: 'identify',
      exploreHours: 24,
      updateHours: 1,
      minWeight: 0.02,
      stopThreshold: 0.97,
    })
  })

  it.each([
    [{ minWeightPercent: '40' }, '3 variations cannot each keep 40%'],
    [{ exploreHours: '-1' }, 'Exploration is 0 to 2160 hours.'],
    [{ updateHours: '0' }, 'Updates come every 0.25 to 168 hours.'],
    [{ stopPercent: '30' }, 'Recommend stopping at 50% to 99.99%.'],
  ])('refuses %o', (patch, problem) => {
    expect(formProblems(banditDraft(patch)).join(' ')).toContain(problem)
  })

  it('sends no type or bandit for an A/B test', () => {
    const input = inputOf({ ...banditDraft(), bandit: newBanditDraft() })
    expect(input.type).toBeUndefined()
    expect(input.bandit).toBeUndefined()
  })

  it('opens a new phase of a bandit for new variation keys only, not for its weights', () => {
    const stored: Experiment = {
      key: 'banner',
      name: 'Banner',
      status: 'running',
      phase: 1,
      variations: [
        { key: 'a', weight: 0.9 },
        { key: 'b', weight: 0.1 },
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
    const draft = draftOf(stored)
    expect(draft.bandit.type).toBe('bandit')
    expect(changesSplit(stored, inputOf(draft))).toBe(false)
    const renamed = {
      ...draft,
      variations: draft.variations.map((v, i) => (i === 1 ? { ...v, key: 'z' } : v)),
    }
    expect(changesSplit(stored, inputOf(renamed))).toBe(true)
  })
})
