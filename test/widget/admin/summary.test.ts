import { describe, expect, it } from 'vitest'
import type { Phase } from '../../../widget/admin/api/types.ts'
import { daysRunning, formatDay } from '../../../widget/admin/lib/dates.ts'
import { leadingVariation, totalVisitors } from '../../../widget/admin/results/leader.ts'
import { results, variation } from './results-fixture.ts'

const DAY = 86_400_000
const phase = (n: number, startedAt: number, endedAt: number | null = null): Phase => ({
  phase: n,
  seed: 's',
  weights: [0.5, 0.5],
  variationKeys: ['a', 'b'],
  startedAt,
  endedAt,
})

describe('the experiments list summary', () => {
  it('names the variation converting best, with its lift', () => {
    const r = results({
      variations: [variation('control', 1000, 50), variation('b', 1000, 70, { lift: 0.4 })],
    })
    expect(leadingVariation(r)).toEqual({ key: 'b', rate: 0.07, lift: 0.4 })
    expect(totalVisitors(r)).toBe(2000)
  })

  it('names no leader without conversions or on a tie', () => {
    const none = results({ variations: [variation('control', 10, 0), variation('b', 10, 0, {})] })
    expect(leadingVariation(none)).toBeNull()
    const tie = results({ variations: [variation('control', 10, 1), variation('b', 10, 1, {})] })
    expect(leadingVariation(tie)).toBeNull()
  })

  it('counts days from the first phase, to now or to the end of a stopped one', () => {
    const phases = [phase(1, 0, 3 * DAY), phase(2, 3 * DAY, 10 * DAY)]
    expect(daysRunning(phases, 'running', 12 * DAY)).toBe(12)
    expect(daysRunning(phases, 'stopped', 12 * DAY)).toBe(10)
    expect(daysRunning([], 'draft', 12 * DAY)).toBeNull()
  })

  it('writes a timeseries day as a short date', () => {
    expect(formatDay('2026-03-04')).toBe('Mar 4')
    expect(formatDay('not a date')).toBe('not a date')
  })
})
