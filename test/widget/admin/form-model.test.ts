import { describe, expect, it } from 'vitest'
import type { Experiment } from '../../../widget/admin/api/types.ts'
import {
  changesSplit,
  controlKeyNote,
  draftOf,
  evenPercents,
  formProblems,
  inputOf,
  newDraft,
  percentText,
  weightCheck,
  type ExperimentDraft,
} from '../../../widget/admin/form/form-model.ts'

function draft(percents: string[], fields: Partial<ExperimentDraft> = {}): ExperimentDraft {
  return {
    ...newDraft(),
    key: 'buy-button',
    variations: percents.map((p, i) => ({ key: `v${i}`, name: '', weightPercent: p, url: '' })),
    ...fields,
  }
}

const stored: Experiment = {
  key: 'thirds',
  name: 'Thirds',
  status: 'running',
  phase: 1,
  variations: [
    { key: 'a', weight: 1 / 3 },
    { key: 'b', weight: 1 / 3, name: 'Bee' },
    { key: 'c', weight: 1 / 3, url: '/c' },
  ],
  coverage: 0.8,
  seed: null,
  goal: { event: 'custom', name: 'signup' },
  url: '/products/*',
  redirect: true,
  winsorize: 0.99,
  metrics: [],
  audience: null,
  type: 'ab',
  bandit: null,
  winner: null,
  createdAt: 1,
  updatedAt: 2,
}

describe('the weights check', () => {
  it('accepts weights adding up to 100%', () => {
    expect(weightCheck(draft(['50', '50'])).ok).toBe(true)
    expect(weightCheck(draft(['33.34', '33.33', '33.33'])).ok).toBe(true)
  })

  it('refuses 90% and says what the sum is', () => {
    const check = weightCheck(draft(['40', '50']))
    expect(check).toMatchObject({ ok: false, sum: 90 })
    expect(check.message).toBe('Weights add up to 90%; they must add up to 100%.')
    expect(formProblems(draft(['40', '50']))).toContain(check.message)
  })

  it('refuses blanks, negatives and values above 100', () => {
    for (const bad of [
      ['', '100'],
      ['-10', '110'],
      ['abc', '50'],
    ]) {
      expect(weightCheck(draft(bad)).ok).toBe(false)
    }
  })

  it('splits evenly into exactly 100%', () => {
    for (let n = 2; n <= 10; n++) {
      const sum = evenPercents(n).reduce((s, p) => s + Number(p), 0)
      expect(sum).toBeCloseTo(100, 9)
    }
    expect(evenPercents(3)).toEqual(['33.34', '33.33', '33.33'])
  })
})

describe('formProblems', () => {
  it('is empty for the new-experiment defaults once a key is typed', () => {
    expect(formProblems({ ...newDraft(), key: 'hero-banner' })).toEqual([])
  })

  it('names every blocking problem', () => {
    const problems = formProblems(
      draft(['50', '50'], {
        key: 'has space',
        goalEvent: 'custom',
        goalName: ' ',
        winsorize: true,
        winsorizePercent: '40',
      }),
    )
    expect(problems).toHaveLength(3)
  })

  it('refuses duplicate variation keys', () => {
    const d = draft(['50', '50'])
    const same = { ...d, variations: d.variations.map((v) => ({ ...v, key: 'x' })) }
    const message = 'Variation keys must be different from each other, also in upper/lower case.'
    expect(formProblems(same)).toEqual([message])
    const cased = {
      ...d,
      variations: d.variations.map((v, i) => ({ ...v, key: ['control', 'Control'][i] ?? '' })),
    }
    expect(formProblems(cased)).toEqual([message])
  })

  it('refuses a control (the first variation) with weight 0: nothing to compare with', () => {
    expect(formProblems(draft(['0', '100']))).toEqual([
      'The first variation is the control: give it a weight above 0%, or there is nothing to compare with.',
    ])
    expect(formProblems(draft(['100', '0']))).toEqual([])
    // Stored so through the API (a rollout): a rename must not be blocked by it.
    expect(formProblems(draft(['0', '100']), true)).toEqual([])
  })
})

describe('inputOf and draftOf', () => {
  it('turns percents into weights and blanks into absent fields', () => {
    const input = inputOf(draft(['25', '75'], { name: '', coverage: 0.4, url: ' ' }))
    expect(input).toEqual({
      key: 'buy-button',
      name: 'buy-button',
      variations: [
        { key: 'v0', weight: 0.25 },
        { key: 'v1', weight: 0.75 },
      ],
      coverage: 0.4,
      goal: { event: 'purchase' },
      url: null,
      redirect: false,
      winsorize: null,
      metrics: [],
      audience: null,
    })
  })

  it('round-trips a stored experiment without changing its split', () => {
    const d = draftOf(stored)
    expect(d.variations.map((v) => v.weightPercent)).toEqual(['33.3333', '33.3333', '33.3333'])
    expect(d.winsorizePercent).toBe('99')
    const input = inputOf(d)
    expect(changesSplit(stored, input)).toBe(false)
    expect(input).toMatchObject({
      goal: { event: 'custom', name: 'signup' },
      winsorize: 0.99,
      redirect: true,
      url: '/products/*',
      coverage: 0.8,
    })
    expect(input.variations[1]).toEqual({ key: 'b', name: 'Bee', weight: 1 / 3 })
  })

  it('sends a coverage the slider cannot show back exactly as stored', () => {
    for (const coverage of [0.125, 0.004, 0.07]) {
      expect(inputOf(draftOf({ ...stored, coverage })).coverage).toBe(coverage)
    }
  })

  it('sees an edited weight as a new split', () => {
    const d = draftOf(stored)
    const edited = {
      ...d,
      variations: d.variations.map((v, i) => ({
        ...v,
        weightPercent: ['50', '25', '25'][i] ?? '',
      })),
    }
    expect(changesSplit(stored, inputOf(edited))).toBe(true)
  })

  it('writes percents without float noise', () => {
    expect(percentText(0.07)).toBe('7')
    expect(percentText(0.335)).toBe('33.5')
  })
})

describe('controlKeyNote', () => {
  it('says nothing for a first variation keyed control, and explains the fallback otherwise', () => {
    const keyed = (key: string) => {
      const d = draft(['50', '50'])
      return { ...d, variations: d.variations.map((v, i) => (i === 0 ? { ...v, key } : v)) }
    }
    expect(controlKeyNote(keyed('control'))).toBeNull()
    expect(controlKeyNote(keyed('original'))).toMatch(/data-edgelift-variation="control"/)
  })
})

describe('the audience in the form', () => {
  it('sends no audience when nothing is ticked', () => {
    expect(inputOf(draft(['50', '50'])).audience).toBeNull()
  })

  it('sends only the ticked conditions, and reads a stored audience back unchanged', () => {
    const audience = { intentBands: ['medium' as const], visitors: 'returning' as const }
    const d = draft(['50', '50'], {
      audience: { intentBands: ['medium'], devices: [], visitors: 'returning', sources: [] },
    })
    expect(inputOf(d).audience).toEqual(audience)
    const withAudience = { ...stored, audience }
    expect(inputOf(draftOf(withAudience)).audience).toEqual(audience)
    expect(changesSplit(withAudience, inputOf(draftOf(withAudience)))).toBe(false)
  })

  it('warns of a new phase when the audience of a started experiment changes', () => {
    const edited = draftOf(stored)
    edited.audience = { ...edited.audience, devices: ['mobile'] }
    expect(changesSplit(stored, inputOf(edited))).toBe(true)
  })
})
