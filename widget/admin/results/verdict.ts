/**
 * The plain-language verdict above an experiment's results, as one pure rule. In order:
 *
 * 1. **Sample ratio mismatch** (`srm.ok === false`): the split itself is broken, so nothing else
 *    may be read — "Fix the split before reading results". A control with weight 0 has no
 *    visitors to compare with — "No comparison".
 * 2. **Not enough data**: a variation that receives traffic has fewer than 100 visitors.
 * 3. Each treatment gets a call against the control:
 *    - `better` / `worse` when its Holm-adjusted **sequential** p-value is below 0.05 (valid
 *      however often the admin looks), the sign of the lift deciding which;
 *    - once the **planned sample is reached** (`power.visitorsStillNeeded === 0`): `better` /
 *      `worse` when the Holm-adjusted p-value is below 0.05, else `no_difference`;
 *    - otherwise `undecided`.
 * 4. The headline: any `better` → "B beats control" (best lift first); some `worse` and the
 *    rest decided (or all `worse`) → "Control beats B"; nothing `undecided` left → "No detectable
 *    difference"; a stopped experiment or closed phase → "Ended before a decision"; otherwise
 *    "Keep running", with how many more visitors per variation the plan needs for its power and
 *    how many days that is at the experiment's recent traffic (or that none came lately).
 * 5. Past rule 2, a **guardrail** metric a treatment makes significantly worse (its Holm-adjusted
 *    p-value, the way the metric calls bad) adds a warning to whatever the headline says.
 *
 * The sequential p-value read is the Holm-adjusted one: with several treatments, each raw one
 * would give every treatment its own chance of a false win.
 *
 * The fixed-horizon p-value is only read at the planned sample size, because reading it daily
 * inflates false positives (README, "When to stop").
 */
import type { ResultsResponse, VariationResult } from '../api/types.ts'
import { approximateCount, formatDays } from '../lib/format.ts'

export const SIGNIFICANCE = 0.05
/** Below this many visitors in a variation the dashboard shows "Not enough data". */
export const MIN_VISITORS = 100

export type TreatmentCall = {
  key: string
  call: 'better' | 'worse' | 'no_difference' | 'undecided'
  /** Which p-value decided: the always-valid one, or the fixed-horizon one at the planned size. */
  basis: 'sequential' | 'planned_sample' | null
  lift: number | null
}

export type Verdict =
  | { kind: 'srm_mismatch' }
  | { kind: 'no_control' }
  | { kind: 'not_enough_data'; fewestVisitors: number; needed: number }
  | { kind: 'winner'; winners: TreatmentCall[]; calls: TreatmentCall[] }
  | { kind: 'control_wins'; losers: TreatmentCall[]; calls: TreatmentCall[] }
  | { kind: 'no_difference'; calls: TreatmentCall[] }
  | {
      kind: 'keep_running'
      calls: TreatmentCall[]
      /** More visitors the variation furthest behind needs; null when no plan is possible yet. */
      morePerVariation: number | null
      visitorsPerVariation: number | null
      power: number
      /** Days the plan still needs at the recent traffic; null without a plan or without traffic. */
      days: number | null
      /** No new visitors in the last 7 days: no estimate in days. */
      noRecentTraffic: boolean
    }
  | { kind: 'ended_undecided'; calls: TreatmentCall[] }

/** Variations that receive traffic: a weight-0 arm never fills up and must not block a verdict. */
function weighted(variations: readonly VariationResult[]): VariationResult[] {
  return variations.filter((v) => v.weight > 0)
}

/**
 * Rule 2: fewer than two variations receive traffic, or one of them has under MIN_VISITORS.
 * Below it the results page says "too early" and shows no interval: a lift interval from a
 * handful of visitors spans several hundred percent and reads as a finding.
 */
export function belowMinimumSample(results: ResultsResponse): { fewest: number } | null {
  const active = weighted(results.variations)
  const fewest = Math.min(...active.map((v) => v.visitors))
  if (active.length >= 2 && fewest >= MIN_VISITORS) return null
  return { fewest: Number.isFinite(fewest) ? fewest : 0 }
}

/** Whether the fixed-horizon plan's sample size has been reached. */
export function plannedSampleReached(results: ResultsResponse): boolean {
  return results.power.visitorsStillNeeded === 0
}

/**
 * A treatment's effect against the control: its lift, or, against a control at 0% (no relative
 * lift), the difference of the rates. Its sign is the call's direction; it ranks winners.
 */
function effectOf(v: VariationResult, controlRate: number | null): number | null {
  const lift = v.vsControl?.lift ?? null
  return lift ?? (v.rate !== null && controlRate !== null ? v.rate - controlRate : null)
}

