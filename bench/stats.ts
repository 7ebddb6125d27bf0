// Benchmark of the statistics module: microseconds per computeResults call, the work the
// results endpoint does per request, for a 10-variation and a 2-variation experiment.
import { computeResults } from '../worker/stats/results.ts'
import type { ResultsInput, VariationInput } from '../shared/results-types.ts'

function experiment(variations: number): ResultsInput {
  const list = Array.from({ length: variations }, (_, i): VariationInput => {
    const visitors = 50_000 + 131 * i
    const conversions = 2_500 + 17 * i * i
    return {
      key: `v${i}`,
      weight: 1,
      visitors,
      conversions,
      revenueSum: conversions * 41.5,
      revenueSumSquares: conversions * 41.5 * 41.5 * 1.8,
      winsorizedSum: conversions * 39.9,
      winsorizedSumSquares: conversions * 39.9 * 39.9 * 1.4,
    }
  })
  return { experiment: 'bench', phase: 1, status: 'running', variations: list }
}

/** Mean microseconds per call after a warm-up, over at least `minMs` of repeated calls. */
function timePerCall(input: ResultsInput, warmup = 500, minMs = 1000): number {
  let sink = 0
  for (let i = 0; i < warmup; i++) sink += computeResults(input).variations.length
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minMs) {
    for (let i = 0; i < 200; i++) sink += computeResults(input).variations.length
    calls += 200
    elapsed = performance.now() - start
  }
  if (sink < 0) throw new Error('unreachable: keeps the calls from being optimised away')
  return (elapsed * 1000) / calls
}

/** Figures for bench/run.ts: µs per computeResults call (lower is better). */
export async function benchStats(): Promise<{ name: string; value: number; unit: string }[]> {
  return [
    {
      name: 'stats computeResults, 10 variations',
      value: Number(timePerCall(experiment(10)).toFixed(1)),
      unit: 'µs/call',
    },
    {
      name: 'stats computeResults, 2 variations',
      value: Number(timePerCall(experiment(2)).toFixed(1)),
      unit: 'µs/call',
    },
  ]
}
