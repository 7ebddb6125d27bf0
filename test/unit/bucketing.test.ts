import { describe, expect, it } from 'vitest'
import reference from '../fixtures/bucketing.json' with { type: 'json' }
import { assignVariation, bucketRanges, phaseSeed } from '../../shared/bucketing.ts'
import { bucketOf, fnv1a32 } from '../../shared/hash.ts'

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published FNV-1a 32 value', (input, expected) => {
    expect(fnv1a32(input)).toBe(expected)
  })

  it('hashes UTF-16 code units, so a surrogate pair counts as two', () => {
    expect(fnv1a32('😀')).toBe(fnv1a32('\ud83d\ude00'))
    expect(fnv1a32('é')).not.toBe(fnv1a32('e\u0301'))
  })
})

describe('assignVariation against @growthbook/growthbook (hash v2)', () => {
  it(`matches all ${reference.cases.length} reference cases`, () => {
    const mismatches = reference.cases.filter(
      (c) =>
        assignVariation({ seed: c.seed, weights: c.weights, coverage: c.coverage }, c.visitorId) !==
        c.variation,
    )
    expect(mismatches).toEqual([])
  })

  it('covers non-ASCII ids, edge weights and excluded visitors', () => {
    const ids = new Set(reference.cases.map((c) => c.visitorId))
    expect(ids).toContain('訪問者')
    expect(reference.cases.some((c) => c.variation === -1)).toBe(true)
    expect(reference.cases.some((c) => c.weights.length === 10 && c.variation === 9)).toBe(true)
  })
})

describe('bucket ranges', () => {
  it('are half-open and shrink from their start with coverage', () => {
    expect(bucketRanges([0.5, 0.5], 0.5)).toEqual([
      [0, 0.25],
      [0.5, 0.75],
    ])
  })

  it('fall back to equal weights when weights do not sum to 1 within 0.01', () => {
    expect(bucketRanges([0.3, 0.4], 1)).toEqual([
      [0, 0.5],
      [0.5, 1],
    ])
  })

  it('only add visitors when coverage rises', () => {
    const seed = 'grow'
    for (let i = 0; i < 2000; i++) {
      const id = `v${i}`
      const low = assignVariation({ seed, weights: [0.2, 0.3, 0.5], coverage: 0.2 }, id)
      const high = assignVariation({ seed, weights: [0.2, 0.3, 0.5], coverage: 0.8 }, id)
      if (low >= 0) expect(high).toBe(low)
    }
  })

  it('include nobody in an experiment with one variation', () => {
    expect(assignVariation({ seed: 's', weights: [1], coverage: 1 }, 'v')).toBe(-1)
  })
})

describe('phase seeds', () => {
  it('keep the experiment seed in phase 1 and re-randomize later phases', () => {
    expect(phaseSeed('exp', 1)).toBe('exp')
    const moved = Array.from({ length: 1000 }, (_, i) => `v${i}`).filter(
      (id) => bucketOf(phaseSeed('exp', 1), id) < 0.5 !== bucketOf(phaseSeed('exp', 2), id) < 0.5,
    ).length
    // Independent re-randomization moves about half of the visitors across a 50/50 split.
    expect(moved).toBeGreaterThan(400)
    expect(moved).toBeLessThan(600)
  })
})
