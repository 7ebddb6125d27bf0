/**
 * The sufficient statistics of one experiment phase, per variation, read in one D1 round trip from
 * two index-only aggregates: visitors and conversions from `assignments_results`, revenue from the
 * buyers-only `assignments_revenue` (a few percent of the rows). Revenue comes back in major units
 * of the site's currency.
 */
import { sql } from 'drizzle-orm'
import { minorUnitExponent } from '../../shared/currencies.ts'
import type { VariationInput } from '../../shared/results-types.ts'
import { batch, type Database } from '../db/database.ts'

/** A variation's sufficient statistics as the statistics module takes them, less key and weight. */
export type VariationTotals = Omit<VariationInput, 'key' | 'weight'>

type CountRow = { variation: number; visitors: number; conversions: number }
type RevenueRow = {
  variation: number
  revenue: number
  revenue_sq: number
  capped: number
  capped_sq: number
}

/**
 * Totals per variation index (missing indexes have no visitors yet). With `winsorizeAt` (e.g.
 * 0.99) each visitor's revenue is also capped at that percentile of the phase's buyers' revenue,
 * so one whale order cannot decide an experiment; the raw sums are kept beside the capped ones.
 */
export async function phaseTotals(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number },
  variationCount: number,
  options: { currency: string; winsorizeAt: number | null },
): Promise<VariationTotals[]> {
  const { siteId, experimentKey, phase } = where
  const scope = sql`site_id = ${siteId} AND experiment_key = ${experimentKey} AND phase = ${phase}`
  const buyers = sql`${scope} AND revenue_minor > 0`
  // Nearest-rank percentile of buyers' revenue, walked from the top of the index: for the 99th
  // that is 1% of the buyers instead of all of them. Without winsorizing, no cap.
  const cap = options.winsorizeAt
    ? sql`(SELECT revenue_minor FROM assignments WHERE ${buyers}
        ORDER BY revenue_minor DESC LIMIT 1 OFFSET (SELECT count(*) - 1 -
          CAST(${options.winsorizeAt} * (count(*) - 1) AS INTEGER) FROM assignments WHERE ${buyers}))`
    : sql`NULL`
  const [counts, revenues] = await batch(db, [
    sql`SELECT variation, count(*) AS visitors, count(converted_at) AS conversions
      FROM assignments WHERE ${scope} GROUP BY variation`,
    // total() sums in floating point, so squares of large orders cannot overflow int64.
    sql`SELECT variation, total(revenue_minor) AS revenue,
        total(revenue_minor * revenue_minor) AS revenue_sq,
        total(min(revenue_minor, coalesce(c.cap, revenue_minor))) AS capped,
        total(min(revenue_minor, coalesce(c.cap, revenue_minor)) *
          min(revenue_minor, coalesce(c.cap, revenue_minor))) AS capped_sq
      FROM assignments, (SELECT ${cap} AS cap) AS c
      WHERE ${buyers} GROUP BY variation`,
  ])
  const unit = 10 ** minorUnitExponent(options.currency)
  const totals: VariationTotals[] = Array.from({ length: variationCount }, () => ({
    visitors: 0,
    conversions: 0,
    revenueSum: 0,
    revenueSumSquares: 0,
    ...(options.winsorizeAt !== null && { winsorizedSum: 0, winsorizedSumSquares: 0 }),
  }))
  for (const row of (counts?.results ?? []) as CountRow[]) {
    const total = totals[row.variation]
    if (!total) continue
    total.visitors = row.visitors
    total.conversions = row.conversions
  }
  for (const row of (revenues?.results ?? []) as RevenueRow[]) {
    const total = totals[row.variation]
    if (!total) continue
    total.revenueSum = row.revenue / unit
    total.revenueSumSquares = row.revenue_sq / unit ** 2
    if (options.winsorizeAt !== null) {
      total.winsorizedSum = row.capped / unit
      total.winsorizedSumSquares = row.capped_sq / unit ** 2
    }
  }
  return totals
}
