/**
 * How the dashboard writes numbers: one module so tables, charts, verdicts and the end-to-end
 * tests that compare the page with the API's JSON all agree. The locale is fixed (en-US) so a
 * figure reads the same for every admin and in every test run.
 */
import type { Interval } from '../api/types.ts'

/** What an undefined figure (null in the API) shows as. */
export const EMPTY = '—'
/** A real minus sign: a hyphen is read as a dash by screen readers and looks too short. */
const MINUS = '\u2212'

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

type Maybe = number | null | undefined

function isNumber(x: Maybe): x is number {
  return typeof x === 'number' && Number.isFinite(x)
}

/** A whole count with thousands separators: `12,345`. */
export function formatCount(n: Maybe): string {
  return isNumber(n) ? counts.format(n) : EMPTY
}

/**
 * A share as a percentage, e.g. a conversion rate: `0.0523` → `5.2%`. Below 1% one more digit
 * is kept, because 0.3% and 0.34% are different stories for a small conversion rate; below
 * 0.1%, `digits + 1` significant digits (`0.0012%`), where fixed places would print 0.00%.
 */
export function formatPercent(x: Maybe, digits = 1): string {
  if (!isNumber(x)) return EMPTY
  const pct = x * 100
  const size = Math.abs(pct)
  const sign = pct < 0 ? MINUS : ''
  if (size !== 0 && size < 0.1) {
    const significant = { maximumSignificantDigits: Math.min(21, digits + 1) }
    return `${sign}${size.toLocaleString('en-US', significant)}%`
  }
  const places = pct !== 0 && size < 1 ? digits + 1 : digits
  return `${sign}${size.toFixed(places)}%`
}

/** A relative lift, always signed: `+8.1%`, `−3.0%`, `0.0%`. */
export function formatLift(x: Maybe): string {
  if (!isNumber(x)) return EMPTY
  const text = formatPercent(Math.abs(x))
  if (text === '0.0%') return text
  return `${x < 0 ? MINUS : '+'}${text}`
}

/** An interval in words, e.g. `4.1% to 6.3%`; the formatter is the one of its point estimate. */
export function formatInterval(ci: Interval | null | undefined, format: (x: Maybe) => string) {
  return ci ? `${format(ci[0])} to ${format(ci[1])}` : EMPTY
}

/** A p-value: three decimals, and `< 0.001` where more digits would only suggest false precision. */
export function formatPValue(p: Maybe): string {
  if (!isNumber(p)) return EMPTY
  if (p < 0.001) return '< 0.001'
  return p.toFixed(3)
}

/** A probability as a percentage that never claims certainty: `> 99.9%`, `< 0.1%`. */
export function formatProbability(p: Maybe): string {
  if (!isNumber(p)) return EMPTY
  if (p > 0.999) return '> 99.9%'
  if (p < 0.001) return '< 0.1%'
  return `${(p * 100).toFixed(1)}%`
}

/** Money in the site's currency: `$1.23`, `¥150`. An unknown currency code falls back to `1.23 XYZ`. */
export function formatMoney(x: Maybe, currency: string): string {
  if (!isNumber(x)) return EMPTY
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(x)
  } catch {
    return `${x.toFixed(2)} ${currency}`
  }
}

/** A test statistic such as chi-square: two decimals, one above 1,000. */
export function formatStatistic(x: Maybe): string {
  if (!isNumber(x)) return EMPTY
  return Math.abs(x) >= 1000 ? counts.format(Math.round(x)) : x.toFixed(2)
}

/** A duration in whole days: `< 1 day`, `1 day`, `12 days`. */
export function formatDays(days: Maybe): string {
  if (!isNumber(days)) return EMPTY
  if (days < 1) return '< 1 day'
  const whole = Math.floor(days)
  return whole === 1 ? '1 day' : `${counts.format(whole)} days`
}

/**
 * A count rounded UP to two significant digits, for estimates ("about 35,000 more visitors"):
 * rounding down would promise an answer sooner than the plan allows.
 */
export function approximateCount(n: number): string {
  if (n < 100) return counts.format(Math.ceil(n))
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1)
  return counts.format(Math.ceil(n / magnitude) * magnitude)
}

/**
 * An axis tick as a percentage with only the digits its step needs: `+20%`, `−5%`, `2.5%`.
 * `signed` adds the plus sign lifts carry; zero never gets a sign.
 */
export function formatTick(value: number, step: number, signed = false): string {
  const percentStep = step * 100
  let decimals = 0
  while (
    decimals < 4 &&
    Math.abs(percentStep * 10 ** decimals - Math.round(percentStep * 10 ** decimals)) > 1e-6
  ) {
    decimals++
  }
  const text = `${Math.abs(value * 100).toFixed(decimals)}%`
  if (Number(text.slice(0, -1)) === 0) return `0%`
  if (value < 0) return `${MINUS}${text}`
  return signed ? `+${text}` : text
}
