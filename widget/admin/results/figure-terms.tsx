/**
 * The statistician's names for the results table's plain ones, folded away: a store owner reads
 * the table, an analyst opens this to know exactly which test each figure is.
 */
import { NOISE_DAILY, NOISE_FINAL } from './results-table.tsx'

export function FigureTerms() {
  return (
    <details data-detail="terms">
      <summary>In statistical terms</summary>
      <p>
        Ranges: 95% intervals (Wilson; delta method for lift). {NOISE_FINAL}: p-value (Holm) of
        Welch’s t-test, for the planned sample size. {NOISE_DAILY}: p-value (sequential), always
        valid (confidence sequences); the verdict reads it Holm-adjusted.
      </p>
    </details>
  )
}
