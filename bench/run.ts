/**
 * `npm run bench [-- --only a,b]`: every benchmark, each against a baseline measured in the same
 * run, printed as one table (Markdown, so it can be pasted into the README). API figures come
 * from real `wrangler dev` servers on loopback; browser figures from headless Chromium. Takes a
 * few minutes. Sections: bucketing, stats, api, results, recs, recs-train, ui, proxy, intent, intent-assign.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { buildFrontEnds } from '../scripts/lib/build-front-ends.ts'
import { seedDemo } from '../scripts/lib/demo-seed.ts'
import { benchAssign } from './assign.ts'
import { benchBucketing } from './bucketing.ts'
import { benchDashboard } from './dashboard.ts'
import { benchEvents } from './events.ts'
import { benchIntent } from './intent.ts'
import { benchIntentAssign } from './intent-assign.ts'
import { startDevServer } from './lib/dev-server.ts'
import { progress, table, type Row } from './lib/report.ts'
import { benchProxy } from './proxy.ts'
import { benchRecs } from './recs.ts'
import { benchRecsServing } from './recs-serving.ts'
import { createMillionExperiment, timeResults, writeMillionRows } from './results.ts'
import { benchStats } from './stats.ts'
import { benchWidget } from './widget.ts'

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  bucketing: benchBucketing,
  stats: benchStats,
  async api() {
    const server = await startDevServer('api', 8790)
    try {
      return [...(await benchAssign(server)), ...(await benchEvents(server))]
    } finally {
      await server.stop()
    }
  },
  async results() {
    const seeding = await startDevServer('results', 8791)
    try {
      await createMillionExperiment(seeding)
    } finally {
      await seeding.stop()
    }
    writeMillionRows(seeding)
    const server = await startDevServer('results', 8791, { reuse: seeding.site })
    try {
      return await timeResults(server)
    } finally {
      await server.stop()
    }
  },
  recs: benchRecsServing,
  'recs-train': benchRecs,
  async ui() {
    const server = await startDevServer('ui', 8795, { demo: true, vars: { DEMO: 'on' } })
    try {
      await seedDemo(server.url, progress)
      progress('ui: simulating 600 visitors so the results page has figures')
      spawnSync(
        process.execPath,
        [
          '--experimental-strip-types',
          'scripts/simulate.ts',
          '--api',
          server.url,
          '--visitors',
          '600',
          '--baseline',
          '0.2',
          '--lift',
          '0.2',
        ],
        { stdio: 'ignore' },
      )
      return [...(await benchWidget(server.url)), ...(await benchDashboard(server.url))]
    } finally {
      await server.stop()
    }
  },
  proxy: benchProxy,
  intent: benchIntent,
  'intent-assign': benchIntentAssign,
}

function chosen(): string[] {
  const { values } = parseArgs({ options: { only: { type: 'string' } } })
  const names = values.only ? values.only.split(',') : Object.keys(SECTIONS)
  const unknown = names.filter((n) => !(n in SECTIONS))
  if (unknown.length) {
    console.error(
      `Unknown section(s): ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}.`,
    )
    process.exit(2)
  }
  return names
}

const names = chosen()
console.error(`edgelift benchmarks — this machine, this run (${names.join(', ')})`)
// Every dev server serves public/, which a fresh clone does not have yet.
progress('building the widget and the dashboard')
buildFrontEnds({ quiet: true })
const rows: Row[] = []
mkdirSync('artifacts', { recursive: true })
for (const name of names) {
  progress(`section ${name}`)
  const run = SECTIONS[name]
  if (!run) continue
  const sectionRows = await run()
  rows.push(...sectionRows)
  // Each section's figures as soon as they exist, so a later failure loses nothing.
  process.stderr.write(`${table(sectionRows)}\n`)
  writeFileSync('artifacts/bench-results.json', JSON.stringify(rows, null, 2))
}

console.log(table(rows))
for (const row of rows) if (row.note) console.log(`- ${row.name}: ${row.note}`)
const missed = rows.filter((r) => r.target && !r.target.met)
if (missed.length > 0)
  console.log(`\n${missed.length} target(s) not met: ${missed.map((r) => r.name).join('; ')}`)
