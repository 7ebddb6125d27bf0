/**
 * A bandit's allocation periods in D1: the periods of a phase with the visitors first exposed in
 * each (and how many of them converted), and the statement that opens a period. A visitor belongs
 * to the period in which their first exposure was stored, whatever the weights are now.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import type { BanditPeriodResult } from '../../shared/api-types.ts'
import type { Database, Statement } from '../db/database.ts'
import { banditPeriods } from '../db/schema.ts'

export type PhaseScope = { siteId: string; experimentKey: string; phase: number }

type CountRow = { period: number | null; variation: number; visitors: number; conversions: number }

/**
 * The phase's periods, oldest first, with their visitors and conversions per variation index.
 * An exposure stored before the first period started (imported history) counts in the first.
 */
export async function periodsWithCounts(
  db: Database,
  scope: PhaseScope,
  variationCount: number,
): Promise<BanditPeriodResult[]> {
  const { siteId, experimentKey, phase } = scope
  const [rows, counts] = await Promise.all([
    db
      .select()
      .from(banditPeriods)
      .where(
        and(
          eq(banditPeriods.siteId, siteId),
          eq(banditPeriods.experimentKey, experimentKey),
          eq(banditPeriods.phase, phase),
        ),
      )
      .orderBy(asc(banditPeriods.period))
      .all(),
    // The period of each exposure: the last one that started at or before it (the primary key
    // walks the phase's few hundred periods at most).
    db.all<CountRow>(sql`SELECT (SELECT max(p.period) FROM bandit_periods p
        WHERE p.site_id = a.site_id AND p.experiment_key = a.experiment_key AND p.phase = a.phase
          AND p.started_at <= a.exposed_at) AS period,
        a.variation AS variation, count(*) AS visitors, count(a.converted_at) AS conversions
      FROM assignments a
      WHERE a.site_id = ${siteId} AND a.experiment_key = ${experimentKey} AND a.phase = ${phase}
      GROUP BY 1, 2`),
  ])
  const periods: BanditPeriodResult[] = rows.map((row) => ({
    period: row.period,
    startedAt: row.startedAt,
    weights: JSON.parse(row.weights) as number[],
    visitorsBefore: row.visitorsBefore,
    visitors: new Array<number>(variationCount).fill(0),
    conversions: new Array<number>(variationCount).fill(0),
    bestArmProbabilities:
      row.bestArmProbabilities === null ? null : (JSON.parse(row.bestArmProbabilities) as number[]),
  }))
  const byNumber = new Map(periods.map((p) => [p.period, p]))
  for (const count of counts) {
    const period = byNumber.get(count.period ?? 0) ?? periods[0]
    if (!period || count.variation < 0 || count.variation >= variationCount) continue
    period.visitors[count.variation] = (period.visitors[count.variation] ?? 0) + count.visitors
    period.conversions[count.variation] =
      (period.conversions[count.variation] ?? 0) + count.conversions
  }
  return periods
}

/** The statement that stores a new period. */
export function openPeriod(
  db: Database,
  scope: PhaseScope,
  period: Omit<BanditPeriodResult, 'visitors' | 'conversions'>,
): Statement {
  return db.insert(banditPeriods).values({
    ...scope,
    period: period.period,
    startedAt: period.startedAt,
    weights: JSON.stringify(period.weights),
    visitorsBefore: period.visitorsBefore,
    bestArmProbabilities:
      period.bestArmProbabilities === null ? null : JSON.stringify(period.bestArmProbabilities),
  })
}
