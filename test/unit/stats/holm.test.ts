import { describe, expect, it } from 'vitest'
import { holmAdjust } from '../../../worker/stats/holm.ts'

describe('holmAdjust', () => {
  it("matches R's p.adjust(method = 'holm')", () => {
    // p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm")
    const adjusted = holmAdjust([0.01, 0.02, 0.03, 0.04, 0.05])
    const expected = [0.05, 0.08, 0.09, 0.09, 0.09]
    adjusted.forEach((p, i) => expect(p).toBeCloseTo(expected[i] ?? NaN, 15))
  })

  it('keeps the input order and stays monotone in rank', () => {
    expect(holmAdjust([0.04, 0.01, 0.03])).toEqual([0.06, 0.03, 0.06])
  })

  it('caps at 1', () => {
    expect(holmAdjust([0.6, 0.9, 0.02])).toEqual([1, 1, 0.06])
  })

  it('leaves one p-value alone', () => {
    expect(holmAdjust([0.0123])).toEqual([0.0123])
  })

  it('keeps nulls and counts only the tests performed', () => {
    expect(holmAdjust([null, 0.02, null, 0.03])).toEqual([null, 0.04, null, 0.04])
    expect(holmAdjust([])).toEqual([])
  })
})
