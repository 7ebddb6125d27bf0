import { describe, expect, it } from 'vitest'
import { chooseSetting } from '../../scripts/lib/intent-rolling-origin.ts'

const cell = (name: string, auc: number, logloss: number, brier: number) => ({
  name,
  auc,
  logloss,
  brier,
})
const reference = cell('reference', 0.9, 0.26, 0.065)

describe("search:intent's rule", () => {
  it('takes the highest AUC among the settings calibrated no worse than the reference', () => {
    const cells = [
      reference,
      cell('sharper but worse log loss', 0.93, 0.28, 0.064),
      cell('sharper but worse Brier', 0.92, 0.25, 0.066),
      cell('better on all three', 0.91, 0.255, 0.064),
      cell('calibrated, lower AUC', 0.905, 0.22, 0.06),
    ]
    expect(chooseSetting(cells, reference).name).toBe('better on all three')
  })

  it('breaks an AUC tie by the lower log loss, and keeps the reference when nothing beats it', () => {
    const tied = [cell('a', 0.91, 0.25, 0.06), cell('b', 0.91, 0.24, 0.06), reference]
    expect(chooseSetting(tied, reference).name).toBe('b')
    expect(chooseSetting([cell('worse', 0.95, 0.3, 0.07), reference], reference)).toBe(reference)
  })
})
