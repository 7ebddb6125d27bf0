/**
 * Feature binning for tree training: each feature's values are cut at up to `maxBins - 1`
 * thresholds (every distinct value when there are few, quantiles otherwise), so finding a split
 * scans a small histogram instead of sorting the rows at every node. Missing values (NaN) get a
 * bin of their own. Thresholds are the shortest decimals between the neighbouring values, which
 * keeps the serialised model small without moving any training row across a split. Part of the
 * in-house boosted trees: gradient-boosting.ts says why ml-cart and ml-random-forest do not serve.
 */

/** Bin of a missing value. */
export const MISSING_BIN = 255

export type BinnedFeatures = {
  /** Per feature, ascending split points: bin b holds values in (t[b-1], t[b]]. */
  thresholds: Float64Array[]
  /** Per feature, each row's bin (MISSING_BIN for NaN). */
  codes: Uint8Array[]
}

/** The shortest decimal t with low <= t < high (a value equal to low goes left of t). */
export function shortestBetween(low: number, high: number): number {
  for (let digits = 1; digits <= 17; digits++) {
    const t = Number(((low + high) / 2).toPrecision(digits))
    if (t >= low && t < high) return t
  }
  return low
}

function thresholdsOf(column: Float64Array, maxBins: number): Float64Array {
  const sorted = Float64Array.from(column.filter((v) => !Number.isNaN(v))).sort()
  const distinct: number[] = []
  for (const v of sorted) if (distinct[distinct.length - 1] !== v) distinct.push(v)
  if (distinct.length <= maxBins) {
    return Float64Array.from(distinct.slice(1), (high, i) =>
      shortestBetween(distinct[i] ?? high, high),
    )
  }
  const cuts: number[] = []
  for (let q = 1; q < maxBins; q++) {
    const low = sorted[Math.floor((q * sorted.length) / maxBins)] ?? Number.NaN
    // The next distinct value above the quantile: the split sits between the two.
    let lo = 0
    let hi = distinct.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((distinct[mid] ?? Infinity) <= low) lo = mid + 1
      else hi = mid
    }
    const high = distinct[lo]
    if (high === undefined) continue
    const t = shortestBetween(low, high)
    if (cuts[cuts.length - 1] !== t) cuts.push(t)
  }
  return Float64Array.from(cuts)
}

/** The bin of `value` among ascending `thresholds`. */
export function binOf(thresholds: Float64Array, value: number): number {
  if (Number.isNaN(value)) return MISSING_BIN
  let lo = 0
  let hi = thresholds.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((thresholds[mid] ?? Infinity) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Bins every feature of `rows` (row-major feature vectors).
 *
 * @example
 * const { thresholds, codes } = binFeatures(vectors, 64)
 */
export function binFeatures(rows: Float64Array[], maxBins: number): BinnedFeatures {
  const width = rows[0]?.length ?? 0
  const bins = Math.min(Math.max(2, Math.floor(maxBins)), MISSING_BIN)
  const thresholds: Float64Array[] = []
  const codes: Uint8Array[] = []
  for (let f = 0; f < width; f++) {
    const column = Float64Array.from(rows, (r) => r[f] ?? Number.NaN)
    const t = thresholdsOf(column, bins)
    thresholds.push(t)
    codes.push(Uint8Array.from(column, (v) => binOf(t, v)))
  }
  return { thresholds, codes }
}
