/**
 * A bandit's weights over time as a stacked area: each allocation period is a column from its
 * start to the next one's (the last to now), split by the share each variation got. Variations
 * differ by fill pattern density as well as colour, and the legend names both; the weights are
 * also in a table below the chart.
 */
import type { BanditResultsSection } from '../api/types.ts'
import { formatDateTime } from '../lib/dates.ts'
import { formatPercent } from '../lib/format.ts'
import { linearScale } from '../lib/scale.ts'
import { useWidth } from '../lib/use-width.ts'
import { style } from './rate-chart.tsx'

const HEIGHT = 200
const MARGIN = { top: 8, right: 12, bottom: 24, left: 40 }

type Props = { bandit: BanditResultsSection; names: string[]; now: number }

type Periods = BanditResultsSection['periods']

/** Variations later in the list get denser fills, so the bands differ beyond their colour. */
const bandOpacity = (v: number, count: number) => 0.35 + 0.5 * (v / Math.max(1, count - 1))

/**
 * One closed path per variation: its band's upper edge left to right, then its lower edge back,
 * at each period's two ends (the last period ends at `end`).
 */
function bandPaths(
  periods: Periods,
  count: number,
  end: number,
  x: (t: number) => number,
  y: (share: number) => number,
): string[] {
  return Array.from({ length: count }, (_, v) => {
    const upper: string[] = []
    const lower: string[] = []
    periods.forEach((p, i) => {
      const from = x(p.startedAt)
      const to = x(periods[i + 1]?.startedAt ?? end)
      const below = p.weights.slice(0, v).reduce((a, b) => a + b, 0)
      const top = below + (p.weights[v] ?? 0)
      upper.push(`${from},${y(top)}`, `${to},${y(top)}`)
      lower.unshift(`${to},${y(below)}`, `${from},${y(below)}`)
    })
    return `M${[...upper, ...lower].join(' L')} Z`
  })
}

function WeightsLegend({ names }: { names: string[] }) {
  return (
    <ul class="legend">
      {names.map((n, v) => (
        <li key={n}>
          <svg width={14} height={14} aria-hidden="true">
            <rect
              width={14}
              height={14}
              fill={style(v).colour}
              fill-opacity={bandOpacity(v, names.length)}
            />
          </svg>
          {n} (band {v + 1} from the bottom)
        </li>
      ))}
    </ul>
  )
}

function WeightsTable({ periods, names }: { periods: Periods; names: string[] }) {
  return (
    <details>
      <summary>Weights by period</summary>
      <table class="bandit-periods">
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">From</th>
            {names.map((n) => (
              <th scope="col" key={n}>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.period}>
              <td>{p.period}</td>
              <td>{formatDateTime(p.startedAt)}</td>
              {names.map((n, v) => (
                <td key={n}>{formatPercent(p.weights[v])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

export function BanditWeightsChart({ bandit, names, now }: Props) {
  const [ref, width] = useWidth<HTMLElement>(640)
  const { periods } = bandit
  const start = periods[0]?.startedAt ?? now
  const end = Math.max(now, (periods.at(-1)?.startedAt ?? now) + 1)
  const x = linearScale([start, end], [MARGIN.left, width - MARGIN.right])
  const y = linearScale([0, 1], [HEIGHT - MARGIN.bottom, MARGIN.top])
  const bands = bandPaths(periods, names.length, end, x, y)
  return (
    <figure class="rate-chart bandit-weights" ref={ref}>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`Weights over ${periods.length} allocation periods; now ${names
          .map((n, i) => `${n} ${formatPercent(bandit.weights[i])}`)
          .join(', ')}`}
      >
        {bands.map((d, v) => (
          <path
            key={v}
            d={d}
            fill={style(v).colour}
            fill-opacity={bandOpacity(v, names.length)}
            stroke="#fff"
            stroke-width={0.5}
            data-variation={names[v]}
          />
        ))}
        {[0, 0.5, 1].map((t) => (
          <text key={t} x={MARGIN.left - 6} y={y(t) + 4} text-anchor="end" class="tick">
            {formatPercent(t, 0)}
          </text>
        ))}
        <text x={MARGIN.left} y={HEIGHT - 6} class="tick">
          {formatDateTime(start)}
        </text>
        <text x={width - MARGIN.right} y={HEIGHT - 6} text-anchor="end" class="tick">
          now
        </text>
      </svg>
      <WeightsLegend names={names} />
      <WeightsTable periods={periods} names={names} />
    </figure>
  )
}
