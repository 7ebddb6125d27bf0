import { describe, expect, it } from 'vitest'
import { calendarOf, specialDay } from '../../../worker/intent/special-days.ts'

const day = (month: number, date: number, year = 2026) => Date.UTC(year, month - 1, date, 15)

describe('specialDay', () => {
  it.each([
    ['six days before Valentine’s Day', day(2, 8), 1],
    ['ten days before it', day(2, 4), 0.2],
    ['two days before it', day(2, 12), 0.2],
    ['the day itself', day(2, 14), 0],
    ['the day after', day(2, 15), 0],
    ['eleven days before', day(2, 3), 0],
    ['six days before Mother’s Day (10 May 2026)', day(5, 4), 1],
    ['six days before Black Friday (27 November 2026)', day(11, 21), 1],
    ['five days before Christmas', day(12, 20), 0.8],
    ['an ordinary day', day(7, 1), 0],
  ])('is %s: %d', (_, at, value) => {
    expect(specialDay(at)).toBe(value)
  })

  it('looks into the next year for a gift day in early January', () => {
    const calendar = calendarOf(['01-05'])
    expect(specialDay(day(12, 30), calendar)).toBe(1)
  })

  it('reads a site calendar and skips dates that are not MM-DD', () => {
    const calendar = calendarOf(['07-10', 'tomorrow', '13-01', '02-30x'])
    expect(calendar).toHaveLength(1)
    expect(specialDay(day(7, 4), calendar)).toBe(1)
    expect(specialDay(day(2, 8), calendar)).toBe(0)
  })
})
