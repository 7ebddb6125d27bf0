/**
 * `npm run bench`: every benchmark, each against a baseline measured in the same run, printed as
 * one table. Uses real wrangler dev servers on loopback; takes a few minutes.
 */
import { benchAssign } from './assign.ts'
import { benchBucketing } from './bucketing.ts'
import { benchEvents } from './events.ts'
import { startDevServer } from './lib/dev-server.ts'
import { progress, table, type Row } from './lib/report.ts'

const rows: Row[] = []
console.error('edgelift benchmarks — this machine, this run')

rows.push(...(await benchBucketing()))

progress('starting wrangler dev for the API benchmarks')
const server = await startDevServer('api', 8790)
try {
  rows.push(...(await benchAssign(server)))
  rows.push(...(await benchEvents(server)))
} finally {
  await server.stop()
}

console.log(table(rows))
for (const row of rows) if (row.note) console.log(`- ${row.name}: ${row.note}`)
const missed = rows.filter((r) => r.target && !r.target.met)
if (missed.length > 0)
  console.log(`\n${missed.length} target(s) not met: ${missed.map((r) => r.name).join(', ')}`)
