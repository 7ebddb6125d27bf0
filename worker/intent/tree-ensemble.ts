/**
 * A tree ensemble as flat arrays, the form it is stored in and scored from. Nodes of all trees
 * sit in one pre-order list: an inner node's left child is the next node and `right` names the
 * other; a leaf has feature -1 and keeps its value in `threshold`. Scoring walks these arrays
 * without allocating, a few hundred comparisons a session, which is what makes it cheap enough to
 * run on every request at the edge.
 */

/** The JSON-ready ensemble. The logit of a session is `base` plus one leaf value per tree. */
export type TreeEnsemble = {
  base: number
  /** Index of each tree's root node. */
  roots: number[]
  /** Feature index (into the model's feature list) of each node; -1 for a leaf. */
  feature: number[]
  /** Split point (x <= threshold goes left) of an inner node; the value of a leaf. */
  threshold: number[]
  /** Index of the right child of an inner node; 0 for a leaf. */
  right: number[]
  /** 1 when a missing value goes left at this node, else 0. */
  missingLeft: number[]
}

/** The ensemble in typed arrays, ready to score. */
export type CompiledEnsemble = {
  base: number
  roots: Int32Array
  feature: Int16Array
  threshold: Float64Array
  right: Int32Array
  missingLeft: Uint8Array
}

export function compileEnsemble(e: TreeEnsemble): CompiledEnsemble {
  return {
    base: e.base,
    roots: Int32Array.from(e.roots),
    feature: Int16Array.from(e.feature),
    threshold: Float64Array.from(e.threshold),
    right: Int32Array.from(e.right),
    missingLeft: Uint8Array.from(e.missingLeft),
  }
}

/**
 * The ensemble's logit for feature vector `x` (in the model's feature order; NaN = missing).
 *
 * @example
 * const p = 1 / (1 + Math.exp(-ensembleLogit(compiled, x)))
 */
export function ensembleLogit(e: CompiledEnsemble, x: ArrayLike<number>): number {
  const { roots, feature, threshold, right, missingLeft } = e
  let sum = e.base
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t] as number
    let f = feature[node] as number
    while (f >= 0) {
      const v = x[f] as number
      const left = v !== v ? missingLeft[node] === 1 : v <= (threshold[node] as number)
      node = left ? node + 1 : (right[node] as number)
      f = feature[node] as number
    }
    sum += threshold[node] as number
  }
  return sum
}

/**
 * Why `e` is not a well-formed ensemble over `featureCount` features, or undefined when it is:
 * equal array lengths, known features, finite numbers, and every right child after its parent
 * and inside the tree, so walking it always ends at a leaf.
 */
export function ensembleProblem(e: TreeEnsemble, featureCount: number): string | undefined {
  const n = e.feature.length
  if (e.threshold.length !== n || e.right.length !== n || e.missingLeft.length !== n)
    return 'node arrays differ in length'
  if (!Number.isFinite(e.base)) return 'base is not finite'
  for (let t = 0; t < e.roots.length; t++) {
    const root = e.roots[t] as number
    const end = t + 1 < e.roots.length ? (e.roots[t + 1] as number) : n
    if (!Number.isInteger(root) || root < 0 || end <= root || end > n) return `tree ${t} is empty`
    for (let i = root; i < end; i++) {
      const f = e.feature[i] as number
      if (!Number.isFinite(e.threshold[i])) return `node ${i} has a non-finite number`
      if (f === -1) continue
      const r = e.right[i] as number
      if (!Number.isInteger(f) || f < 0 || f >= featureCount) return `node ${i}: unknown feature`
      if (!Number.isInteger(r) || r <= i + 1 || r >= end) return `node ${i}: child out of tree`
      if (i + 1 >= end) return `node ${i}: child out of tree`
    }
    if (e.feature[end - 1] !== -1) return `tree ${t} does not end with a leaf`
  }
  return undefined
}
