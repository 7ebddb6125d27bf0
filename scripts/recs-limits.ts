/**
 * `npm run recs:limits`: how large a store the in-Worker training job can take. Trains the
 * production model (trainModel, default options) on synthetic stores of growing size, each in a
 * fresh Node process (same V8 as workerd) whose heap is capped at 128 MB like a Worker isolate's.
 * The interactions arrive in pages of row objects, as interaction-store.ts reads them from D1,
 * into the same typed columns. It prints whether the job completes under the cap, two peaks of
 * V8 heap + typed arrays (both count against a Worker's 128 MB): as sampled at every progress
 * report, garbage not yet collected included, and live, after a full collection at every report
 * (what the job needs between reports; the collections' CPU time is counted), the stage of that
 * peak, and the CPU time against the 5 minutes a Worker invocation
 * may have (CPU, not wall time, so a busy machine does not inflate it). Beyond the line, train
 * with `npm run train` (Node) instead. `RECS_LIMITS_ONLY=0,4` runs only those rows.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'

const SIZES = [
  { items: 3_400, visitors: 4_300, perVisitor: 52 },
  { items: 5_000, visitors: 12_000, perVisitor: 20 },
  { items: 10_000, visitors: 30_000, perVisitor: 20 },
  { items: 5_000, visitors: 20_000, perVisitor: 50 },
  { items: 10_000, visitors: 50_000, perVisitor: 20 },
  { items: 20_000, visitors: 60_000, perVisitor: 25 },
  { items: 30_000, visitors: 90_000, perVisitor: 20 },
]
const LIMIT_MB = 128
/** A Worker's CPU time per invocation can be raised to 5 minutes (`limits.cpu_ms`). */
const CPU_LIMIT_S = 300
const NOW = Date.UTC(2026, 10, 1)
const only = process.env.RECS_LIMITS_ONLY?.split(',').map(Number)

if (process.argv[2] === '--child') {
  const [items, visitors, perVisitor] = process.argv.slice(3).map(Number) as [
    number,
    number,
    number,
  ]
  const { trainModel } = await import('../worker/recs/train/train.ts')
  const { InteractionColumnsBuilder } = await import('../worker/recs/train/interaction-columns.ts')
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run with --expose-gc')
  let peak = 0
  let live = 0
  let liveStage = ''
  let stage = ''
  const used = () => {
    const memory = process.memoryUsage()
    return memory.heapUsed + memory.arrayBuffers
  }
  const sample = (progress?: { stage: string }) => {
    peak = Math.max(peak, used())
    stage = progress?.stage ?? stage
    collect()
    const now = used()
    if (now > live) [live, liveStage] = [now, stage]
  }
  const cpuStart = process.cpuUsage()
  const started = performance.now()
  // Pages of row objects, as D1 returns them, each pushed into the columns and dropped.
  const columns = new InteractionColumnsBuilder()
  for (const page of syntheticPages(items, visitors, perVisitor)) {
    for (const row of page) columns.push(row.visitor_id, row.item_id, row.type, row.at)
    sample()
  }
  const model = trainModel(columns.finish(), { now: NOW, onProgress: sample })
  sample()
  const cpu = process.cpuUsage(cpuStart)
  const result = {
    peakMb: peak / 2 ** 20,
    liveMb: live / 2 ** 20,
    liveStage,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    nonZeros: model.metrics.nonZeros,
  }
  console.log(JSON.stringify(result))
  process.exit(0)
}

/**
 * Skewed popularity inside 20 tastes, like real catalogs: a few hits, a long tail. Yields pages
 * of 10,000 rows shaped like interaction-store.ts's query result.
 */
function* syntheticPages(items: number, visitors: number, perVisitor: number) {
  let seed = 7
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const types = ['view', 'view', 'click', 'add_to_cart', 'purchase'] as const
  let page: { id: string; visitor_id: string; item_id: string; type: string; at: number }[] = []
  for (let v = 0; v < visitors; v++) {
    const taste = v % 20
    for (let k = 0; k < perVisitor; k++) {
      const offset = Math.floor((items / 20) * random() ** 2)
      const item = (taste * Math.floor(items / 20) + offset) % items
      page.push({
        id: `e${v}-${k}`,
        visitor_id: `v${v}`,
        item_id: `i${item}`,
        type: types[k % types.length] ?? 'view',
        at: NOW - Math.floor(random() * 90 * 86_400_000),
      })
      if (page.length === 10_000) {
        yield page
        page = []
      }
    }
  }
  if (page.length > 0) yield page
}

console.log(
  '| catalog (items) | visitors | interactions | completes with a 128 MB heap | peak memory sampled (heap + typed arrays) | peak live memory (stage) | CPU time | wall time | in a Worker? |',
)
console.log('| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |')
for (const [n, size] of SIZES.entries()) {
  if (only && !only.includes(n)) continue
  process.stderr.write(
    `  … training ${size.items} items x ${size.visitors} visitors under a ${LIMIT_MB} MB heap\n`,
  )
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${LIMIT_MB}`,
      '--expose-gc',
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
      `| ${cells.join(' | ')} | ${oom ? 'no: out of memory' : `no: exit ${child.status}`} | | | | | no: use npm run train |`,
    )
    continue
  }
  const r = JSON.parse(line) as {
    peakMb: number
    liveMb: number
    liveStage: string
    seconds: number
    cpuSeconds: number
  }
  const fits = r.liveMb < LIMIT_MB && r.cpuSeconds < CPU_LIMIT_S
  const perMillion = (r.cpuSeconds / (size.visitors * size.perVisitor)) * 1e6
  console.log(
    `| ${cells.join(' | ')} | yes | ${r.peakMb.toFixed(0)} MB | ${r.liveMb.toFixed(0)} MB (${r.liveStage}) | ${r.cpuSeconds.toFixed(1)} s (${perMillion.toFixed(0)} s per million) | ${r.seconds.toFixed(1)} s | ${fits ? 'yes' : 'no: use npm run train'} |`,
  )
}
console.log(
  `\nOn this machine (${process.arch}, Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)} over 1 minute at the end); a Worker also needs room for its code and the request.`,
)
