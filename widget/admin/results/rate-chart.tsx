/**
 * The cumulative conversion rate per day, one line per variation, hand-written in SVG at the
 * container's real width. Lines differ by dash pattern and marker shape as well as colour, the
 * legend shows both, and the figures are also available as a table.
 */
import type { TimeseriesResponse } from '../api/types.ts'
import { formatDay } from '../lib/dates.ts'
import { EMPTY, formatCount, formatPercent, formatTick } from '../lib/format.ts'
import { linearScale, niceDomain, niceStep, niceTicks } from '../lib/scale.ts'
import { useWidth } from '../lib/use-width.ts'

const HEIGHT = 240
const MARGIN = { top: 12, right: 16, bottom: 30, left: 48 }
/** Colours with at least 3:1 contrast on white (WCAG non-text contrast). */
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7e22ce', '#be123c', '#374151']
const DASHES = ['', '8 4', '2 4', '12 4 2 4', '4 4', '1 3']
/** The dash patterns in words, for the legend: the lines must be told apart without colour. */
const DASH_NAMES = ['solid', 'dashed', 'dotted', 'dash-dot', 'short dashes', 'fine dots']
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'circle'] as const
/** Beyond this many days markers would only clutter the lines. */
const MAX_MARKED_DAYS = 45

export function style(i: number) {
  return {
    colour: COLOURS[i % COLOURS.length] ?? '#000',
    dash: DASHES[i % DASHES.length] ?? '',
    dashName: DASH_NAMES[i % DASH_NAMES.length] ?? 'solid',
    marker: MARKERS[i % MARKERS.length] ?? 'circle',
  }
}

function Marker({ shape, x, y }: { shape: (typeof MARKERS)[number]; x: number; y: number }) {
  switch (shape) {
    case 'square':
      return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} />
    case 'triangle':
      return <path d={`M${x} ${y - 4.5} L${x + 4.5} ${y + 3.5} L${x - 4.5} ${y + 3.5} Z`} />
    case 'diamond':
      return <path d={`M${x} ${y - 5} L${x + 5} ${y} L${x} ${y + 5} L${x - 5} ${y} Z`} />
    case 'cross':
      return (
        <path d={`M${x - 4} ${y - 4} L${x + 4} ${y + 4} M${x + 4} ${y - 4} L${x - 4} ${y + 4}`} />
      )
    case 'circle':
      return <circle cx={x} cy={y} r={3.5} />
  }
}

export function RateChart({ series }: { series: TimeseriesResponse }) {
  const [ref, width] = useWidth<HTMLElement>(640)
  return (
    <figure class="rate-chart" ref={ref}>
      {series.days.length === 0 ? (
        <p class="muted">No daily data yet: the chart appears after the first exposures.</p>
      ) : (
        <Chart days={series.days} width={width} />
      )}
    </figure>
  )
}

