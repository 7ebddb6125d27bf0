// Builds results objects in the shape of `GET /v1/admin/experiments/{key}/results` for the
// dashboard's unit tests: sensible defaults, and only the figures a test is about spelled out.
import type {
  ConversionComparison,
  Duration,
  MetricResult,
  ResultsResponse,
  VariationResult,
} from '../../../widget/admin/api/types.ts'

export function comparison(fields: Partial<ConversionComparison> = {}): ConversionComparison {
  // One treatment: Holm leaves its p-values as they are.
  const sequentialPValue = fields.sequentialPValue ?? 0.6
  return {
    lift: 0.05,
    liftCI: [-0.05, 0.15],
    pValue: 0.3,
    pValueAdjusted: 0.3,
    chanceToBeatControl: 0.85,
    sequentialPValue,
    sequentialPValueAdjusted: sequentialPValue,
    sequentialCI: [-0.2, 0.3],
    ...fields,
  }
}

export function variation(
  key: string,
  visitors: number,
  conversions: number,
  vsControl?: Partial<ConversionComparison>,
  weight = 0.5,
): VariationResult {
  const rate = visitors > 0 ? conversions / visitors : null
  return {
    key,
    weight,
    visitors,
    conversions,
    rate,
    rateCI: rate === null ? null : [Math.max(0, rate - 0.01), Math.min(1, rate + 0.01)],
    revenue: {
      total: conversions * 20,
      perVisitor: visitors ? (conversions * 20) / visitors : null,
      perVisitorCI: null,
      winsorized: false,
    },
    ...(vsControl ? { vsControl: comparison(vsControl) } : {}),
  }
}

type Options = {
  variations: VariationResult[]
  stillNeeded?: number | null
  perVariation?: number | null
  srmOk?: boolean | null
  metrics?: MetricResult[]
  duration?: Duration
}

export function results({
  variations,
  stillNeeded = 10_000,
  perVariation = 20_000,
  srmOk = true,
  metrics = [],
  duration = { visitorsPerDay: null, windowDays: 7, days: null, reason: 'no_recent_traffic' },
}: Options): ResultsResponse {
  const power =
    perVariation === null || stillNeeded === null
      ? {
          baselineRate: 0,
          minimumDetectableEffect: 0.1,
          alpha: 0.05,
          power: 0.8,
          visitorsPerVariation: null,
          visitorsStillNeeded: null,
          reason: 'control_rate_zero' as const,
        }
      : {
          baselineRate: 0.05,
          minimumDetectableEffect: 0.1,
          alpha: 0.05,
          power: 0.8,
          visitorsPerVariation: perVariation,
          visitorsStillNeeded: stillNeeded,
        }
  return {
    experiment: 'exp',
    phase: 1,
    phases: [1],
    status: 'running',
    srm:
      srmOk === null
        ? { chiSquare: null, pValue: null, ok: null, reason: 'not_enough_data' }
        : { chiSquare: srmOk ? 0.5 : 40, pValue: srmOk ? 0.48 : 1e-10, ok: srmOk },
    test: { chiSquare: 3.1, dof: variations.length - 1, pValue: 0.078 },
    variations,
    power,
    settings: { alpha: 0.05, power: 0.8, minimumDetectableEffect: 0.1, sequentialTuning: 5000 },
    metrics,
    duration,
  }
}

/** Control at 0% against b at 1% over 50,000 visitors each: no relative lift, a clear difference. */
export function againstZeroControl(): ResultsResponse {
  return results({
    stillNeeded: null,
    perVariation: null,
    variations: [
      variation('control', 50_000, 0),
      variation('b', 50_000, 500, {
        lift: null,
        liftCI: null,
        sequentialPValue: 1e-100,
        reason: 'control_rate_zero',
      }),
    ],
  })
}
