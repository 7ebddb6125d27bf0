/**
 * What the experiments list says about a started experiment: its visitors and the verdict the
 * results page shows (verdict.ts), word for word, so the list never names a "leader" the
 * results call too early or not significant.
 */
import type { ResultsResponse } from '../api/types.ts'
import {
  guardrailSentence,
  guardrailWarnings,
  verdictHeadline,
  verdictOf,
  type Verdict,
} from './verdict.ts'

/** The results page's verdict: its headline, then any guardrail warning. */
export function listVerdict(results: ResultsResponse): {
  kind: Verdict['kind']
  text: string
  warnings: string[]
} {
  const verdict = verdictOf(results)
  return {
    kind: verdict.kind,
    text: verdictHeadline(verdict, results.variations[0]?.key ?? ''),
    warnings: guardrailWarnings(results).map(guardrailSentence),
  }
}

/** Total exposed visitors across the variations of the phase. */
export function totalVisitors(results: ResultsResponse): number {
  return results.variations.reduce((sum, v) => sum + v.visitors, 0)
}
