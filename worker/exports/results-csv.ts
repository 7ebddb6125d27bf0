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
] as const

/** A row by column name; the columns a kind of row has no figure for stay empty. */
type Row = Partial<Record<(typeof HEADER)[number], CsvValue>>

function line(row: Row): string {
  return csvLine(HEADER.map((column) => row[column]))
}

/** The columns every row of one variation starts with. */
function variationCells(
  results: ExperimentResults,
  metric: string,
  key: string,
  names: Record<string, string | undefined>,
): Row {
  return {
    experiment: results.experiment,
    phase: results.phase,
    metric,
    variation: key,
    name: names[key],
  }
}

/** The CSV text of these results; `names` are the variations' display names by key. */
export function resultsCsv(
  results: ExperimentResults & { metrics: MetricResult[]; bandit?: BanditResultsSection },
  names: Record<string, string | undefined>,
  breakdown?: ResultsBreakdown,
): string {
  const lines = [csvLine(HEADER)]
  for (const v of results.variations) {
    lines.push(
      line({
        ...variationCells(results, 'goal', v.key, names),
        weight: v.weight,
        visitors: v.visitors,
        conversions: v.conversions,
        rate: v.rate,
        rate_ci_low: v.rateCI?.[0],
        rate_ci_high: v.rateCI?.[1],
        lift: v.vsControl?.lift,
        lift_ci_low: v.vsControl?.liftCI?.[0],
        lift_ci_high: v.vsControl?.liftCI?.[1],
        p_value_adjusted: v.vsControl?.pValueAdjusted,
        sequential_p_value_adjusted: v.vsControl?.sequentialPValueAdjusted,
        chance_to_beat_control: v.vsControl?.chanceToBeatControl,
        revenue: v.revenue.total,
        revenue_per_visitor: v.revenue.perVisitor,
        srm_p_value: results.srm.pValue,
      }),
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
      line({
        ...variationCells(results, 'goal', v.key, names),
        visitors: v.visitors,
        conversions: v.conversions,
        rate: v.rate,
        rate_ci_low: v.rateCI?.[0],
        rate_ci_high: v.rateCI?.[1],
        lift: v.lift,
        lift_ci_low: v.liftCI?.[0],
        lift_ci_high: v.liftCI?.[1],
        segment: `${breakdown.by}=${cell}`,
        p_value: v.pValue,
      }),
    ),
  )
}

function metricLines(
  results: ExperimentResults,
  metric: MetricResult,
  names: Record<string, string | undefined>,
): string[] {
  return metric.variations.map((v) =>
    line({
      ...variationCells(results, metric.key, v.key, names),
      visitors: v.visitors,
      conversions: v.count,
      rate: v.value,
      rate_ci_low: v.valueCI?.[0],
      rate_ci_high: v.valueCI?.[1],
      lift: v.vsControl?.lift,
      lift_ci_low: v.vsControl?.liftCI?.[0],
      lift_ci_high: v.vsControl?.liftCI?.[1],
      p_value_adjusted: v.vsControl?.pValueAdjusted,
    }),
  )
}

function banditLines(
  results: ExperimentResults,
  bandit: BanditResultsSection,
  names: Record<string, string | undefined>,
): string[] {
  return bandit.variations.map((v, i) =>
    line({
      ...variationCells(results, 'goal_period_weighted', v.key, names),
      weight: bandit.weights[i],
      visitors: v.visitors,
      conversions: v.conversions,
      rate: v.rate,
      rate_ci_low: v.rateCI?.[0],
      rate_ci_high: v.rateCI?.[1],
      srm_p_value: results.srm.pValue,
      probability_of_being_best: v.probabilityOfBeingBest,
    }),
  )
}