/** One treatment's call against the control (rule 3). */
export function callTreatment(
  v: VariationResult,
  sampleReached: boolean,
  controlRate: number | null = null,
): TreatmentCall {
  const cmp = v.vsControl
  const lift = cmp?.lift ?? null
  const effect = effectOf(v, controlRate)
  const sign = (decided: TreatmentCall['basis']): TreatmentCall => ({
    key: v.key,
    call: effect !== null && effect > 0 ? 'better' : 'worse',
    basis: decided,
    lift,
  })
  if (cmp && effect !== null && effect !== 0) {
    const sequential = cmp.sequentialPValueAdjusted
    if (sequential !== null && sequential < SIGNIFICANCE) {
      return sign('sequential')
    }
    if (sampleReached && cmp.pValueAdjusted !== null && cmp.pValueAdjusted < SIGNIFICANCE) {
      return sign('planned_sample')
    }
  }
  const call = sampleReached ? 'no_difference' : 'undecided'
  return { key: v.key, call, basis: sampleReached ? 'planned_sample' : null, lift }
}

/** The verdict for one phase's results (see the module comment for the rule). */
export function verdictOf(results: ResultsResponse): Verdict {
  if (results.srm.ok === false) return { kind: 'srm_mismatch' }
  // A control at weight 0 (a winner rolled out as 0/100) gets no visitors to compare with.
  if (!((results.variations[0]?.weight ?? 0) > 0)) return { kind: 'no_control' }
  const early = belowMinimumSample(results)
  if (early) return { kind: 'not_enough_data', fewestVisitors: early.fewest, needed: MIN_VISITORS }
  const active = weighted(results.variations)
  const reached = plannedSampleReached(results)
  const controlRate = results.variations[0]?.rate ?? null
  const treatments = results.variations.slice(1).filter((v) => v.weight > 0)
  const calls = treatments.map((v) => callTreatment(v, reached, controlRate))
  const effect = new Map(treatments.map((v) => [v.key, effectOf(v, controlRate) ?? 0]))
  const winners = calls
    .filter((c) => c.call === 'better')
    .sort((a, b) => (effect.get(b.key) ?? 0) - (effect.get(a.key) ?? 0))
  if (winners.length > 0) return { kind: 'winner', winners, calls }
  const losers = calls.filter((c) => c.call === 'worse')
  const decided = calls.every((c) => c.call !== 'undecided')
  if (losers.length > 0 && (decided || losers.length === calls.length)) {
    return { kind: 'control_wins', losers, calls }
  }
  if (decided) return { kind: 'no_difference', calls }
  // A stopped experiment, or a phase new weights closed, will get no more visitors.
  if (ended(results)) return { kind: 'ended_undecided', calls }
  const { power } = results
  const plan = power.visitorsPerVariation
  return {
    kind: 'keep_running',
    calls,
    morePerVariation:
      plan === null ? null : Math.max(0, ...active.map((v) => Math.max(0, plan - v.visitors))),
    visitorsPerVariation: plan,
    power: power.power,
    days: results.duration.days,
    noRecentTraffic: results.duration.visitorsPerDay === null,
  }
}

/** A guardrail metric and the treatments significantly worse on it. */
export type GuardrailWarning = { metric: string; variations: string[] }

/**
 * Rule 5: the guardrails a treatment significantly harms. None while the results are too early
 * or the split is broken, when no figure may be read.
 */
export function guardrailWarnings(results: ResultsResponse): GuardrailWarning[] {
  if (results.srm.ok === false || belowMinimumSample(results)) return []
  return results.metrics
    .filter((m) => m.role === 'guardrail' && m.worse.length > 0)
    .map((m) => ({ metric: m.key, variations: m.worse }))
}

/** The sentence a guardrail warning reads as. */
export function guardrailSentence(warning: GuardrailWarning): string {
  const keys = listKeys(warning.variations)
  return `Guardrail ${warning.metric} is significantly worse with ${keys}`
}

/** Whether no more visitors can come: the experiment stopped, or this phase was closed. */
export function ended(results: ResultsResponse): boolean {
  return results.status === 'stopped' || results.phase < Math.max(...results.phases)
}

/** "B", "B and C", "B, C and D". */
export function listKeys(keys: readonly string[]): string {
  if (keys.length <= 1) return keys[0] ?? ''
  return `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1] ?? ''}`
}

/** The headline sentence of a verdict. */
export function verdictHeadline(verdict: Verdict, control: string): string {
  switch (verdict.kind) {
    case 'srm_mismatch':
      return 'Fix the traffic split before reading these results'
    case 'no_control':
      return `No comparison: ${control} receives no traffic`
    case 'not_enough_data':
      return 'Not enough data yet'
    case 'winner': {
      const keys = verdict.winners.map((w) => w.key)
      return `${listKeys(keys)} ${keys.length === 1 ? 'beats' : 'beat'} ${control}`
    }
    case 'control_wins':
      return `${control} beats ${listKeys(verdict.losers.map((c) => c.key))}`
    case 'no_difference':
      return 'No detectable difference'
    case 'ended_undecided':
      return 'Ended before a decision: no variation differed significantly from control'
    case 'keep_running': {
      const power = `${Math.round(verdict.power * 100)}% power`
      if (verdict.morePerVariation === null) {
        return `Keep running: not enough conversions yet to plan the sample for ${power}`
      }
      const more = approximateCount(verdict.morePerVariation)
      const when =
        verdict.days !== null
          ? `, about ${formatDays(verdict.days)} at recent traffic`
          : verdict.noRecentTraffic
            ? ', but no visitors came in the last 7 days'
            : ''
      return `Keep running: about ${more} more visitors per variation for ${power}${when}`
    }
  }
}
