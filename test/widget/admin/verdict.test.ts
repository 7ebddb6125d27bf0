import { describe, expect, it } from 'vitest'
import {
  callTreatment,
  listKeys,
  verdictHeadline,
  verdictOf,
} from '../../../widget/admin/results/verdict.ts'
import { againstZeroControl, results, variation } from './results-fixture.ts'

const control = variation('control', 5000, 250)

describe('verdictOf', () => {
  it('puts a sample ratio mismatch before everything, even a clear winner', () => {
    const r = results({
      srmOk: false,
      variations: [control, variation('b', 9000, 900, { lift: 0.5, sequentialPValue: 0.0001 })],
    })
    expect(verdictOf(r)).toEqual({ kind: 'srm_mismatch' })
    expect(verdictHeadline(verdictOf(r), 'control')).toMatch(/Fix the traffic split/)
  })

  it('says "Not enough data" while a weighted variation has fewer than 100 visitors', () => {
    const r = results({
      srmOk: null,
      variations: [variation('control', 150, 5), variation('b', 99, 9, {})],
    })
    expect(verdictOf(r)).toEqual({ kind: 'not_enough_data', fewestVisitors: 99, needed: 100 })
  })

  it('ignores a weight-0 arm when counting visitors', () => {
    const r = results({
      variations: [control, variation('b', 5000, 260, {}), variation('off', 0, 0, {}, 0)],
    })
    expect(verdictOf(r).kind).toBe('keep_running')
  })

  it('calls a winner early on the sequential p-value', () => {
    const r = results({
      variations: [control, variation('b', 5000, 320, { lift: 0.28, sequentialPValue: 0.01 })],
    })
    const v = verdictOf(r)
    expect(v.kind).toBe('winner')
    expect(verdictHeadline(v, 'control')).toBe('b beats control')
  })

  it('does not call a winner on the naive p-value before the planned sample is reached', () => {
    const r = results({
      stillNeeded: 4000,
      variations: [
        control,
        variation('b', 5000, 300, { lift: 0.2, pValueAdjusted: 0.001, sequentialPValue: 0.2 }),
      ],
    })
    expect(verdictOf(r).kind).toBe('keep_running')
  })

  it('calls a winner on the Holm-adjusted p-value once the planned sample is reached', () => {
    const r = results({
      stillNeeded: 0,
      variations: [
        control,
        variation('b', 20000, 1100, { lift: 0.1, pValueAdjusted: 0.02, sequentialPValue: 0.2 }),
      ],
    })
    const v = verdictOf(r)
    expect(v.kind).toBe('winner')
    if (v.kind === 'winner') expect(v.winners[0]?.basis).toBe('planned_sample')
  })

  it('says "No detectable difference" when the sample is reached without significance', () => {
    const r = results({
      stillNeeded: 0,
      variations: [control, variation('b', 20000, 1010, { lift: 0.01, pValueAdjusted: 0.6 })],
    })
    const v = verdictOf(r)
    expect(v.kind).toBe('no_difference')
    expect(verdictHeadline(v, 'control')).toBe('No detectable difference')
  })

  it('says the control wins when every treatment is significantly worse', () => {
    const r = results({
      variations: [control, variation('b', 5000, 150, { lift: -0.4, sequentialPValue: 0.001 })],
    })
    const v = verdictOf(r)
    expect(v.kind).toBe('control_wins')
    expect(verdictHeadline(v, 'control')).toBe('control beats b')
  })

  it('names only the losers when the other treatments show no difference', () => {
    const r = results({
      variations: [
        control,
        variation('b', 5000, 150, { lift: -0.4, sequentialPValue: 0.001 }),
        variation('c', 5000, 255, { lift: 0.02, pValueAdjusted: 0.7 }),
      ],
      stillNeeded: 0,
    })
    const v = verdictOf(r)
    expect(v.kind).toBe('control_wins')
    expect(verdictHeadline(v, 'control')).toBe('control beats b')
  })

  it('reads the Holm-adjusted sequential p-value: several treatments share one error budget', () => {
    const r = results({
      variations: [
        control,
        variation('b', 5000, 290, {
          lift: 0.16,
          sequentialPValue: 0.03,
          sequentialPValueAdjusted: 0.09,
        }),
        variation('c', 5000, 260, { lift: 0.04, sequentialPValue: 0.6 }),
      ],
    })
    expect(verdictOf(r).kind).toBe('keep_running')
  })

  it('says a stopped experiment, or a closed phase, ended before a decision', () => {
    const undecided = [control, variation('b', 5000, 260, { lift: 0.04 })]
    for (const ending of [{ status: 'stopped' as const }, { phase: 1, phases: [1, 2] }]) {
      const v = verdictOf({ ...results({ variations: undecided }), ...ending })
      expect(v.kind).toBe('ended_undecided')
      expect(verdictHeadline(v, 'control')).toMatch(/^Ended before a decision/)
    }
  })

  it('lists several winners, the largest lift first', () => {
    const r = results({
      variations: [
        control,
        variation('b', 5000, 300, { lift: 0.2, sequentialPValue: 0.01 }, 0.33),
        variation('c', 5000, 350, { lift: 0.4, sequentialPValue: 0.001 }, 0.33),
      ],
    })
    expect(verdictHeadline(verdictOf(r), 'control')).toBe('c and b beat control')
  })

  it('says how many more visitors per variation the plan needs, rounded up, and in how many days', () => {
    const r = results({
      perVariation: 34_364,
      stillNeeded: 58_000,
      variations: [variation('control', 5000, 250), variation('b', 4800, 260, {})],
      duration: { visitorsPerDay: 2000, windowDays: 7, days: 29 },
    })
    const v = verdictOf(r)
    expect(v).toMatchObject({ kind: 'keep_running', morePerVariation: 29_564, days: 29 })
    expect(verdictHeadline(v, 'control')).toBe(
      'Keep running: about 30,000 more visitors per variation for 80% power, about 29 days at recent traffic',
    )
  })

  it('says no visitors came lately instead of a number of days', () => {
    const r = results({
      perVariation: 34_364,
      stillNeeded: 58_000,
      variations: [variation('control', 5000, 250), variation('b', 4800, 260, {})],
      duration: { visitorsPerDay: null, windowDays: 7, days: null, reason: 'no_recent_traffic' },
    })
    expect(verdictHeadline(verdictOf(r), 'control')).toBe(
      'Keep running: about 30,000 more visitors per variation for 80% power, but no visitors came in the last 7 days',
    )
  })

  it('keeps running without a plan when the control has not converted yet', () => {
    const r = results({
      perVariation: null,
      variations: [variation('control', 200, 0), variation('b', 200, 0, { lift: null })],
    })
    const v = verdictOf(r)
    expect(v).toMatchObject({ kind: 'keep_running', morePerVariation: null })
    expect(verdictHeadline(v, 'control')).toMatch(/^Keep running: not enough conversions/)
  })
})

