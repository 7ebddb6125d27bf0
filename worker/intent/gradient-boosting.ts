/**
 * Gradient-boosted decision trees for purchase intent (binary log loss, Newton leaf values,
 * shrinkage, row and feature subsampling, histogram splits with a learned branch for missing
 * values), trained in Node by `npm run train:intent`; pure, so the Worker can run the same code.
 *
 * Written in-house because the mljs family does not cover it: mljs has no gradient boosting at
 * all, and its trees (ml-cart, which ml-random-forest builds on) cannot take one: they split on
 * Gini or squared error of the labels only (no gradient/hessian statistics, no sample weights,
 * no settable leaf values), have no notion of a missing value (edgelift's extra features are
 * absent from the public data), and re-sort and re-split the rows for every candidate threshold,
 * which took about a minute for one depth-5 tree on the 6,175 Feb-Jul sessions here. ml-cart and
 * ml-logistic-regression serve as the evaluation's baselines instead (scripts/lib/intent-baselines.ts).
 */
import { binFeatures, MISSING_BIN, type BinnedFeatures } from './binning.ts'
import { mulberry32 } from '../recs/prng.ts'
import { sigmoid } from './sigmoid.ts'
import type { TreeEnsemble } from './tree-ensemble.ts'

export type BoostingOptions = {
  /** Number of trees. */
  trees: number
  /** Shrinkage applied to each tree's leaf values. */
  learningRate: number
  maxDepth: number
  /** Fewest training rows in a leaf. */
  minSamplesLeaf: number
  /** L2 penalty on leaf values (XGBoost's lambda). */
  l2: number
  /** Fraction of rows each tree is grown on (sampled without replacement). */
  subsample: number
  /** Fraction of features each tree may split on. */
  featureFraction: number
  /** Histogram bins per feature (at most 255). */
  maxBins: number
  seed: number
}

/** The settings chosen by rolling-origin validation inside Feb-Jul (docs/intent-search.md). */
export const DEFAULT_BOOSTING: BoostingOptions = {
  trees: 100,
  learningRate: 0.05,
  maxDepth: 3,
  minSamplesLeaf: 20,
  l2: 1,
  subsample: 0.8,
  featureFraction: 1,
  maxBins: 64,
  seed: 1,
}

/** Significant digits of a leaf value: enough for scores, short in JSON. */
const LEAF_DIGITS = 6
/** Least hessian mass in a child, so a leaf value never divides by almost nothing. */
const MIN_CHILD_HESSIAN = 1e-3

type Split = { feature: number; bin: number; missingLeft: boolean; gain: number }

type Growth = {
  binned: BinnedFeatures
  grad: Float64Array
  hess: Float64Array
  /** Each feature's summed split gain so far, when the caller asked for it. */
  gains: Float64Array | undefined
  options: BoostingOptions
  allowed: Uint8Array
  out: TreeEnsemble
  /** Per node: the bin an inner node splits at, to route training rows by their codes. */
  bins: number[]
}

function bestSplit(g: Growth, rows: Uint32Array, G: number, H: number): Split | undefined {
  const { binned, grad, hess, options } = g
  const parent = (G * G) / (H + options.l2)
  let best: Split | undefined
  const sumG = new Float64Array(256)
  const sumH = new Float64Array(256)
  const count = new Uint32Array(256)
  for (let f = 0; f < binned.codes.length; f++) {
    const bins = binned.thresholds[f]?.length ?? 0
    const codes = binned.codes[f]
    if (bins === 0 || !codes || g.allowed[f] === 0) continue
    sumG.fill(0, 0, bins + 1)
    sumH.fill(0, 0, bins + 1)
    count.fill(0, 0, bins + 1)
    sumG[MISSING_BIN] = 0
    sumH[MISSING_BIN] = 0
    count[MISSING_BIN] = 0
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number
      const c = codes[r] as number
      sumG[c] = (sumG[c] as number) + (grad[r] as number)
      sumH[c] = (sumH[c] as number) + (hess[r] as number)
      count[c] = (count[c] as number) + 1
    }
    const mG = sumG[MISSING_BIN] as number
    const mH = sumH[MISSING_BIN] as number
    const mC = count[MISSING_BIN] as number
    let lG = 0
    let lH = 0
    let lC = 0
    for (let b = 0; b < bins; b++) {
      lG += sumG[b] as number
      lH += sumH[b] as number
      lC += count[b] as number
      // With no missing rows here, missing values follow the larger side at scoring time.
      const onlyLeft = mC === 0 && lC >= rows.length - lC
      const onlyRight = mC === 0 && !onlyLeft
      for (let side = 0; side < 2; side++) {
        const missingLeft = side === 1
        if ((missingLeft && onlyRight) || (!missingLeft && onlyLeft)) continue
        const gl = missingLeft ? lG + mG : lG
        const hl = missingLeft ? lH + mH : lH
        const cl = missingLeft ? lC + mC : lC
        const cr = rows.length - cl
        const gr = G - gl
        const hr = H - hl
        if (cl < options.minSamplesLeaf || cr < options.minSamplesLeaf) continue
        if (hl < MIN_CHILD_HESSIAN || hr < MIN_CHILD_HESSIAN) continue
        const gain = (gl * gl) / (hl + options.l2) + (gr * gr) / (hr + options.l2) - parent
        if (gain > 1e-12 && (!best || gain > best.gain))
          best = { feature: f, bin: b, missingLeft, gain }
      }
    }
  }
  return best
}

