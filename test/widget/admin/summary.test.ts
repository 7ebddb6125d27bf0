import { h, render } from 'preact'
import { describe, expect, it } from 'vitest'
import type { Phase, ResultsResponse } from '../../../widget/admin/api/types.ts'
import { daysRunning, formatDay } from '../../../widget/admin/lib/dates.ts'
import { listVerdict, totalVisitors } from '../../../widget/admin/results/list-summary.ts'
import { VerdictBanner } from '../../../widget/admin/results/verdict-banner.tsx'
import { results, variation } from './results-fixture.ts'

/** The headline the results page's banner shows for these results. */
function bannerHeadline(r: ResultsResponse): string {
  const el = document.createElement('div')
  render(h(VerdictBanner, { results: r }), el)
  const text = el.querySelector('.banner-title')?.textContent ?? ''
  return text.replace(/^\S+ /, '')
}

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
  it('says "not enough data" at 6 visitors, as the results page does, not "pay-now (+100.0%)"', () => {
    const r = results({
      variations: [variation('control', 3, 1), variation('pay-now', 3, 2, { lift: 1 })],
    })
    expect(listVerdict(r)).toEqual({
      kind: 'not_enough_data',
      text: 'Not enough data yet',
      warnings: [],
    })
    expect(listVerdict(r).text).toBe(bannerHeadline(r))
    expect(totalVisitors(r)).toBe(6)
  })

  it('names no variation while the results say keep running', () => {
    const r = results({
      variations: [variation('control', 1000, 50), variation('b', 1000, 70, { lift: 0.4 })],
    })
    expect(listVerdict(r).kind).toBe('keep_running')
    expect(listVerdict(r).text).toBe(bannerHeadline(r))
    expect(listVerdict(r).text).not.toContain('b ')
  })

  it('names a winner only when the results page does, in the same words', () => {
    const r = results({
      variations: [
        variation('control', 5000, 250),
        variation('b', 5000, 330, { lift: 0.32, sequentialPValue: 0.001 }),
      ],
    })
    expect(listVerdict(r)).toEqual({ kind: 'winner', text: 'b beats control', warnings: [] })
    expect(listVerdict(r).text).toBe(bannerHeadline(r))
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
