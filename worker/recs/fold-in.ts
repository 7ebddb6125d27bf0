/**
 * Online refinement: every interaction takes a few SGD steps on the visitor's factor vector
 * against the fixed item factors Q, minimising (p·q_i − r)² + λ·|p|². A new visitor's
 * recommendations therefore adapt within a few clicks, between batch trainings.
 *
 * The step is normalised by |q_i|² (as in normalised LMS): popular items have long factor
 * vectors, and a plain step that is stable for a niche item would overshoot for them. With
 * η·|q|² ≤ learningRate < 2 every step contracts the error, so p cannot diverge; gradient
 * clipping bounds the damage of an absurd target, and a non-finite result is discarded.
 */

import { scoreAll } from './model.ts'
import { topN } from './top-n.ts'
import type { ScoredIndex } from './types.ts'

/** Options of `foldInVisitor`. */
export type FoldInOptions = {
  /** SGD steps per interaction. Default 5. */
  steps?: number
  /** Normalised learning rate, in (0, 2); 1 would fit one interaction exactly. Default 0.5. */
  learningRate?: number
  /** L2 regularisation λ. Default 0.01. */
  l2?: number
  /** Gradients longer than this are scaled down to it. Default 10. */
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
 * const { vector, updated, skipped } = foldInVisitor(p, model.factors, model.rank, { itemIndex: 12, weight: 2.2 })
 * if (!updated) console.warn('fold-in skipped', skipped)
 */
export function foldInVisitor(
  vector: ArrayLike<number>,
  itemFactors: Float32Array,
  rank: number,
  interaction: FoldInInteraction,
  options: FoldInOptions = {},
): FoldInResult {
  const original = Float32Array.from({ length: rank }, (_, k) => vector[k] ?? 0)
  const { itemIndex, weight } = interaction
  if (
    !Number.isInteger(itemIndex) ||
    itemIndex < 0 ||
    (itemIndex + 1) * rank > itemFactors.length
  ) {
    return { vector: original, updated: false, skipped: 'unknown_item' }
  }
  const q = itemFactors.subarray(itemIndex * rank, (itemIndex + 1) * rank)
  if (!Number.isFinite(weight) || !allFinite(original) || !allFinite(q)) {
    return { vector: original, updated: false, skipped: 'non_finite_input' }
  }
  const steps = options.steps ?? 5
  const rate = options.learningRate ?? 0.5
  const l2 = options.l2 ?? 0.01
  const clip = options.clipNorm ?? 10
  let qNorm = 0
  for (let k = 0; k < rank; k++) qNorm += q[k]! * q[k]!
  const eta = rate / Math.max(1e-12, qNorm + l2)

  const p = Float64Array.from(original)
  const gradient = new Float64Array(rank)
  for (let step = 0; step < steps; step++) {
    let prediction = 0
    for (let k = 0; k < rank; k++) prediction += p[k]! * q[k]!
    const error = prediction - weight
    let norm = 0
    for (let k = 0; k < rank; k++) {
      gradient[k] = error * q[k]! + l2 * p[k]!
      norm += gradient[k]! * gradient[k]!
    }
    const scale = Math.sqrt(norm) > clip ? clip / Math.sqrt(norm) : 1
    for (let k = 0; k < rank; k++) p[k] = p[k]! - eta * scale * gradient[k]!
  }
  const next = Float32Array.from(p)
  if (!allFinite(next)) return { vector: original, updated: false, skipped: 'non_finite_update' }
  return { vector: next, updated: true }
}

/**
 * Top-N items for a visitor vector by dot product with every item's factors, skipping `exclude`
 * (item indices: purchases, the current item, the merchant's exclusions).
 */
export function scoreItems(
  vector: ArrayLike<number>,
  factors: Float32Array,
  exclude?: ReadonlySet<number>,
  n = 8,
): ScoredIndex[] {
  return topN(scoreAll(vector, factors, vector.length), n, exclude)
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false
  return true
}