function grow(g: Growth, rows: Uint32Array, depth: number): void {
  let G = 0
  let H = 0
  for (const r of rows) {
    G += g.grad[r] as number
    H += g.hess[r] as number
  }
  const { out, options } = g
  const node = out.feature.length
  const split =
    depth < options.maxDepth && rows.length >= 2 * options.minSamplesLeaf
      ? bestSplit(g, rows, G, H)
      : undefined
  if (!split) {
    const value = (-options.learningRate * G) / (H + options.l2)
    out.feature.push(-1)
    out.threshold.push(Number(value.toPrecision(LEAF_DIGITS)))
    out.right.push(0)
    out.missingLeft.push(0)
    g.bins.push(-1)
    return
  }
  const codes = g.binned.codes[split.feature] as Uint8Array
  const left: number[] = []
  const right: number[] = []
  for (const r of rows) {
    const c = codes[r] as number
    if (c === MISSING_BIN ? split.missingLeft : c <= split.bin) left.push(r)
    else right.push(r)
  }
  if (g.gains) g.gains[split.feature] = (g.gains[split.feature] as number) + split.gain
  out.feature.push(split.feature)
  out.threshold.push(g.binned.thresholds[split.feature]?.[split.bin] ?? Number.NaN)
  out.right.push(0)
  out.missingLeft.push(split.missingLeft ? 1 : 0)
  g.bins.push(split.bin)
  grow(g, Uint32Array.from(left), depth + 1)
  out.right[node] = out.feature.length
  grow(g, Uint32Array.from(right), depth + 1)
}

/** A training row's leaf value in the tree rooted at `root`, routed by its bins. */
function leafOf(g: Growth, root: number, row: number): number {
  const { out, binned } = g
  let node = root
  for (;;) {
    const f = out.feature[node] as number
    if (f < 0) return out.threshold[node] as number
    const c = binned.codes[f]?.[row] as number
    const left = c === MISSING_BIN ? out.missingLeft[node] === 1 : c <= (g.bins[node] as number)
    node = left ? node + 1 : (out.right[node] as number)
  }
}

/** k distinct indices of 0..n-1 (a partial Fisher-Yates shuffle), ascending. */
function sample(n: number, k: number, random: () => number): Uint32Array {
  const all = Uint32Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i))
    const t = all[i] as number
    all[i] = all[j] as number
    all[j] = t
  }
  return all.slice(0, k).sort()
}

/**
 * Trains the ensemble on feature vectors `x` (NaN = missing) and labels `y` (0 or 1).
 * Deterministic for a given seed. `onTree` hears each tree's number as it is added; `gains`, when
 * given (one slot per feature), receives each feature's summed split gain, its importance.
 *
 * @example
 * const ensemble = trainBoosting(vectors, labels, { ...DEFAULT_BOOSTING, trees: 100 })
 */
export function trainBoosting(
  x: Float64Array[],
  y: ArrayLike<number>,
  options: BoostingOptions = DEFAULT_BOOSTING,
  onTree?: (done: number, total: number) => void,
  gains?: Float64Array,
): TreeEnsemble {
  const n = x.length
  if (n === 0 || y.length !== n) throw new Error('training needs as many labels as sessions, > 0')
  let positives = 0
  for (let i = 0; i < n; i++) positives += y[i] === 1 ? 1 : 0
  // The prior's logit, kept off 0 and 1 so a one-class sample still trains.
  const prior = (positives + 0.5) / (n + 1)
  const base = Number(Math.log(prior / (1 - prior)).toPrecision(LEAF_DIGITS))
  const binned = binFeatures(x, options.maxBins)
  const out: TreeEnsemble = {
    base,
    roots: [],
    feature: [],
    threshold: [],
    right: [],
    missingLeft: [],
  }
  const logit = new Float64Array(n).fill(base)
  const grad = new Float64Array(n)
  const hess = new Float64Array(n)
  const random = mulberry32(options.seed)
  const width = binned.codes.length
  const rowCount = Math.max(1, Math.round(options.subsample * n))
  const featureCount = Math.max(1, Math.round(options.featureFraction * width))
  for (let t = 0; t < options.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(logit[i] as number)
      grad[i] = p - (y[i] === 1 ? 1 : 0)
      hess[i] = p * (1 - p)
    }
    const rows = rowCount < n ? sample(n, rowCount, random) : sample(n, n, () => 0)
    const allowed = new Uint8Array(width)
    for (const f of sample(width, featureCount, random)) allowed[f] = 1
    const g: Growth = { binned, grad, hess, gains, options, allowed, out, bins: [] }
    const root = out.feature.length
    g.bins = new Array<number>(root).fill(-1)
    out.roots.push(root)
    grow(g, rows, 0)
    for (let i = 0; i < n; i++) logit[i] = (logit[i] as number) + leafOf(g, root, i)
    onTree?.(t + 1, options.trees)
  }
  return out
}
