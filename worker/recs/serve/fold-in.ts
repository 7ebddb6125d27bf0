/**
 * Online refinement: every interaction takes a few SGD steps on the visitor's factor vector p
 * against the fixed item factors Q, so a new visitor's recommendations adapt within a few clicks,
 * between batch trainings.
 *
 * The loss is the one whose minimiser is the batch model's own visitor vector. In training a
 * visitor is p = Σ r_i·q_i (see model.ts), the minimiser of L(p) = −Σ r_i·(p·q_i) + (λ/2)·|p|²
 * up to the scale 1/λ, which no ranking sees. One interaction's share of that loss has the
 * gradient −r·q_i + λ·p, so a step pulls p toward the item and shrinks the rest a little: with
 * λ > 0 older interactions fade, which is the recency an online update is for. (Squared loss
 * (p·q_i − r)², the textbook fold-in, fits a reconstruction this model does not make: it would push
 * known visitors away from items they had just bought whenever their score is already above r.)
 *
 * Gradients are clipped, the decay factor is kept in (0, 1], and a non-finite result is thrown
 * away and reported, so a poisoned vector or absurd weight never reaches storage.
 */

import { scoreAll } from '../model.ts'
import { topN } from '../top-n.ts'
import type { ScoredIndex } from '../types.ts'

/** Options of `foldInVisitor`. */
export type FoldInOptions = {
  /** SGD steps per interaction. Default 1 (defaults chosen on validation months, see train.ts). */
  steps?: number
  /** Learning rate η: the weight one interaction gets relative to one training cell. Default 1. */
  learningRate?: number
  /** L2 regularisation λ: the share of the old vector forgotten per step (η·λ). Default 0.2. */
  l2?: number
  /** Gradients longer than this are scaled down to it. Default 100. */
  clipNorm?: number
}

/** One observed interaction: the item's column and the target value (its weighted cell). */
export type FoldInInteraction = { itemIndex: number; weight: number }

/** The new vector, and why it was left unchanged if it was (for the caller to log). */
export type FoldInResult = {
  vector: Float32Array
  updated: boolean
  skipped?: 'unknown_item' | 'non_finite_input' | 'non_finite_update'
}

/**
 * A starting vector for a visitor the model has not seen: zeros, or a copy of `mean` (e.g. the
 * average visitor vector, which makes a brand-new visitor's first list popularity-like).
 */
export function startVector(rank: number, mean?: ArrayLike<number>): Float32Array {
  const vector = new Float32Array(rank)
  if (mean) for (let k = 0; k < rank; k++) vector[k] = mean[k] ?? 0
  return vector
}

/**
 * Folds one interaction into a visitor vector; the input vector is not modified.
 *
 * @example
 * const target = model.foldInTargets.click
 * const { vector, updated, skipped } = foldInVisitor(p, model.factors, model.rank, { itemIndex: 12, weight: target })
 * if (!updated) console.warn('fold-in skipped', skipped)
 */
export function foldInVisitor(
  vector: ArrayLike<number>,
  itemFactors: Float32Array,
  rank: number,
  interaction: FoldInInteraction,
  options: FoldInOptions = {},
): FoldInResult {
  const original = Float32Array.from({ length: rank }, (_, k) => vector[k] ?? Number.NaN)
  const { itemIndex, weight } = interaction
  if (
    !Number.isInteger(itemIndex) ||
    itemIndex < 0 ||
    (itemIndex + 1) * rank > itemFactors.length
  ) {
    return { vector: original, updated: false, skipped: 'unknown_item' }
  }
  const q = itemFactors.subarray(itemIndex * rank, (itemIndex + 1) * rank)
  const steps = options.steps ?? 1
  const rate = options.learningRate ?? 1
  const l2 = options.l2 ?? 0.2
  const clip = options.clipNorm ?? 100
  if (![weight, rate, l2, clip].every(Number.isFinite) || !allFinite(original) || !allFinite(q)) {
    return { vector: original, updated: false, skipped: 'non_finite_input' }
  }
  // η·λ ≥ 1 would flip the sign of the old vector instead of shrinking it.
  const shrink = Math.min(rate * l2, 1)

  const p = Float64Array.from(original)
  const gradient = new Float64Array(rank)
  for (let step = 0; step < steps; step++) {
    let norm = 0
    for (let k = 0; k < rank; k++) {
      gradient[k] = -weight * q[k]! + (shrink / rate) * p[k]!
      norm += gradient[k]! * gradient[k]!
    }
    // A gradient whose norm overflows carries no usable direction; clipping would zero it.
    if (!Number.isFinite(norm))
      return { vector: original, updated: false, skipped: 'non_finite_update' }
    const scale = Math.sqrt(norm) > clip ? clip / Math.sqrt(norm) : 1
    for (let k = 0; k < rank; k++) p[k] = p[k]! - rate * scale * gradient[k]!
  }
  const next = Float32Array.from(p)
  if (!allFinite(next)) return { vector: original, updated: false, skipped: 'non_finite_update' }
  return { vector: next, updated: true }
}

/**
 * Top-N items for a visitor vector by dot product with every item's factors times the item's
 * scale, as in training's lists, skipping `exclude` (item indices: purchases, the current item,
 * the merchant's exclusions).
 *
 * @example
 * scoreItems(vector, model, new Set([12]), 8) // [{ index, score }, ...] best first
 */
export function scoreItems(
  vector: ArrayLike<number>,
  model: { factors: Float32Array; itemScales?: ArrayLike<number> },
  exclude?: ReadonlySet<number>,
  n = 8,
): ScoredIndex[] {
  return topN(scoreAll(vector, model.factors, vector.length, model.itemScales), n, exclude)
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false
  return true
}