describe('a control with weight 0', () => {
  it('says there is no comparison, not "not enough data" forever', () => {
    const r = results({
      srmOk: null,
      variations: [variation('control', 0, 0, undefined, 0), variation('b', 136, 9, {}, 1)],
    })
    const v = verdictOf(r)
    expect(v).toEqual({ kind: 'no_control' })
    expect(verdictHeadline(v, 'control')).toBe('No comparison: control receives no traffic')
  })
})

describe('rates of 0', () => {
  it('calls a treatment against a control at 0% by the difference of the rates', () => {
    const r = againstZeroControl()
    const v = verdictOf(r)
    expect(v).toMatchObject({ kind: 'winner', winners: [{ key: 'b', call: 'better', lift: null }] })
    expect(verdictHeadline(v, 'control')).toBe('b beats control')
  })

  it('names the better of two winners over a control at 0% first, by their rates', () => {
    const winner = (key: string, conversions: number) =>
      variation(key, 50_000, conversions, {
        lift: null,
        liftCI: null,
        sequentialPValue: 1e-50,
        reason: 'control_rate_zero',
      })
    const r = results({
      stillNeeded: null,
      perVariation: null,
      variations: [variation('control', 50_000, 0), winner('b', 300), winner('c', 900)],
    })
    expect(verdictHeadline(verdictOf(r), 'control')).toBe('c and b beat control')
  })

  it('calls a treatment at 0% worse than the control', () => {
    const r = results({
      variations: [
        control,
        variation('b', 5000, 0, {
          lift: -1,
          liftCI: null,
          sequentialPValue: 1e-20,
          reason: 'zero_variance',
        }),
      ],
    })
    expect(verdictHeadline(verdictOf(r), 'control')).toBe('control beats b')
  })
})

describe('callTreatment', () => {
  it('needs a lift to call anything', () => {
    const v = variation('b', 5000, 250, { lift: null, sequentialPValue: null })
    expect(callTreatment(v, false).call).toBe('undecided')
    expect(callTreatment(v, true).call).toBe('no_difference')
  })

  it('treats 0.05 itself as not significant', () => {
    const v = variation('b', 5000, 300, { lift: 0.2, sequentialPValue: 0.05, pValueAdjusted: 0.05 })
    expect(callTreatment(v, true).call).toBe('no_difference')
  })
})

describe('listKeys', () => {
  it('joins names the way a sentence does', () => {
    expect(listKeys(['b'])).toBe('b')
    expect(listKeys(['b', 'c'])).toBe('b and c')
    expect(listKeys(['b', 'c', 'd'])).toBe('b, c and d')
  })
})
