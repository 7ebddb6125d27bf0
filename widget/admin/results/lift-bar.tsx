/**
 * Relative lift intervals drawn by hand in SVG. Every row uses the same domain, so the bars of
 * all treatments line up on ONE axis (drawn in the column header) and compare by eye; the zero
 * line marks "no difference". Each bar carries a title and a description in words, and its
 * position against the zero line tells the story without colour.
 */
import type { Interval } from '../api/types.ts'
import { formatInterval, formatLift, formatTick } from '../lib/format.ts'
import { linearScale, niceStep, niceTicks } from '../lib/scale.ts'

export const BAR_WIDTH = 160
/** Room at both ends when the end tick labels are short; wider labels get more (see padFor). */
const MIN_PAD = 18
/** Few ticks: the column is narrow and each label is up to five characters wide. */
const TICKS = 3
const BAR_HEIGHT = 30
const AXIS_HEIGHT = 22

/** Width of one character of a tick label (11 px figures, generously), and the gap they need. */
const LABEL_CHAR_PX = 7.5
const LABEL_GAP_PX = 8

/**
 * The axis and the bars share one geometry. Tick labels are centred on their tick, so the end
 * ticks sit at least half the widest label in from the edges: "+1000%" fits whole.
 */
function geometry(domain: [number, number]) {
  const step = niceStep(domain[1] - domain[0], TICKS)
  const ticks = niceTicks(domain[0], domain[1], TICKS)
  const widest = Math.max(0, ...ticks.map((t) => formatTick(t, step, true).length))
  const pad = Math.max(MIN_PAD, Math.ceil((widest * LABEL_CHAR_PX) / 2) + 1)
  const x = linearScale(domain, [pad, BAR_WIDTH - pad])
  return { x, step, ticks, pad }
}

/**
 * Which ticks get a label: all when they fit, else every 2nd (3rd, …) counted from zero, which
 * always keeps its label, so `+50%` and `+100%` never run into each other in the narrow column.
 */
export function labelledTicks(
  ticks: readonly number[],
  spacingPx: number,
  labels: readonly string[],
) {
  const widest = Math.max(0, ...labels.map((l) => l.length)) * LABEL_CHAR_PX + LABEL_GAP_PX
  const every = spacingPx > 0 ? Math.max(1, Math.ceil(widest / spacingPx)) : 1
  const zero = ticks.findIndex((t) => t === 0)
  const origin = zero >= 0 ? zero : 0
  return ticks.map((_, i) => (i - origin) % every === 0)
}

/** The shared axis, with round ticks, for the header of the lift column. */
export function LiftAxis({ domain }: { domain: [number, number] }) {
  const { x, step, ticks } = geometry(domain)
  const labels = ticks.map((t) => formatTick(t, step, true))
  const spacing = ticks.length > 1 ? x(ticks[1] ?? 0) - x(ticks[0] ?? 0) : BAR_WIDTH
  const shown = labelledTicks(ticks, spacing, labels)
  return (
    <svg
      class="lift-axis"
      width={BAR_WIDTH}
      height={AXIS_HEIGHT}
      viewBox={`0 0 ${BAR_WIDTH} ${AXIS_HEIGHT}`}
      role="img"
      aria-label={`Lift axis from ${formatTick(domain[0], step, true)} to ${formatTick(domain[1], step, true)}`}
    >
      {ticks.map((t, i) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={AXIS_HEIGHT - 5} y2={AXIS_HEIGHT} class="tick" />
          {shown[i] && (
            <text x={x(t)} y={AXIS_HEIGHT - 8} text-anchor="middle" class="tick-label">
              {labels[i]}
            </text>
          )}
        </g>
      ))}
    </svg>
  )
}

/** Where an interval lies against zero, in words and as the bar's class. */
export function intervalSide(ci: Interval): { className: string; words: string } {
  if (ci[0] > 0)
    return { className: 'above', words: 'the whole interval is above zero: likely better' }
  if (ci[1] < 0)
    return { className: 'below', words: 'the whole interval is below zero: likely worse' }
  return { className: 'spans', words: 'the interval includes zero: no clear difference yet' }
}

type Props = {
  id: string
  label: string
  lift: number | null
  ci: Interval | null
  domain: [number, number]
}

export function LiftBar({ id, label, lift, ci, domain }: Props) {
  const { x, ticks, pad } = geometry(domain)
  const clamp = (v: number) => Math.min(BAR_WIDTH - pad, Math.max(pad, x(v)))
  const mid = BAR_HEIGHT / 2
  const side = ci ? intervalSide(ci) : null
  const description = ci
    ? `${formatLift(lift)}, 95% interval ${formatInterval(ci, formatLift)}; ${side?.words ?? ''}.`
    : 'No interval yet: not enough data to compare with the control.'
  return (
    <svg
      class="lift-bar"
      width={BAR_WIDTH}
      height={BAR_HEIGHT}
      viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-lift-bar={ci ? 'interval' : 'empty'}
    >
      <title id={`${id}-title`}>{label}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((t) => (
        <line key={t} x1={x(t)} x2={x(t)} y1={2} y2={BAR_HEIGHT - 2} class="grid" />
      ))}
      {ci && side && (
        <rect
          class={`interval ${side.className}`}
          x={clamp(ci[0])}
          width={Math.max(2, clamp(ci[1]) - clamp(ci[0]))}
          y={mid - 6}
          height={12}
          rx={3}
        />
      )}
      <line class="zero" x1={x(0)} x2={x(0)} y1={1} y2={BAR_HEIGHT - 1} />
      {lift !== null && ci && (
        <path class="estimate" d={`M${clamp(lift)} ${mid - 8} l5 8 l-5 8 l-5 -8 z`} />
      )}
    </svg>
  )
}
