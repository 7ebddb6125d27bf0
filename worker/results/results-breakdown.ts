/**
 * An experiment phase's conversion results per cell of a visitor trait (intent band or device,
 * as stored on the assignment row when the visitor was first assigned). Each cell is its own
 * small experiment: its rates get their own Wilson intervals and each treatment its lift against
 * the cell's control, by the same functions as the whole results.
 */
import { sql } from 'drizzle-orm'
import { prepare, type Database } from '../db/database.ts'
import { INTENT_BANDS } from '../../shared/api-types.ts'
import {
  DEVICES,
  type Breakdown,
  type BreakdownVariation,
  type ResultsBreakdown,
} from '../../shared/audience.ts'
import { compareConversion } from '../stats/conversion.ts'
import { proportionMoments } from '../stats/moments.ts'
import { DEFAULT_SETTINGS } from '../stats/results.ts'
import { wilsonInterval } from '../stats/wilson.ts'

const UNKNOWN = 'unknown'
const CELLS: Record<Breakdown, readonly string[]> = { intent: INTENT_BANDS, device: DEVICES }
/** The assignment column each breakdown reads; fixed names, never from the request. */
const COLUMNS: Record<Breakdown, ReturnType<typeof sql.raw>> = {
  intent: sql.raw('intent_band'),
  device: sql.raw('device'),
}

type CellRow = { cell: string | null; variation: number; visitors: number; conversions: number }

export async function resultsBreakdown(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number },
  variationKeys: readonly string[],
  by: Breakdown,
): Promise<ResultsBreakdown> {
  const { siteId, experimentKey, phase } = where
  const { results } = await prepare(
    db,
    sql`SELECT ${COLUMNS[by]} AS cell, variation, count(*) AS visitors,
        count(converted_at) AS conversions
      FROM assignments
      WHERE site_id = ${siteId} AND experiment_key = ${experimentKey} AND phase = ${phase}
      GROUP BY cell, variation`,
  ).all<CellRow>()
  const counts = new Map<string, { visitors: number; conversions: number }[]>()
  for (const row of results) {
    const cell = row.cell ?? UNKNOWN
    const list = counts.get(cell) ?? variationKeys.map(() => ({ visitors: 0, conversions: 0 }))
    const slot = list[row.variation]
    if (!slot) continue
    slot.visitors += row.visitors
    slot.conversions += row.conversions
    counts.set(cell, list)
  }
  const order = [...CELLS[by], UNKNOWN]
  const cells = [...counts.keys()].sort((a, b) => rank(order, a) - rank(order, b))
  return {
    by,
    cells: cells.map((cell) => ({
      cell,
      variations: cellFigures(variationKeys, counts.get(cell) ?? []),
    })),
  }
}

/** Known cells in their natural order, then `unknown`; a value outside the list still shows. */
function rank(order: readonly string[], cell: string): number {
  const at = order.indexOf(cell)
  return at < 0 ? order.length : at
}

function cellFigures(
  keys: readonly string[],
  counts: readonly { visitors: number; conversions: number }[],
): BreakdownVariation[] {
  const { alpha } = DEFAULT_SETTINGS
  const control = counts[0] ? proportionMoments(counts[0].visitors, counts[0].conversions) : null
  return keys.map((key, i) => {
    const { visitors, conversions } = counts[i] ?? { visitors: 0, conversions: 0 }
    const moments = proportionMoments(visitors, conversions)
    const vs = i === 0 ? null : compareConversion(control, moments, DEFAULT_SETTINGS)
    return {
      key,
      visitors,
      conversions,
      rate: moments ? moments.mean : null,
      rateCI: wilsonInterval(conversions, visitors, alpha),
      lift: vs?.lift ?? null,
      liftCI: vs?.liftCI ?? null,
      pValue: vs?.pValue ?? null,
    }
  })
}
