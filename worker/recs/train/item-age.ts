/**
 * Item-age compensation: interaction counts are censored by how long an item has been on sale.
 * A product launched two weeks ago has had two weeks to collect buyers; next to a long-listed one
 * with the same buying rate it looks weak, and a model that ranks by accumulated interactions
 * pushes new arrivals down exactly when they sell best. Scaling by the missing exposure turns
 * counts back into rates. The scales can weigh the matrix's columns before the SVD
 * (`exposureExponent`) or the items' scores after it (`scoreExposureExponent`, train.ts); on
 * the Online Retail validation folds the second ranks better (see train.ts).
 */
import { DAY_MS } from '../../../shared/durations.ts'

/** Options of `itemAgeScales`. Times in epoch ms, the half-life in ms (0 = no decay). */
export type ItemAgeOptions = {
  reference: number
  halfLife: number
  /** 0 disables compensation; 1 is the full rate correction. */
  power: number
  /** Exposure floor in days, so a day-old item is not boosted without bound. Default 7. */
  minDays?: number
}

/**
 * Each column's first interaction time (Infinity for a column with none): interaction i is in
 * column `remap[colOf[i]]`, and skipped where that is negative or `keep[i]` is 0.
 */
export function firstSeenTimes(
  cols: number,
  colOf: ArrayLike<number>,
  atList: ArrayLike<number>,
  remap: ArrayLike<number>,
  keep?: ArrayLike<number>,
): Float64Array {
  const first = new Float64Array(cols).fill(Infinity)
  for (let i = 0; i < colOf.length; i++) {
    const c = remap[colOf[i] ?? 0] ?? -1
    const at = atList[i] ?? Infinity
    if (c >= 0 && (keep?.[i] ?? 1) !== 0 && at < (first[c] ?? Infinity)) first[c] = at
  }
  return first
}

/**
 * Per-item scales (full exposure / item exposure)^power, from each item's first interaction time.
 * With decay, exposure since an item's first interaction is ∫ 2^(−age/h) = h/ln2 ·
 * (1 − 2^(−age/h)) against h/ln2 for an item listed forever, so the ratio is
 * 1 / (1 − 2^(−age/h)); without decay it is the oldest item's age over this item's.
 *
 * @example
 * // Launched one half-life ago: half the exposure, so twice the weight at power 1.
 * itemAgeScales(Float64Array.of(now - h), { reference: now, halfLife: h, power: 1 }) // [2]
 */
export function itemAgeScales(firstSeen: Float64Array, options: ItemAgeOptions): Float64Array {
  const { reference, halfLife, power } = options
  const scales = new Float64Array(firstSeen.length).fill(1)
  if (power === 0) return scales
  const floor = (options.minDays ?? 7) * DAY_MS
  const age = (c: number): number => {
    const first = firstSeen[c] ?? Infinity
    return Math.max(floor, Number.isFinite(first) ? reference - first : 0)
  }
  let oldest = floor
  for (let c = 0; c < firstSeen.length; c++) oldest = Math.max(oldest, age(c))
  for (let c = 0; c < firstSeen.length; c++) {
    const ratio = halfLife > 0 ? 1 / (1 - Math.pow(2, -age(c) / halfLife)) : oldest / age(c)
    scales[c] = Math.pow(ratio, power)
  }
  return scales
}
