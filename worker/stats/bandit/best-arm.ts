// The probability that each variation has the highest conversion rate (and the second highest),
// under independent Beta posteriors, by numerical integration:
//   P(i best)   = ∫ f_i(x) Π_{j≠i} F_j(x) dx
//   P(i second) = ∫ f_i(x) Σ_{j≠i} (1 - F_j(x)) Π_{l≠i,j} F_l(x) dx
// Integration rather than Monte Carlo: the answer is exact to ~1e-9 and the same on every run,
// so weights are reproducible and tests compare with scipy to tight tolerances, where 10^4
// Thompson draws (GrowthBook's) carry a standard error of up to 0.005. It also costs less: a few
// hundred distribution-function evaluations against 10^4 draws per arm.
import { betaCdf, betaPdf, betaQuantile, betaStandardDeviation } from './beta-distribution.ts'
import type { BetaParameters } from './beta-distribution.ts'

export type RankProbabilities = {
  /** P(variation is best), one per variation, summing to 1. */
  best: number[]
  /** P(variation is second best), one per variation, summing to 1 (with two or more). */
  second: number[]
}

const NODES_PER_PIECE = 8
/** Each posterior is integrated between its TAIL and 1 - TAIL quantiles... */
const TAIL = 1e-12
/** ...cut into pieces at most this many of its standard deviations wide. */
const PIECE_SDS = 2

/** Gauss-Legendre nodes and weights on [-1, 1], by Newton's method on P_n (Numerical Recipes §4.6). */
function gaussLegendre(n: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = []
  const weights: number[] = []
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5))
    let derivative = 1
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1
      let p1 = 0
      for (let j = 1; j <= n; j++) {
        const p2 = p1
        p1 = p0
        p0 = ((2 * j - 1) * x * p1 - (j - 1) * p2) / j
      }
      derivative = (n * (x * p0 - p1)) / (x * x - 1)
      const step = p0 / derivative
      x -= step
      if (Math.abs(step) < 1e-15) break
    }
    nodes.push(x)
    weights.push(2 / ((1 - x * x) * derivative * derivative))
  }
  return { nodes, weights }
}

const RULE = gaussLegendre(NODES_PER_PIECE)

type Span = { lo: number; hi: number }

/** Where a posterior's mass lies: all but 2·TAIL of it. */
function spanOf(posterior: BetaParameters): Span {
  return { lo: betaQuantile(posterior, TAIL), hi: betaQuantile(posterior, 1 - TAIL) }
}

/**
 * Breakpoints covering every posterior's span, at most PIECE_SDS of the narrowest posterior
 * present apart, so a sharp distribution function next to a wide density is still resolved.
 */
function breakpoints(posteriors: readonly BetaParameters[], spans: readonly Span[]): number[] {
  const points = new Set<number>()
  posteriors.forEach((posterior, i) => {
    const { lo, hi } = spans[i] ?? { lo: 0, hi: 1 }
    const pieces = Math.max(
      1,
      Math.ceil((hi - lo) / (PIECE_SDS * betaStandardDeviation(posterior))),
    )
    for (let p = 0; p <= pieces; p++) points.add(lo + ((hi - lo) * p) / pieces)
  })
  return [...points].sort((a, b) => a - b)
}

/**
 * P(best) and P(second best) of each variation. Arms are independent; ties have probability 0.
 * @example rankProbabilities([{ alpha: 41, beta: 961 }, { alpha: 51, beta: 951 }]).best // ≈ [0.146, 0.854]
 */
export function rankProbabilities(posteriors: readonly BetaParameters[]): RankProbabilities {
  const k = posteriors.length
  const best = new Array<number>(k).fill(0)
  const second = new Array<number>(k).fill(0)
  if (k === 1) return { best: [1], second: [0] }
  const spans = posteriors.map(spanOf)
  const points = breakpoints(posteriors, spans)
  const cdf = new Array<number>(k)
  const active = new Array<boolean>(k)
  for (let piece = 0; piece + 1 < points.length; piece++) {
    const a = points[piece] ?? 0
    const b = points[piece + 1] ?? 1
    const half = (b - a) / 2
    const middle = (a + b) / 2
    // Outside its span a posterior's density is 0 and its distribution function 0 or 1, to TAIL.
    let anyActive = false
    for (let j = 0; j < k; j++) {
      const span = spans[j] ?? { lo: 0, hi: 1 }
      active[j] = middle > span.lo && middle < span.hi
      anyActive ||= active[j] === true
      if (!active[j]) cdf[j] = middle <= span.lo ? 0 : 1
    }
    if (!anyActive) continue
    for (let node = 0; node < NODES_PER_PIECE; node++) {
      const x = middle + half * (RULE.nodes[node] ?? 0)
      const w = half * (RULE.weights[node] ?? 0)
      for (let j = 0; j < k; j++) {
        if (active[j]) cdf[j] = betaCdf(posteriors[j] as BetaParameters, x)
      }
      for (let i = 0; i < k; i++) {
        if (!active[i]) continue
        const density = betaPdf(posteriors[i] as BetaParameters, x)
        // Π_{j≠i} F_j and Σ_{j≠i} (1 - F_j) Π_{l≠i,j} F_l in one pass over the others.
        let allBelow = 1
        let oneAbove = 0
        for (let j = 0; j < k; j++) {
          if (j === i) continue
          const f = cdf[j] ?? 0
          oneAbove = oneAbove * f + allBelow * (1 - f)
          allBelow *= f
        }
        best[i] = (best[i] ?? 0) + w * density * allBelow
        second[i] = (second[i] ?? 0) + w * density * oneAbove
      }
    }
  }
  return { best: normalise(best), second: normalise(second) }
}

/** Divides by the sum, removing the integration's ~1e-10 of mass lost in the far tails. */
function normalise(values: number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0)
  return sum > 0 ? values.map((v) => v / sum) : values.map(() => 1 / values.length)
}
