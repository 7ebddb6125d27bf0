/**
 * One row per variation: visitors, conversions, rate with its interval, lift with its interval
 * (in words and as a bar on the shared axis), chance to beat control, the Holm-adjusted and
 * sequential p-values (named in plain words, with their terms in a detail below), and revenue per
 * visitor. Cells carry `data-col` so tests can read a figure, and `data-label` so a phone shows
 * each row as a card of labelled figures instead of a table to scroll sideways.
 *
 * A bandit's figures here pool its allocation periods: when rates drift while its weights move,
 * pooled rates can favour the wrong variation (Simpson's paradox), so the table says so and calls
 * no variation likely better or worse; the bandit panel's period-weighted estimates decide.
 */
import type { ResultsResponse, VariationResult } from '../api/types.ts'
import {
  EMPTY,
  formatCount,
  formatInterval,
  formatLift,
  formatMoney,
  formatPercent,
  formatProbability,
  formatPValue,
} from '../lib/format.ts'
import { CountCells } from './count-cells.tsx'
import { liftDomain } from '../lib/scale.ts'
import { useCurrency } from '../site-context.ts'
import { LiftAxis, LiftBar } from './lift-bar.tsx'
import { belowMinimumSample } from './verdict.ts'

/** Chance to beat control is called out above 95% and below 5%, in words as well as colour. */
export function chanceCall(p: number | null): { className: string; text: string } | null {
  if (p === null) return null
  if (p >= 0.95) return { className: 'likely-better', text: '▲ likely better' }
  if (p <= 0.05) return { className: 'likely-worse', text: '▼ likely worse' }
  return null
}

/** The p-values' plain names; results-section.tsx's detail gives their statistical terms. */
export const NOISE_FINAL = 'Noise check (end of test)'
export const NOISE_DAILY = 'Noise check (any day)'

type Props = { results: ResultsResponse; names: Record<string, string | undefined> }

export function ResultsTable({ results, names }: Props) {
  const currency = useCurrency()
  const control = results.variations[0]?.key ?? 'control'
  // Too early for the verdict is too early for an interval: a few visitors give one hundreds of
  // percent wide, which draws the eye as if it were a finding.
  const early = belowMinimumSample(results) !== null
  const pooled = results.bandit !== undefined
  const domain = liftDomain(
    results.variations.slice(1).map((v) => ({
      lift: v.vsControl?.lift ?? null,
      ci: early ? null : (v.vsControl?.liftCI ?? null),
    })),
  )
  return (
    <div class="table-scroll" role="region" aria-labelledby="results-table-caption" tabIndex={0}>
      <table class="data results stack">
        <caption id="results-table-caption">
          Phase {results.phase} by variation; ranges are 95% intervals. A noise check below 0.05:
          unlikely to be chance.
          {pooled && (
            <span class="pooled-note">
              {' '}
              These figures pool the bandit's allocation periods and can mislead when rates drift;
              the bandit's own estimates above weigh each period.
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">Variation</th>
            <th scope="col" class="num">
              Visitors
            </th>
            <th scope="col" class="num">
              Conversions
            </th>
            <th scope="col" class="num">
              Conversion rate
            </th>
            <th scope="col" class="num">
              Lift vs {control}
            </th>
            <th scope="col" class="bar-col">
              <span class="visually-hidden">Lift interval</span>
              <LiftAxis domain={domain} />
            </th>
            <th scope="col">Chance to beat {control}</th>
            <th scope="col" class="num">
              {NOISE_FINAL}
            </th>
            <th scope="col" class="num">
              {NOISE_DAILY}
            </th>
            <th scope="col" class="num">
              Revenue / visitor
            </th>
          </tr>
        </thead>
        <tbody>
          {results.variations.map((v, i) => (
            <Row
              key={v.key}
              v={v}
              isControl={i === 0}
              control={control}
              name={names[v.key]}
              domain={domain}
              currency={currency}
              early={early}
              pooled={pooled}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

type RowProps = {
  v: VariationResult
  isControl: boolean
  control: string
  name: string | undefined
  domain: [number, number]
  currency: string
  /** Below the minimum sample: the lift's interval is withheld. */
  early: boolean
  /** A bandit's pooled figures: no variation is called better or worse from them. */
  pooled: boolean
}

function Row({ v, isControl, control, name, domain, currency, early, pooled }: RowProps) {
  const cmp = v.vsControl
  const liftCI = early ? null : (cmp?.liftCI ?? null)
  const call = pooled ? null : chanceCall(cmp?.chanceToBeatControl ?? null)
  return (
    <tr data-variation={v.key}>
      <th scope="row">
        {v.key}
        {isControl && <span class="tag">control</span>}
        {name && name !== v.key && <span class="key">{name}</span>}
      </th>
      <CountCells
        visitors={v.visitors}
        conversions={v.conversions}
        rate={v.rate}
        rateCI={v.rateCI}
      />
      <td class="num" data-label={`Lift vs ${control}`}>
        {isControl ? (
          <span class="muted">baseline</span>
        ) : (
          <>
            <span data-col="lift">{formatLift(cmp?.lift)}</span>
            <span class="ci" data-col="lift-ci">
              {early ? 'too early for an interval' : formatInterval(liftCI, formatLift)}
            </span>
          </>
        )}
      </td>
      <td class="bar-col">
        {!isControl && (
          <LiftBar
            id={`lift-${v.key.replace(/[^A-Za-z0-9_-]/g, '_')}`}
            label={`Lift of ${v.key} versus ${control}`}
            lift={cmp?.lift ?? null}
            ci={liftCI}
            domain={domain}
          />
        )}
      </td>
      <td data-col="chance" class={call?.className} data-label={`Chance to beat ${control}`}>
        {isControl ? EMPTY : formatProbability(cmp?.chanceToBeatControl)}
        {call && <span class="call">{call.text}</span>}
      </td>
      <td class="num" data-col="p-adjusted" data-label={NOISE_FINAL}>
        {isControl ? EMPTY : formatPValue(cmp?.pValueAdjusted)}
      </td>
      <td class="num" data-col="p-sequential" data-label={NOISE_DAILY}>
        {isControl ? EMPTY : formatPValue(cmp?.sequentialPValue)}
      </td>
      <td class="num" data-col="revenue" data-label="Revenue / visitor">
        {formatMoney(v.revenue.perVisitor, currency)}
      </td>
    </tr>
  )
}
