// Typed view of test/fixtures/stats/reference.json, written by
// scripts/fixtures/stats_reference.py (scipy 1.10 / mpmath; see that script for what each
// section holds), plus the closeness check every table-driven test uses.
import { expect } from 'vitest'
import data from '../../fixtures/stats/reference.json' with { type: 'json' }

type Pair = [number, number]
type Sums = { n: number; sum: number; sumSquares: number }

export type Reference = {
  alpha: number
  chiSquareIndependence: { table: Pair[]; chiSquare: number; dof: number; pValue: number }[]
  goodnessOfFit: { visitors: number[]; weights: number[]; chiSquare: number; pValue: number }[]
  welch: {
    control: Sums
    treatment: Sums
    t: number
    dof: number
    pValue: number
    difference: number
    ci: Pair
  }[]
  meanInterval: { sample: Sums; ci: Pair }[]
  wilson: { conversions: number; visitors: number; alpha: number; ci: Pair }[]
  relativeLift: ({
    lift: number
    ci: Pair
    dof: number
    pValue: number
    chanceToWin: number
    sequentialPValue: number
    sequentialCI: Pair
  } & (
    | { kind: 'proportion'; control: Pair; treatment: Pair }
    | { kind: 'mean'; control: Sums; treatment: Sums }
  ))[]
  logRatioLift: ({
    lift: number
    ci: Pair
    pValue: number
    sequentialPValue: number
    sequentialCI: Pair
  } & (
    | { kind: 'proportion'; control: Pair; treatment: Pair }
    | { kind: 'mean'; control: Sums; treatment: Sums }
  ))[]
  distributions: {
    studentTTwoSided: { t: number; dof: number; twoSided: number }[]
    studentTCritical: { alpha: number; dof: number; critical: number }[]
    chiSquareSf: { x: number; dof: number; sf: number }[]
    normalQuantile: { p: number; z: number }[]
  }
}

export const reference = data as unknown as Reference

/**
 * Asserts |actual - expected| <= max(rel·|expected|, abs). The absolute floor keeps p-values
 * near 0 sensible: scipy computes some of them as 1 - cdf, which has no digits below 1e-16.
 */
export function expectClose(
  actual: number | null | undefined,
  expected: number,
  rel = 1e-9,
  abs = 1e-15,
  label = '',
): void {
  expect(actual, label).toBeTypeOf('number')
  const a = actual as number
  const tolerance = Math.max(rel * Math.abs(expected), abs)
  if (!(Math.abs(a - expected) <= tolerance)) {
    expect.fail(
      `${label} ${a} differs from ${expected} by ${Math.abs(a - expected)} > ${tolerance}`,
    )
  }
}

/** Pair version of expectClose, for intervals. */
export function expectCloseInterval(
  actual: readonly [number, number] | null | undefined,
  expected: readonly [number, number],
  rel = 1e-9,
  label = '',
): void {
  expect(actual, label).not.toBeNull()
  expectClose(actual?.[0], expected[0], rel, 1e-15, `${label}[0]`)
  expectClose(actual?.[1], expected[1], rel, 1e-15, `${label}[1]`)
}
