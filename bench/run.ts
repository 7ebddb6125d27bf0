/**
 * `npm run bench`: every benchmark, each against a baseline measured in the same run, printed as
 * one table. Uses real wrangler dev servers on loopback; takes a few minutes.
 */
import { benchAssign } from './assign.ts'
import { benchBucketing } from './bucketing.ts'
import { benchEvents } from './events.ts'
import { benchResults } from './results.ts'
import { benchStats } from './stats.ts'
import { startDevServer } from './lib/dev-server.ts'
import { progress, table, type Row } from './lib/report.ts'

const rows: Row[] = []
console.error('edgelift benchmarks — this machine, this run')

rows.push(...(await benchBucketing()))
rows.push(...(await benchStats()))

progress('starting wrangler dev for the API benchmarks')
const server = await startDevServer('api', 8790)
try {
  rows.push(...(await benchAssign(server)))
  rows.push(...(await benchEvents(server)))
} finally {
  await server.stop()
}

progress('starting wrangler dev for the results benchmark')
const resultsServer = await startDevServer('results', 8791)
try {
  rows.push(...(await benchResults(resultsServer)))
} finally {
  await resultsServer.stop()
}

console.log(table(rows))
for (const row of rows) if (row.note) console.log(`- ${row.name}: ${row.note}`)
const missed = rows.filter((r) => r.target && !r.target.met)
if (missed.length > 0)
  console.log(`\n${missed.length} target(s) not met: ${missed.map((r) => r.name).join(', ')}`)
