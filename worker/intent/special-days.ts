/**
 * `SpecialDay`: how close a visit is to a gift-giving day, as the public data set defines it
 * (Sakar et al. 2019): it allows for delivery time, so it is 0 on the day itself and peaks (1)
 * some days before, e.g. for Valentine's Day non-zero from 2 to 12 February with its maximum on
 * 8 February. Here: 1 six days before the day, falling by 0.2 a day either side (non-zero from
 * ten to two days before, 0 otherwise). The calendar is the gift days of Western retail unless
 * a site names its own as `MM-DD` dates. Dates are UTC.
 */
import { DAY_MS } from '../../shared/durations.ts'

const PEAK_DAYS_BEFORE = 6
const FALL_PER_DAY = 0.2

/** A gift day in a given year, as a UTC midnight. */
type GiftDay = (year: number) => number

/** The nth weekday (0 = Sunday) of a month (0-11), UTC. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay()
  return Date.UTC(year, month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1))
}

/** Valentine's Day, Mother's Day (US: the second Sunday of May), Black Friday and Christmas. */
export const DEFAULT_SPECIAL_DAYS: readonly GiftDay[] = [
  (year) => Date.UTC(year, 1, 14),
  (year) => nthWeekday(year, 4, 0, 2),
  // The day after the fourth Thursday of November (US Thanksgiving).
  (year) => nthWeekday(year, 10, 4, 4) + DAY_MS,
  (year) => Date.UTC(year, 11, 25),
]

/** A site's own calendar: gift days as `MM-DD`, each every year. */
export function calendarOf(dates: readonly string[]): GiftDay[] {
  return dates.flatMap((date) => {
    const match = /^(\d\d)-(\d\d)$/.exec(date)
    if (!match) return []
    const [month, day] = [Number(match[1]), Number(match[2])]
    return month >= 1 && month <= 12 && day >= 1 && day <= 31
      ? [(year: number) => Date.UTC(year, month - 1, day)]
      : []
  })
}

/**
 * The visit's closeness to the nearest coming gift day, 0-1 in steps of 0.2.
 *
 * @example specialDay(Date.UTC(2026, 1, 8)) // 1: six days before Valentine's Day
 */
export function specialDay(
  at: number,
  calendar: readonly GiftDay[] = DEFAULT_SPECIAL_DAYS,
): number {
  const date = new Date(at)
  const today = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  let best = 0
  for (const year of [date.getUTCFullYear(), date.getUTCFullYear() + 1])
    for (const day of calendar) {
      const daysBefore = Math.round((day(year) - today) / DAY_MS)
      if (daysBefore <= 0) continue
      const value = 1 - FALL_PER_DAY * Math.abs(daysBefore - PEAK_DAYS_BEFORE)
      best = Math.max(best, Math.round(value * 5) / 5)
    }
  return best
}
