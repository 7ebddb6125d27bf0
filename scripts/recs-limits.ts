/**
 * `npm run recs:limits`: how large a store the in-Worker training job can take. Trains the
 * production model (trainModel, default options) on synthetic stores of growing size, each in a
 * fresh Node process (same V8 as workerd), and prints the peak memory of the job — the
 * interactions as loaded from D1 plus training — and its time, against the Workers limits of
 * 128 MB per isolate and 5 minutes of CPU per invocation. Beyond the line, train with
 * `npm run train` (Node) instead.
 */
import { spawnSync } from 'node:child_process'

const SIZES = [
  { items: 1_000, visitors: 3_000, perVisitor: 15 },
  { items: 3_400, visitors: 3_300, perVisitor: 50 },
  { items: 10_000, visitors: 30_000, perVisitor: 20 },
  { items: 15_000, visitors: 45_000, perVisitor: 20 },
]
const LIMIT_MB = 128

if (process.argv[2] === '--child') {
  const [items, visitors, perVisitor] = process.argv.slice(3).map(Number) as [
    number,
    number,
    number,
  ]
  const { trainModel } = await import('../worker/recs/train.ts')
  // Skewed popularity inside 20 tastes, like real catalogs: a few hits, a long tail.
  let seed = 7
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const types = ['view', 'view', 'click', 'add_to_cart', 'purchase'] as const
  const interactions = []
  const now = Date.UTC(2026, 10, 1)
  for (let v = 0; v < visitors; v++) {
    const taste = v % 20
    for (let k = 0; k < perVisitor; k++) {
      const offset = Math.floor((items / 20) * random() ** 2)
      const item = (taste * Math.floor(items / 20) + offset) % items
      interactions.push({
        visitorId: `v${v}`,
        itemId: `i${item}`,
        type: types[k % types.length] ?? 'view',
        at: now - Math.floor(random() * 90 * 86_400_000),
      })
    }
  }
  const loadedKb = process.resourceUsage().maxRSS
  const started = performance.now()
  const model = trainModel(interactions, { now })
  const seconds = (performance.now() - started) / 1000
  console.log(
    JSON.stringify({
      loadedKb,
      peakKb: process.resourceUsage().maxRSS,
      seconds,
      rank: model.rank,
      nonZeros: model.metrics.nonZeros,
    }),
  )
  process.exit(0)
}

const idle = spawnSync(process.execPath, ['-e', 'console.log(process.resourceUsage().maxRSS)'], {
  encoding: 'utf8',
})
const baselineKb = Number(idle.stdout.trim())
console.log(
  '| catalog (items) | visitors | interactions | peak memory of the job | training time | fits in a Worker (128 MB) |',
)
console.log('| ---: | ---: | ---: | ---: | ---: | --- |')
for (const size of SIZES) {
  process.stderr.write(`  … training ${size.items} items x ${size.visitors} visitors\n`)
  const child = spawnSync(
    process.execPath,
    [
      'scripts/recs-limits.ts',
      '--child',
      String(size.items),
      String(size.visitors),
      String(size.perVisitor),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status !== 0 || !line.startsWith('{')) {
    console.log(
      `| ${size.items} | ${size.visitors} | ${size.visitors * size.perVisitor} | failed: ${child.stderr.split('\n').slice(-3).join(' ')} | | |`,
    )
    continue
  }
  const r = JSON.parse(line) as { peakKb: number; seconds: number }
  const mb = (r.peakKb - baselineKb) / 1024
  console.log(
    `| ${size.items.toLocaleString('en-US')} | ${size.visitors.toLocaleString('en-US')} | ${(size.visitors * size.perVisitor).toLocaleString('en-US')} | ${mb.toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${mb < LIMIT_MB ? 'yes' : 'no: use npm run train'} |`,
  )
}
console.log(
  `\nPeak memory is the process's peak RSS minus an idle Node process (${(baselineKb / 1024).toFixed(0)} MB), on this machine (${process.arch}, Node ${process.version}).`,
)
