// Pearson's chi-square test of independence on the variations x {converted, not converted}
// table, computed exactly as scipy.stats.chi2_contingency does with its defaults
// (scipy/stats/contingency.py): expected = row total x column total / N,
// dof = (rows - 1)(cols - 1), and Yates' continuity correction when dof = 1, applied by
// moving each observed count toward its expected count by min(0.5, |observed - expected|).
import { chiSquareSf } from './distributions.ts'
import type { IndependenceTest, StatsReason } from '../../shared/results-types.ts'

/** One variation's row: [converted, not converted]. */
export type ContingencyRow = readonly [converted: number, notConverted: number]

/**
 * Chi-square test of independence. Where scipy raises (an expected count of zero, i.e. an
 * empty row or column), this returns null figures and a reason instead.
 *
 * @example chiSquareIndependence([[14, 14], [16, 14]]) // Yates-corrected, dof 1
 */
export function chiSquareIndependence(table: readonly ContingencyRow[]): IndependenceTest {
  if (table.length === 0) return nullTest('fewer_than_two_variations')
  const rowTotals = table.map(([converted, notConverted]) => converted + notConverted)
  const columnTotals = [0, 1].map((c) => table.reduce((sum, row) => sum + (row[c] ?? 0), 0))
  const total = rowTotals.reduce((sum, r) => sum + r, 0)
  if (total === 0) return nullTest('no_visitors')
  if (rowTotals.some((r) => r === 0)) return nullTest('empty_variation')
  if (columnTotals[0] === 0) return nullTest('no_conversions')
  if (columnTotals[1] === 0) return nullTest('all_converted')

  const dof = table.length - 1
  // scipy: a table with one row has dof 0 and answers chi2 = 0, p = 1 without testing.
  if (dof === 0) return { chiSquare: 0, dof, pValue: 1 }

  let chiSquare = 0
  table.forEach((row, r) => {
    for (let c = 0; c < 2; c++) {
      const expected = ((rowTotals[r] ?? 0) * (columnTotals[c] ?? 0)) / total
      let observed = row[c] ?? 0
      if (dof === 1) {
        const diff = expected - observed
        observed += Math.sign(diff) * Math.min(0.5, Math.abs(diff))
      }
      chiSquare += ((observed - expected) * (observed - expected)) / expected
    }
  })
  return { chiSquare, dof, pValue: chiSquareSf(chiSquare, dof) }
}

function nullTest(reason: StatsReason): IndependenceTest {
  return { chiSquare: null, dof: null, pValue: null, reason }
}
