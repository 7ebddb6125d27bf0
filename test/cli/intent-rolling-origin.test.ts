import { describe, expect, it } from 'vitest'
import { DEFAULT_BOOSTING } from '../../worker/intent/gradient-boosting.ts'
import { rollingOrigins, validateSetting } from '../../scripts/lib/intent-rolling-origin.ts'
import { readOnlineShoppers } from '../../scripts/lib/online-shoppers-file.ts'

// The committed data set's Feb-Jul only: the test months (Aug-Oct) are scored once, in the
// README, never by a test that could be tuned against.
const rows = readOnlineShoppers('data/online-shoppers-intention-feb-oct.csv.gz')

describe('the default intent settings on rolling-origin validation inside Feb-Jul', () => {
  it('keep the AUC docs/intent-search.md chose them for, calibrated no worse than before', () => {
    const trees = DEFAULT_BOOSTING.trees
    const quality = validateSetting(rollingOrigins(rows), DEFAULT_BOOSTING, [trees]).get(trees)
    // Shuffled CV's pick (rate 0.1, depth 3, leaf 40, 50 trees) scores AUC 0.9035, log loss
    // 0.2620, Brier 0.0648 here; the search chose the defaults at 0.9154, 0.2609, 0.0645.
    expect(quality?.auc).toBeGreaterThanOrEqual(0.915)
    expect(quality?.logloss).toBeLessThanOrEqual(0.262)
    expect(quality?.brier).toBeLessThanOrEqual(0.0648)
  })
})