function Chart({ days, width }: { days: TimeseriesResponse['days']; width: number }) {
  const keys = days[0]?.variations.map((v) => v.key) ?? []
  const rates = days.flatMap((d) => d.variations.map((v) => v.cumulativeRate ?? 0))
  const [, top] = niceDomain(0, Math.max(...rates, 0.01), 4)
  const x = linearScale(days.length > 1 ? [0, days.length - 1] : [-1, 1], [
    MARGIN.left,
    Math.max(MARGIN.left + 10, width - MARGIN.right),
  ])
  const y = linearScale([0, top], [HEIGHT - MARGIN.bottom, MARGIN.top])
  const step = niceStep(top, 4)
  const labelled =
    days.length <= 2
      ? days.map((_, i) => i)
      : [0, Math.floor((days.length - 1) / 2), days.length - 1]
  const last = days[days.length - 1]
  const summary = keys
    .map((k, i) => `${k}: ${formatPercent(last?.variations[i]?.cumulativeRate)}`)
    .join(', ')

  return (
    <>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby="rate-chart-title rate-chart-desc"
      >
        <title id="rate-chart-title">Cumulative conversion rate per day</title>
        <desc id="rate-chart-desc">
          {`${days.length} day${days.length === 1 ? '' : 's'} from ${days[0]?.date ?? ''} to ${last?.date ?? ''}. Latest rates: ${summary}.`}
        </desc>
        {niceTicks(0, top, 4).map((t) => (
          <g key={t}>
            <line class="grid" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
            <text class="tick-label" x={MARGIN.left - 6} y={y(t) + 4} text-anchor="end">
              {formatTick(t, step)}
            </text>
          </g>
        ))}
        {labelled.map((i) => (
          <text
            key={i}
            class="tick-label"
            x={x(i)}
            y={HEIGHT - 10}
            // The end labels lean inward so they are not clipped at the chart's edges.
            text-anchor={
              days.length === 1
                ? 'middle'
                : i === 0
                  ? 'start'
                  : i === days.length - 1
                    ? 'end'
                    : 'middle'
            }
          >
            {formatDay(days[i]?.date ?? '')}
          </text>
        ))}
        {keys.map((key, vi) => (
          <SeriesLine
            key={key}
            index={vi}
            points={days.map((d, di) => {
              const rate = d.variations[vi]?.cumulativeRate
              return rate === null || rate === undefined ? null : ([x(di), y(rate)] as const)
            })}
          />
        ))}
      </svg>
      <Legend keys={keys} last={last} />
      <FiguresTable days={days} keys={keys} />
    </>
  )
}

type Point = readonly [number, number] | null

/** One variation's line, broken where a day has no rate, with its markers on short ranges. */
function SeriesLine({ index, points }: { index: number; points: Point[] }) {
  const s = style(index)
  const path = points
    .map((p, i) => (p ? `${i > 0 && points[i - 1] ? 'L' : 'M'}${p[0]} ${p[1]}` : ''))
    .join('')
  return (
    <g class="series" stroke={s.colour} fill={s.colour}>
      <path d={path} fill="none" stroke-width={2} stroke-dasharray={s.dash || undefined} />
      {points.length <= MAX_MARKED_DAYS &&
        points.map((p, i) => (p ? <Marker key={i} shape={s.marker} x={p[0]} y={p[1]} /> : null))}
    </g>
  )
}

type Day = TimeseriesResponse['days'][number]

/** Each line's colour, dash and marker in words and in a sample, with its latest rate. */
function Legend({ keys, last }: { keys: string[]; last: Day | undefined }) {
  return (
    <figcaption>
      <ul class="legend">
        {keys.map((key, i) => {
          const s = style(i)
          return (
            <li key={key}>
              <svg width={36} height={12} aria-hidden="true" stroke={s.colour} fill={s.colour}>
                <line
                  x1={0}
                  x2={36}
                  y1={6}
                  y2={6}
                  stroke-width={2}
                  stroke-dasharray={s.dash || undefined}
                />
                <Marker shape={s.marker} x={18} y={6} />
              </svg>
              {key} ({s.marker}, {s.dashName}): {formatPercent(last?.variations[i]?.cumulativeRate)}
            </li>
          )
        })}
      </ul>
    </figcaption>
  )
}

/** The chart's figures as a table, for those who cannot or would rather not read the lines. */
function FiguresTable({ days, keys }: { days: Day[]; keys: string[] }) {
  return (
    <details>
      <summary>Show the chart’s figures as a table</summary>
      <div class="table-scroll" role="region" aria-label="Daily figures" tabIndex={0}>
        <table class="data compact">
          <thead>
            <tr>
              <th scope="col">Day</th>
              {keys.map((k) => (
                <th key={k} scope="col" class="num">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                {d.variations.map((v) => (
                  <td key={v.key} class="num">
                    {v.cumulativeRate === null
                      ? EMPTY
                      : `${formatPercent(v.cumulativeRate)} (${formatCount(v.cumulativeConversions)} / ${formatCount(v.cumulativeVisitors)})`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
