/**
 * Bucketing throughput: edgelift's shared/ assignment against the @growthbook/growthbook package's
 * own server-side evaluation (GrowthBookClient.runInlineExperiment), same process, same ids.
 */
import { GrowthBookClient } from '@growthbook/growthbook'
import { assignVariation } from '../shared/bucketing.ts'
import { progress, type Row } from './lib/report.ts'

const IDS = Array.from(
  { length: 200_000 },
  (_, i) => `visitor-${i.toString(36)}-${(i * 7919) % 10007}`,
)
const WEIGHTS = [0.34, 0.33, 0.33]

function opsPerSecond(run: () => number): number {
  run() // warm up the JIT on the same work
  const runs: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    const n = run()
    runs.push(n / ((performance.now() - start) / 1000))
  }
  return runs.sort((a, b) => a - b)[2] ?? 0
}

export async function benchBucketing(): Promise<Row[]> {
  progress('bucketing: 5 x 200,000 ids each for edgelift and GrowthBook')
  let sink = 0
  const edgelift = opsPerSecond(() => {
    for (const id of IDS)
      sink += assignVariation({ seed: 'bench-exp', weights: WEIGHTS, coverage: 0.9 }, id)
    return IDS.length
  })
  const client = new GrowthBookClient()
  const experiment = {
    key: 'bench-exp',
    hashVersion: 2,
    variations: [0, 1, 2] as [number, number, number],
    weights: WEIGHTS,
    coverage: 0.9,
  }
  const growthbook = opsPerSecond(() => {
    for (const id of IDS) {
      const r = client.runInlineExperiment(experiment, { attributes: { id } })
      sink += r.inExperiment ? r.variationId : -1
    }
    return IDS.length
  })
  if (sink === 42) console.log('')
  return [
    {
      name: 'bucketing (shared/)',
      value: edgelift,
      unit: 'assignments/s',
      baseline: { name: 'GrowthBook SDK', value: growthbook },
      ratio: edgelift / growthbook,
      target: { text: '>= 1.0x', met: edgelift / growthbook >= 1 },
    },
  ]
}
