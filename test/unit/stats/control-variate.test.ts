import { describe, expect, it } from 'vitest'
import { controlVariateMean } from '../../../scripts/lib/control-variate.ts'
import { mulberry32 } from '../../../worker/recs/prng.ts'

describe('controlVariateMean', () => {
  it('removes the noise a control explains and keeps the mean', () => {
    const random = mulberry32(7)
    const ys: number[] = []
    const controls: number[][] = []
    for (let i = 0; i < 4000; i++) {
      const x = random() - 0.5 // E[x] = 0, known
      const noise = (random() - 0.5) * 0.01
      ys.push(3 + 2 * x + noise)
      controls.push([x])
    }
    const result = controlVariateMean(ys, controls)
    // The plain mean's error is dominated by 2x (sd 0.58 / √4000 ≈ 0.009); the adjusted one's by
    // the noise alone (sd 0.0029 / √4000 ≈ 0.00005).
    expect(result.plainStandardError).toBeGreaterThan(0.008)
    expect(result.standardError).toBeLessThan(0.0001)
    expect(Math.abs(result.mean - 3)).toBeLessThan(4 * result.standardError)
  })

  it('gives the plain mean, exactly, for a control centred in the sample', () => {
    const result = controlVariateMean([0.2, 0.3, 0.4], [[-1], [0], [1]])
    expect(result.mean).toBeCloseTo(0.3, 12)
    expect(result.plainMean).toBeCloseTo(0.3, 12)
  })

  it('refuses fewer runs than parameters', () => {
    expect(() => controlVariateMean([1, 2], [[0], [1]])).toThrow(RangeError)
  })
})
