import { describe, expect, it } from 'vitest'
import reference from '../../fixtures/intent/metrics-reference.json' with { type: 'json' }
import { forecastQuality } from '../../../worker/intent/metrics.ts'

type Case = { y: number[]; p: number[]; auc: number; ap: number; logloss: number; brier: number }
const { cases } = reference as { cases: Case[] }

// Reference values: scikit-learn's roc_auc_score, average_precision_score, log_loss and
// brier_score_loss (scripts/fixtures/intent_reference.py), ties included.
describe('forecast quality against scikit-learn', () => {
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const q = forecastQuality(c.y, c.p)
    for (const key of ['auc', 'ap', 'logloss', 'brier'] as const)
      expect(Math.abs(q[key] - c[key])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c[key])))
  })

  it('reports NaN for AUC and AP when one outcome is missing', () => {
    expect(forecastQuality([0, 0], [0.1, 0.2]).auc).toBeNaN()
    expect(forecastQuality([0, 0], [0.1, 0.2]).ap).toBeNaN()
  })
})
