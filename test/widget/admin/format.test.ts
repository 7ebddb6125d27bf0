import { describe, expect, it } from 'vitest'
import { distinctPercents, durationSentence } from '../../../widget/admin/pages/sample-size.tsx'
import {
  approximateCount,
  formatCount,
  formatDays,
  formatInterval,
  formatLift,
  formatMoney,
  formatPercent,
  formatProbability,
  formatPValue,
  formatStatistic,
  formatTick,
} from '../../../widget/admin/lib/format.ts'

describe('number formatting', () => {
  it.each([
    [0.0523, '5.2%'],
    [0.1, '10.0%'],
    [0.0034, '0.34%'],
    // Below 0.1%, two significant digits: fixed places would print 0.00%.
    [0.00001, '0.001%'],
    [0.0000123, '0.0012%'],
    [-0.00005, '\u22120.005%'],
    [0, '0.0%'],
    [1, '100.0%'],
    [-0.25, '\u221225.0%'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('formatPercent(%s) is %s', (x, text) => {
    expect(formatPercent(x)).toBe(text)
  })

  it.each([
    [0.081, '+8.1%'],
    [-0.03, '\u22123.0%'],
    [0, '0.0%'],
    [0.00004, '+0.004%'],
    [undefined, '—'],
  ])('formatLift(%s) is %s, always signed', (x, text) => {
    expect(formatLift(x)).toBe(text)
  })

  it.each([
    [0.032, '0.032'],
    [0.0499, '0.050'],
    [0.001, '0.001'],
    [0.00099, '< 0.001'],
    [1e-12, '< 0.001'],
    [1, '1.000'],
    [null, '—'],
  ])('formatPValue(%s) is %s', (p, text) => {
    expect(formatPValue(p)).toBe(text)
  })

  it.each([
    [0.973, '97.3%'],
    [0.9999, '> 99.9%'],
    [0.0001, '< 0.1%'],
    [0.5, '50.0%'],
  ])('formatProbability(%s) is %s and never claims certainty', (p, text) => {
    expect(formatProbability(p)).toBe(text)
  })

  it('writes counts with separators and intervals in words', () => {
    expect(formatCount(34364)).toBe('34,364')
    expect(formatCount(null)).toBe('—')
    expect(formatInterval([0.041, 0.063], formatPercent)).toBe('4.1% to 6.3%')
    expect(formatInterval(null, formatPercent)).toBe('—')
  })

  it('writes money in the site currency, and survives an unknown code', () => {
    expect(formatMoney(1.234, 'USD')).toBe('$1.23')
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500')
    expect(formatMoney(2, 'not a code')).toBe('2.00 not a code')
    expect(formatMoney(null, 'USD')).toBe('—')
  })

  it('writes statistics and durations', () => {
    expect(formatStatistic(3.14159)).toBe('3.14')
    expect(formatStatistic(12345.6)).toBe('12,346')
    expect(formatDays(0.3)).toBe('< 1 day')
    expect(formatDays(1.9)).toBe('1 day')
    expect(formatDays(12)).toBe('12 days')
    expect(formatDays(null)).toBe('—')
  })

  it('rounds estimates up to two significant digits', () => {
    expect(approximateCount(29_564)).toBe('30,000')
    expect(approximateCount(34_364)).toBe('35,000')
    expect(approximateCount(1_201)).toBe('1,300')
    expect(approximateCount(1_200)).toBe('1,200')
    expect(approximateCount(87.2)).toBe('88')
  })

  it('writes axis ticks with only the digits the step needs', () => {
    expect(formatTick(0.2, 0.1, true)).toBe('+20%')
    expect(formatTick(-0.05, 0.05, true)).toBe('\u22125%')
    expect(formatTick(0, 0.05, true)).toBe('0%')
    expect(formatTick(0.025, 0.025)).toBe('2.5%')
    expect(formatTick(0.004, 0.002)).toBe('0.4%')
  })
})

describe('distinctPercents', () => {
  it('adds digits until two rates read differently, tiny ones included', () => {
    expect(distinctPercents(0.05, 0.05 * 1.0001)).toEqual(['5.0000%', '5.0005%'])
    expect(distinctPercents(0.00001, 0.00001 * 1.01)).toEqual(['0.001%', '0.00101%'])
    expect(distinctPercents(0.05, 0.055)).toEqual(['5.0%', '5.5%'])
  })
})

describe('durationSentence (the sample-size page’s days)', () => {
  it('says the days and the traffic they rest on', () => {
    expect(durationSentence({ visitorsPerDay: 412.4, windowDays: 7, days: 23 }, 'checkout')).toBe(
      'About 23 days at checkout’s recent traffic: 412 new visitors a day over the last 7 days.',
    )
  })

  it('says there is no estimate without recent traffic', () => {
    expect(
      durationSentence(
        { visitorsPerDay: null, windowDays: 7, days: null, reason: 'no_recent_traffic' },
        'quiet',
      ),
    ).toBe('quiet had no new visitors over the last 7 days, so there is no estimate in days.')
  })
})
