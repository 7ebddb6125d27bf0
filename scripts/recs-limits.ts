/**
 * `npm run recs:limits`: how large a store the in-Worker training job can take. Trains the
 * production model (trainModel, default options) on synthetic stores of growing size, each in a
 * fresh Node process (same V8 as workerd) whose heap is capped at 128 MB like a Worker isolate's,
 * with the interactions already in memory as the Worker loads them from D1. It prints whether the
 * job completes under the cap, the memory it holds at the end (V8 heap + typed arrays), and its
 * time against the 5 minutes of CPU a Worker invocation may have. Beyond the line, train with
 * `npm run train` (Node) instead.
 */
import { spawnSync } from 'node:child_process'

const SIZES = [
  { items: 1_000, visitors: 3_000, perVisitor: 15 },
  { items: 3_400, visitors: 3_300, perVisitor: 50 },
  { items: 5_000, visitors: 12_000, perVisitor: 20 },
  { items: 6_500, visitors: 17_500, perVisitor: 20 },
  { items: 8_000, visitors: 22_500, perVisitor: 20 },
  { items: 10_000, visitors: 30_000, perVisitor: 20 },
  { items: 30_000, visitors: 90_000, perVisitor: 20 },
]
const LIMIT_MB = 128
const CPU_LIMIT_S = 300

if (process.argv[2] === '--child') {
  const [items, visitors, perVisitor] = process.argv.slice(3).map(Number) as [
    number,
    number,
    number,
  ]
  const { trainModel } = await import('../worker/recs/train/train.ts')
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
  const started = performance.now()
  const model = trainModel(interactions, { now })
  const seconds = (performance.now() - started) / 1000
  const memory = process.memoryUsage()
  const result = {
    heapMb: memory.heapUsed / 2 ** 20,
    buffersMb: memory.arrayBuffers / 2 ** 20,
    seconds,
  }
  console.log(JSON.stringify({ ...result, rank: model.rank }))
  process.exit(0)
}

console.log(
  '| catalog (items) | visitors | interactions | completes with a 128 MB heap | held at the end (heap + typed arrays) | training time | in a Worker? |',
)
console.log('| ---: | ---: | ---: | --- | ---: | ---: | --- |')
for (const size of SIZES) {
  process.stderr.write(
    `  … training ${size.items} items x ${size.visitors} visitors under a ${LIMIT_MB} MB heap\n`,
  )
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${LIMIT_MB}`,
      '--experimental-strip-types',
      'scripts/recs-limits.ts',
      '--child',
      String(size.items),
      String(size.visitors),
      String(size.perVisitor),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  const cells = [size.items, size.visitors, size.visitors * size.perVisitor].map((n) =>
    n.toLocaleString('en-US'),
  )
  if (child.status !== 0 || !line.startsWith('{')) {
    const oom = /heap out of memory|Allocation failed/i.test(child.stderr)
    console.log(
      `| ${cells.join(' | ')} | ${oom ? 'no: out of memory' : `no: exit ${child.status}`} | | | no: use npm run train |`,
    )
    continue
  }
  const r = JSON.parse(line) as { heapMb: number; buffersMb: number; seconds: number }
  const held = r.heapMb + r.buffersMb
  const fits = held < LIMIT_MB && r.seconds < CPU_LIMIT_S
  console.log(
    `| ${cells.join(' | ')} | yes | ${held.toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${fits ? 'yes' : 'no: use npm run train'} |`,
  )
}
console.log(
  `\nOn this machine (${process.arch}, Node ${process.version}); a Worker also needs room for its code and the request.`,
)
