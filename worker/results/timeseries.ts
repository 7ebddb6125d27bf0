/**
 * Per day and variation: new exposed visitors, new conversions and their revenue, with the
 * cumulative conversion rate the dashboard charts. Days are UTC; a conversion counts on the day
 * it happened, against the visitors exposed up to that day.
 */
import { sql } from 'drizzle-orm'
import { minorUnitExponent } from '../../shared/currencies.ts'
import type { DayPoint, TimeseriesDay } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import { DAY_MS } from '../../shared/durations.ts'

export async function phaseTimeseries(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number },
  variationKeys: string[],
  currency: string,
): Promise<TimeseriesDay[]> {
  const scope = sql`site_id = ${where.siteId} AND experiment_key = ${where.experimentKey}
    AND phase = ${where.phase}`
  // A literal, not a parameter: D1 binds JS numbers as REAL, which would make the division fractional.
  const day = sql.raw(String(DAY_MS))
  const rows = await db.all<{
    day: number
    variation: number
    visitors: number
    conversions: number
    revenue: number
  }>(sql`
    SELECT day, variation, sum(visitors) AS visitors, sum(conversions) AS conversions,
      total(revenue) AS revenue FROM (
        SELECT exposed_at / ${day} AS day, variation, 1 AS visitors, 0 AS conversions, 0 AS revenue
        FROM assignments WHERE ${scope}
        UNION ALL
        SELECT converted_at / ${day}, variation, 0, 1, revenue_minor
        FROM assignments WHERE ${scope} AND converted_at IS NOT NULL)
    GROUP BY day, variation ORDER BY day`)
  const unit = 10 ** minorUnitExponent(currency)
  const cumulative = variationKeys.map(() => ({ visitors: 0, conversions: 0 }))
  const days = [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b)
  return days.map((day) => ({
    date: new Date(day * DAY_MS).toISOString().slice(0, 10),
    variations: variationKeys.map((key, i) => {
      const row = rows.find((r) => r.day === day && r.variation === i)
      const total = cumulative[i] ?? { visitors: 0, conversions: 0 }
      total.visitors += row?.visitors ?? 0
      total.conversions += row?.conversions ?? 0
      return {
        key,
        visitors: row?.visitors ?? 0,
        conversions: row?.conversions ?? 0,
        revenue: (row?.revenue ?? 0) / unit,
        cumulativeVisitors: total.visitors,
        cumulativeConversions: total.conversions,
        cumulativeRate: total.visitors > 0 ? total.conversions / total.visitors : null,
      }
    }),
  }))
}
