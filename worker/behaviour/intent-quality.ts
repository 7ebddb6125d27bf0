/**
 * How well the intent model did on the site's recent sessions, by progressive validation: every
 * row of `intent_outcomes` is a session's score taken *before* the online layer learnt from its
 * outcome, so these figures are out-of-sample without holding any session back.
 */
import { and, desc, eq, gte } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { intentOutcomes } from '../db/schema.ts'
import { INTENT_BANDS } from '../../shared/api-types.ts'
import type { BandFigures, CalibrationBin } from '../../shared/behaviour.ts'
import { rocAuc } from '../intent/metrics.ts'

/** Equal-width score bins of the calibration chart; empty ones are left out. */
const CALIBRATION_BINS = 10
/** Rows read at most: a busy site's latest sessions, enough for stable figures. */
const MAX_OUTCOMES = 50_000

export type IntentQuality = {
  sessions: number
  purchases: number
  auc: number | null
  calibration: CalibrationBin[]
  bands: BandFigures[]
}

export async function intentQuality(
  db: Database,
  siteId: string,
  since: number,
): Promise<IntentQuality> {
  const rows = await db
    .select({
      score: intentOutcomes.score,
      band: intentOutcomes.band,
      bought: intentOutcomes.bought,
    })
    .from(intentOutcomes)
    .where(and(eq(intentOutcomes.siteId, siteId), gte(intentOutcomes.sessionEnd, since)))
    // The index (site_id, session_end) reads the latest first.
    .orderBy(desc(intentOutcomes.sessionEnd))
    .limit(MAX_OUTCOMES)
    .all()
  const bought = rows.map((r) => (r.bought ? 1 : 0))
  const auc = rocAuc(
    bought,
    rows.map((r) => r.score),
  )
  return {
    sessions: rows.length,
    purchases: bought.reduce<number>((s, b) => s + b, 0),
    auc: Number.isFinite(auc) ? auc : null,
    calibration: calibration(rows),
    bands: bandFigures(rows),
  }
}

function calibration(rows: readonly { score: number; bought: number }[]): CalibrationBin[] {
  const bins = Array.from({ length: CALIBRATION_BINS }, () => ({ n: 0, scores: 0, buys: 0 }))
  for (const { score, bought } of rows) {
    const bin =
      bins[Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.floor(score * CALIBRATION_BINS)))]
    if (!bin) continue
    bin.n++
    bin.scores += score
    bin.buys += bought ? 1 : 0
  }
  return bins.flatMap((bin, i) =>
    bin.n === 0
      ? []
      : [
          {
            from: i / CALIBRATION_BINS,
            to: (i + 1) / CALIBRATION_BINS,
            sessions: bin.n,
            meanScore: bin.scores / bin.n,
            buyRate: bin.buys / bin.n,
          },
        ],
  )
}

function bandFigures(rows: readonly { band: string; bought: number }[]): BandFigures[] {
  return INTENT_BANDS.map((band) => {
    const inBand = rows.filter((r) => r.band === band)
    const purchases = inBand.filter((r) => r.bought).length
    return {
      band,
      sessions: inBand.length,
      share: rows.length === 0 ? 0 : inBand.length / rows.length,
      purchases,
      conversionRate: inBand.length === 0 ? 0 : purchases / inBand.length,
    }
  })
}
