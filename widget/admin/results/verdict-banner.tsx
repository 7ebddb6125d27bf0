/** The verdict of results/verdict.ts as a banner: the headline, then what it rests on. */
import type { ResultsResponse } from '../api/types.ts'
import {
  formatCount,
  formatInterval,
  formatLift,
  formatPercent,
  formatPValue,
} from '../lib/format.ts'
import {
  guardrailSentence,
  guardrailWarnings,
  verdictHeadline,
  verdictOf,
  type TreatmentCall,
  type Verdict,
} from './verdict.ts'

const TONE: Record<Verdict['kind'], string> = {
  srm_mismatch: 'bad',
  no_control: 'neutral',
  not_enough_data: 'neutral',
  winner: 'good',
  control_wins: 'bad',
  no_difference: 'neutral',
  keep_running: 'neutral',
  ended_undecided: 'neutral',
}

const ICON: Record<Verdict['kind'], string> = {
  srm_mismatch: '⚠',
  no_control: '■',
  not_enough_data: '…',
  winner: '▲',
  control_wins: '▼',
  no_difference: '=',
  keep_running: '▶',
  ended_undecided: '■',
}

function callLine(call: TreatmentCall, results: ResultsResponse, control: string): string {
  const variation = results.variations.find((v) => v.key === call.key)
  const cmp = variation?.vsControl
  // Against a control at 0% there is no relative lift: the rates say it.
  const lift =
    cmp?.lift === null && variation?.rate !== null
      ? `${formatPercent(variation?.rate)} against ${formatPercent(results.variations[0]?.rate)}`
      : `${formatLift(cmp?.lift)} (95% interval ${formatInterval(cmp?.liftCI, formatLift)})`
  switch (call.call) {
    case 'better':
    case 'worse': {
      const word = call.call === 'better' ? 'better' : 'worse'
      const basis =
        call.basis === 'sequential'
          ? `noise check (any day) ${formatPValue(cmp?.sequentialPValueAdjusted)}, safe to read daily`
          : `noise check (end of test) ${formatPValue(cmp?.pValueAdjusted)}, the planned sample reached`
      return `${call.key} converts ${word} than ${control}: ${lift}; ${basis}.`
    }
    case 'no_difference':
      return `${call.key}: no significant difference from ${control} at the planned sample size; ${lift}.`
    case 'undecided':
      return `${call.key}: too early to tell; ${lift}.`
  }
}

export function VerdictBanner({ results }: { results: ResultsResponse }) {
  const verdict = verdictOf(results)
  const control = results.variations[0]?.key ?? 'control'
  const headline = verdictHeadline(verdict, control)
  const warnings = guardrailWarnings(results)
  return (
    <div class={`banner verdict ${TONE[verdict.kind]}`} data-verdict={verdict.kind}>
      <p class="banner-title">
        <span aria-hidden="true">{ICON[verdict.kind]} </span>
        {headline}
      </p>
      {warnings.map((w) => (
        <p key={w.metric} class="guardrail-warning" data-guardrail={w.metric}>
          <span aria-hidden="true">⚠ </span>
          {guardrailSentence(w)}: read it before acting on the goal.
        </p>
      ))}
      {verdict.kind === 'no_control' && (
        <p>
          Every visitor goes to the other variations, so nothing can be compared. To test again,
          give {control} a weight above 0% (a change of weights starts a new phase).
        </p>
      )}
      {verdict.kind === 'not_enough_data' && (
        <p>
          Results are judged from {verdict.needed} visitors in every variation; the smallest has{' '}
          {formatCount(verdict.fewestVisitors)} so far.
        </p>
      )}
      {'calls' in verdict && (
        <ul>
          {verdict.calls.map((call) => (
            <li key={call.key}>{callLine(call, results, control)}</li>
          ))}
        </ul>
      )}
      {verdict.kind === 'keep_running' && verdict.visitorsPerVariation !== null && (
        <p class="muted">
          The plan: {formatCount(verdict.visitorsPerVariation)} visitors per variation to detect a{' '}
          {formatLift(results.power.minimumDetectableEffect)} lift with{' '}
          {Math.round(verdict.power * 100)}% power. Stop earlier only on the noise check (any day).
          {results.duration.visitorsPerDay !== null &&
            ` Recent traffic: about ${formatCount(Math.round(results.duration.visitorsPerDay))} new visitors a day.`}
        </p>
      )}
    </div>
  )
}
