/**
 * The store's funnel: the period's steps as bars narrowing from sessions to purchases, each with
 * its share of sessions and of the step before, then one column per day drawn the same way (each
 * step a darker bar inside the one before, since every purchase session also viewed and carted
 * or at least started). The days' figures are also a table, folded below.
 */
import type { FunnelDay } from '../../../shared/behaviour.ts'
import { formatDay } from '../lib/dates.ts'
import { formatCount, formatPercent, formatTick } from '../lib/format.ts'
import { linearScale, niceDomain, niceStep, niceTicks, type Scale } from '../lib/scale.ts'
import { useWidth } from '../lib/use-width.ts'

const STEPS = [
  { key: 'sessions', label: 'Sessions', colour: '#c7d2fe' },
  { key: 'productViews', label: 'Viewed a product', colour: '#6d83f2' },
  { key: 'addToCarts', label: 'Added to cart', colour: '#1d4ed8' },
  { key: 'purchases', label: 'Bought', colour: '#0f1f5c' },
] as const
type StepKey = (typeof STEPS)[number]['key']

const HEIGHT = 220
const MARGIN = { top: 10, right: 12, bottom: 28, left: 44 }

function totals(days: readonly FunnelDay[]): Record<StepKey, number> {
  const sum = (key: StepKey) => days.reduce((s, d) => s + d[key], 0)
  return {
    sessions: sum('sessions'),
    productViews: sum('productViews'),
    addToCarts: sum('addToCarts'),
    purchases: sum('purchases'),
  }
}

export function FunnelView({ days }: { days: FunnelDay[] }) {
  const total = totals(days)
  return (
    <>
      <ol class="funnel" aria-label="Funnel for the period">
        {STEPS.map((step, i) => {
          const count = total[step.key]
          const previous = i === 0 ? null : total[STEPS[i - 1]?.key ?? 'sessions']
          const share = total.sessions > 0 ? count / total.sessions : 0
          return (
            <li key={step.key} data-step={step.key}>
              <span class="funnel-label">{step.label}</span>
              <span class="funnel-track">
                <span
                  class="funnel-bar"
                  style={{
                    width: `${Math.max(share * 100, count > 0 ? 0.5 : 0)}%`,
                    background: step.colour,
                  }}
                />
              </span>
              <span class="funnel-figures">
                <strong data-col="count">{formatCount(count)}</strong>
                {previous !== null && (
                  <span class="muted" data-col="step-rate">
                    {' '}
                    {previous > 0 ? formatPercent(count / previous) : '–'} of the step before
                  </span>
                )}
              </span>
            </li>
          )
        })}
      </ol>
      <DailyColumns days={days} />
      <details>
        <summary>The days as a table</summary>
        <div class="table-scroll" role="region" aria-label="Funnel per day" tabIndex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {STEPS.map((s) => (
                  <th key={s.key} scope="col" class="num">
                    {s.label}
                  </th>
                ))}
                <th scope="col" class="num">
                  Conversion rate
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <th scope="row">{formatDay(d.day)}</th>
                  {STEPS.map((s) => (
                    <td key={s.key} class="num">
                      {formatCount(d[s.key])}
                    </td>
                  ))}
                  <td class="num">
                    {d.sessions > 0 ? formatPercent(d.purchases / d.sessions) : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  )
}

/** The day with the highest share of sessions that bought, or null before any session. */
function bestDay(days: readonly FunnelDay[]): FunnelDay | null {
  return days.reduce<FunnelDay | null>(
    (b, d) =>
      d.sessions > 0 && (!b || d.purchases / d.sessions > b.purchases / b.sessions) ? d : b,
    null,
  )
}

type DayColumnProps = {
  day: FunnelDay
  /** The column's left edge, in pixels. */
  x: number
  /** The column's width, in pixels: the outer (sessions) bar's. */
  column: number
  y: Scale
}

/** One day's steps, each a bar inside the one before. */
function DayColumn({ day: d, x, column, y }: DayColumnProps) {
  return (
    <g data-day={d.day}>
      {STEPS.map((s, si) => {
        // Inner steps are narrower too, so a thin purchase bar stays visible on its own.
        const w = column * (1 - si * 0.18)
        return (
          <rect
            key={s.key}
            x={x + (column - w) / 2}
            y={y(d[s.key])}
            width={w}
            height={Math.max(0, y(0) - y(d[s.key]))}
            fill={s.colour}
          >
            <title>{`${d.day}: ${formatCount(d[s.key])} ${s.label.toLowerCase()}`}</title>
          </rect>
        )
      })}
    </g>
  )
}

function StepsLegend() {
  return (
    <ul class="legend">
      {STEPS.map((s) => (
        <li key={s.key}>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" fill={s.colour} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  )
}

function DailyColumns({ days }: { days: FunnelDay[] }) {
  const [ref, width] = useWidth<HTMLElement>(640)
  const [, top] = niceDomain(0, Math.max(1, ...days.map((d) => d.sessions)), 4)
  const y = linearScale([0, top], [HEIGHT - MARGIN.bottom, MARGIN.top])
  const band = (width - MARGIN.left - MARGIN.right) / Math.max(1, days.length)
  const column = Math.max(2, band * 0.7)
  const step = niceStep(top, 4)
  const labelled = days.length <= 2 ? days.map((_, i) => i) : [0, days.length - 1]
  const best = bestDay(days)
  return (
    <figure class="rate-chart funnel-chart" ref={ref}>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby="funnel-chart-title funnel-chart-desc"
      >
        <title id="funnel-chart-title">Funnel per day</title>
        <desc id="funnel-chart-desc">
          {`Sessions per day, with the sessions that viewed a product, added to cart and bought drawn inside them. ${
            best
              ? `Best day for conversion: ${best.day}, ${formatPercent(best.purchases / best.sessions)}.`
              : 'No sessions yet.'
          }`}
        </desc>
        {niceTicks(0, top, 4).map((t) => (
          <g key={t}>
            <line class="grid" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
            <text class="tick-label" x={MARGIN.left - 6} y={y(t) + 4} text-anchor="end">
              {formatTick(t, step)}
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <DayColumn
            key={d.day}
            day={d}
            x={MARGIN.left + i * band + (band - column) / 2}
            column={column}
            y={y}
          />
        ))}
        {labelled.map((i) => (
          <text
            key={i}
            class="tick-label"
            x={MARGIN.left + i * band + band / 2}
            y={HEIGHT - 8}
            text-anchor={i === 0 ? 'start' : 'end'}
          >
            {formatDay(days[i]?.day ?? '')}
          </text>
        ))}
      </svg>
      <StepsLegend />
    </figure>
  )
}
