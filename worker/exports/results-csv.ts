/**
 * An experiment's results as CSV: one row per variation of the goal, then one per variation of
 * each secondary or guardrail metric, then, with a breakdown, one per variation of each cell
 * (`segment` such as `intent=high`), with the figures the dashboard's tables show. A cell's
 * `p_value` is its own, unadjusted: the cells are a description, not further tests. A bandit adds
 * one row per variation with metric `goal_period_weighted`: the rate with each allocation period
 * weighted by its share of visitors, its credible interval and the probability of being best,
 * which its decisions rest on (the `goal` rows pool the periods).
 */
import type { BanditResultsSection, MetricResult } from '../../shared/api-types.ts'
import type { ExperimentResults } from '../../shared/results-types.ts'
import type { ResultsBreakdown } from '../../shared/audience.ts'
import { csvLine, type CsvValue } from './csv-cells.ts'

const HEADER = [
  'experiment',
  'phase',
  'metric',
  'variation',
  'name',
  'weight',
  'visitors',
  'conversions',
  'rate',
  'rate_ci_low',
  'rate_ci_high',
  'lift',
  'lift_ci_low',
  'lift_ci_high',
  'p_value_adjusted',
  'sequential_p_value_adjusted',
  'chance_to_beat_control',
  'revenue',
  'revenue_per_visitor',
  'srm_p_value',
  'segment',
  'p_value',
  'probability_of_being_best',
]

/** The CSV text of these results; `names` are the variations' display names by key. */
export function resultsCsv(
  results: ExperimentResults & { metrics: MetricResult[]; bandit?: BanditResultsSection },
  names: Record<string, string | undefined>,
  breakdown?: ResultsBreakdown,
): string {
  const lines = [csvLine(HEADER)]
  for (const v of results.variations) {
    lines.push(
      csvLine([
        results.experiment,
        results.phase,
        'goal',
        v.key,
        names[v.key],
        v.weight,
        v.visitors,
        v.conversions,
        v.rate,
        v.rateCI?.[0],
        v.rateCI?.[1],
        v.vsControl?.lift,
        v.vsControl?.liftCI?.[0],
        v.vsControl?.liftCI?.[1],
        v.vsControl?.pValueAdjusted,
        v.vsControl?.sequentialPValueAdjusted,
        v.vsControl?.chanceToBeatControl,
        v.revenue.total,
        v.revenue.perVisitor,
        results.srm.pValue,
        null,
        null,
        null,
      ]),
    )
  }
  if (results.bandit) lines.push(...banditLines(results, results.bandit, names))
  for (const metric of results.metrics) lines.push(...metricLines(results, metric, names))
  if (breakdown) lines.push(...breakdownLines(results, breakdown, names))
  return lines.join('')
}

function breakdownLines(
  results: ExperimentResults,
  breakdown: ResultsBreakdown,
  names: Record<string, string | undefined>,
): string[] {
  return breakdown.cells.flatMap(({ cell, variations }) =>
    variations.map((v) =>
      csvLine([
        results.experiment,
        results.phase,
        'goal',
        v.key,
        names[v.key],
        null,
        v.visitors,
        v.conversions,
        v.rate,
        v.rateCI?.[0],
        v.rateCI?.[1],
        v.lift,
        v.liftCI?.[0],
        v.liftCI?.[1],
        null,
        null,
        null,
        null,
        null,
        null,
        `${breakdown.by}=${cell}`,
        v.pValue,
        null,
      ]),
    ),
  )
}

function metricLines(
  results: ExperimentResults,
  metric: MetricResult,
  names: Record<string, string | undefined>,
): string[] {
  return metric.variations.map((v) => {
    const row: CsvValue[] = [
      results.experiment,
      results.phase,
      metric.key,
      v.key,
      names[v.key],
      null,
      v.visitors,
      v.count,
      v.value,
      v.valueCI?.[0],
      v.valueCI?.[1],
      v.vsControl?.lift,
      v.vsControl?.liftCI?.[0],
      v.vsControl?.liftCI?.[1],
      v.vsControl?.pValueAdjusted,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]
    return csvLine(row)
  })
}

function banditLines(
  results: ExperimentResults,
  bandit: BanditResultsSection,
  names: Record<string, string | undefined>,
): string[] {
  return bandit.variations.map((v, i) =>
    csvLine([
      results.experiment,
      results.phase,
      'goal_period_weighted',
      v.key,
      names[v.key],
      bandit.weights[i],
      v.visitors,
      v.conversions,
      v.rate,
      v.rateCI?.[0],
      v.rateCI?.[1],
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      results.srm.pValue,
      null,
      null,
      v.probabilityOfBeingBest,
    ]),
  )
}
