/**
 * The sufficient statistics of one experiment phase, per variation, in one aggregate query over
 * the assignment rows (served from the covering index `assignments_results`). Revenue comes back
 * in major units of the site's currency.
 */
import { sql } from 'drizzle-orm'
import { minorUnitExponent } from '../../shared/currencies.ts'
import type { Database } from '../db/database.ts'

export type VariationTotals = {
  visitors: number
  conversions: number
  revenueSum: number
  revenueSumSquares: number
  winsorizedSum?: number
  winsorizedSumSquares?: number
}

type Row = {
  variation: number
  visitors: number
  conversions: number
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
  // The cap is the nearest-rank percentile of positive revenue; without winsorizing it is
  // larger than any stored value, so capped sums equal raw sums.
  const cap = options.winsorizeAt
    ? sql`(SELECT revenue_minor FROM assignments WHERE ${scope} AND revenue_minor > 0
        ORDER BY revenue_minor LIMIT 1 OFFSET (SELECT CAST(${options.winsorizeAt} *
          (count(*) - 1) AS INTEGER) FROM assignments WHERE ${scope} AND revenue_minor > 0))`
    : sql`9223372036854775807`
  const rows = await db.all<Row>(sql`
    SELECT variation, count(*) AS visitors, count(converted_at) AS conversions,
      total(revenue_minor) AS revenue, total(revenue_minor * revenue_minor) AS revenue_sq,
      total(min(revenue_minor, c.cap)) AS capped,
      total(min(revenue_minor, c.cap) * min(revenue_minor, c.cap)) AS capped_sq
    FROM assignments, (SELECT coalesce(${cap}, 0) AS cap) AS c
    WHERE ${scope}
    GROUP BY variation`)
  const unit = 10 ** minorUnitExponent(options.currency)
  const totals: VariationTotals[] = Array.from({ length: variationCount }, () => ({
    visitors: 0,
    conversions: 0,
    revenueSum: 0,
    revenueSumSquares: 0,
  }))
  for (const row of rows) {
    if (row.variation < 0 || row.variation >= variationCount) continue
    totals[row.variation] = {
      visitors: row.visitors,
      conversions: row.conversions,
      // total() sums in floating point, so squares of large orders cannot overflow int64.
      revenueSum: row.revenue / unit,
      revenueSumSquares: row.revenue_sq / unit ** 2,
      ...(options.winsorizeAt !== null && {
        winsorizedSum: row.capped / unit,
        winsorizedSumSquares: row.capped_sq / unit ** 2,
      }),
    }
  }
  return totals
}
