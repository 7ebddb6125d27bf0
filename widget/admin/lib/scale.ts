/**
 * Axis arithmetic for the hand-written SVG charts: linear scales, "nice" round ticks, and the one
 * lift domain every row of the results table shares, so interval bars can be compared by eye.
 */
import type { Interval } from '../api/types.ts'

export type Scale = (value: number) => number

/** Maps `domain` onto `range` linearly; a zero-width domain maps everything to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain
  const [r0, r1] = range
  const span = d1 - d0
  if (span === 0) return () => (r0 + r1) / 2
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0)
}

/** The step of about `count` ticks over `span`: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1
  const raw = span / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const fraction = raw / power
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
  return nice * power
}

/** Rounds a value to the step's precision, so 0.1 + 0.2 prints as 0.3 on an axis. */
function snap(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  return Number(value.toFixed(Math.min(digits, 12)))
}

/**
 * `[min, max]` widened outward to whole steps of about `count` ticks. Widening can change the
 * step, so it repeats until the ends sit on ticks of the final step (as d3's `nice` does).
 */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  if (min === max) return min === 0 ? [0, 1] : niceDomain(Math.min(0, min), Math.max(0, max), count)
  let domain: [number, number] = [min, max]
  for (let i = 0; i < 3; i++) {
    const step = niceStep(domain[1] - domain[0], count)
    const next: [number, number] = [
      snap(Math.floor(domain[0] / step + 1e-9) * step, step),
      snap(Math.ceil(domain[1] / step - 1e-9) * step, step),
    ]
    if (next[0] === domain[0] && next[1] === domain[1]) break
    domain = next
  }
  return domain
}

/** Round tick values covering `[min, max]` (the ends included when they are whole steps). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min]
  const step = niceStep(max - min, count)
  const ticks: number[] = []
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
    ticks.push(snap(t, step))
  }
  return ticks
}

/** Used when no treatment has an interval yet: ±10% reads as "nothing to see" rather than blank. */
const DEFAULT_LIFT_DOMAIN: [number, number] = [-0.1, 0.1]

/**
 * The lift axis shared by every row: spans every interval and point estimate, always includes
 * zero (the "no difference" line), and ends on round ticks.
 */
export function liftDomain(rows: readonly { lift: number | null; ci: Interval | null }[]) {
  const values: number[] = [0]
  for (const row of rows) {
    if (row.ci) values.push(row.ci[0], row.ci[1])
    if (row.lift !== null) values.push(row.lift)
  }
  const finite = values.filter(Number.isFinite)
  const min = Math.min(...finite)
  const max = Math.max(...finite)
  if (min === 0 && max === 0) return DEFAULT_LIFT_DOMAIN
  return niceDomain(min, max, 3)
}
