import { describe, expect, it } from 'vitest'
import { DEFAULT_BOOSTING, trainBoosting } from '../../../worker/intent/gradient-boosting.ts'
import { compileEnsemble, ensembleLogit } from '../../../worker/intent/tree-ensemble.ts'

const settings = {
  ...DEFAULT_BOOSTING,
  trees: 30,
  learningRate: 0.3,
  minSamplesLeaf: 5,
  subsample: 1,
}

/** Rows on a grid with a label that is a known function of the first two features. */
function grid(label: (a: number, b: number) => number) {
  const x: Float64Array[] = []
  const y: number[] = []
  for (let a = 0; a < 20; a++)
    for (let b = 0; b < 20; b++) {
      x.push(Float64Array.of(a, b, (a * 7 + b * 3) % 5))
      y.push(label(a, b))
    }
  return { x, y }
}

describe('trainBoosting', () => {
  it('splits a threshold rule at the threshold, on the feature that holds it', () => {
    const { x, y } = grid((a) => (a >= 12 ? 1 : 0))
    const e = trainBoosting(x, y, { ...settings, trees: 1, maxDepth: 1, learningRate: 1 })
    expect(e.roots).toEqual([0])
    expect(e.feature[0]).toBe(0)
    // Any split point between 11 and 12 separates the classes; the shortest decimal is 12.
    expect(e.threshold[0]).toBeGreaterThanOrEqual(11)
    expect(e.threshold[0]).toBeLessThan(12)
    expect(e.feature.slice(1)).toEqual([-1, -1])
  })

  it('learns an interaction of two features to near-certain predictions', () => {
    const { x, y } = grid((a, b) => (a >= 10 && b >= 10 ? 1 : 0))
    const c = compileEnsemble(trainBoosting(x, y, { ...settings, maxDepth: 2 }))
    const p = (a: number, b: number) => 1 / (1 + Math.exp(-ensembleLogit(c, [a, b, 0])))
    expect(p(15, 15)).toBeGreaterThan(0.95)
    expect(p(3, 15)).toBeLessThan(0.05)
    expect(p(15, 3)).toBeLessThan(0.05)
    expect(p(3, 3)).toBeLessThan(0.05)
  })

  it('starts from the prior logit and learns which way missing values go', () => {
    // Missing values of the first feature always buy; present ones never do.
    const x = Array.from({ length: 200 }, (_, i) => Float64Array.of(i % 2 ? Number.NaN : i, 1))
    const y = x.map((v) => (Number.isNaN(v[0]) ? 1 : 0))
    const e = trainBoosting(x, y, { ...settings, trees: 20, maxDepth: 1 })
    expect(e.base).toBeCloseTo(Math.log(100.5 / 201 / (1 - 100.5 / 201)), 5)
    const c = compileEnsemble(e)
    expect(ensembleLogit(c, [Number.NaN, 1])).toBeGreaterThan(3)
    expect(ensembleLogit(c, [50, 1])).toBeLessThan(-3)
  })

  it('gives the same trees for the same seed and different ones for another', () => {
    const { x, y } = grid((a, b) => (a + b > 18 ? 1 : 0))
    const sampled = { ...settings, subsample: 0.5, featureFraction: 0.67 }
    const one = trainBoosting(x, y, sampled)
    expect(trainBoosting(x, y, sampled)).toEqual(one)
    expect(trainBoosting(x, y, { ...sampled, seed: 2 })).not.toEqual(one)
  })

  it('keeps every leaf at least minSamplesLeaf rows', () => {
    const { x, y } = grid((a, b) => ((a * b) % 3 === 0 ? 1 : 0))
    const e = trainBoosting(x, y, { ...settings, trees: 1, maxDepth: 6, minSamplesLeaf: 40 })
    const c = compileEnsemble(e)
    const perLeaf = new Map<number, number>()
    for (const row of x) {
      let node = 0
      while ((c.feature[node] as number) >= 0) {
        const v = row[c.feature[node] as number] as number
        node = v <= (c.threshold[node] as number) ? node + 1 : (c.right[node] as number)
      }
      perLeaf.set(node, (perLeaf.get(node) ?? 0) + 1)
    }
    expect(perLeaf.size).toBeGreaterThan(1)
    for (const n of perLeaf.values()) expect(n).toBeGreaterThanOrEqual(40)
  })
})
