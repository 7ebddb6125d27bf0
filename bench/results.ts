/**
 * The results route for an experiment with 1,000,000 assignment rows in local D1 and five other
 * metrics (about 1,000,000 metric rows more: 30% add to cart, 5% buyers for two revenue metrics,
 * 60% engaged for bounce, 1% refunds), against a bare `GROUP BY variation` over the assignment
 * rows, same wrangler dev, same run.
 */
import { adminHeaders, startExperiment } from './lib/admin.ts'
import type { DevServer } from './lib/dev-server.ts'
import { median, progress, type Row } from './lib/report.ts'
import { ONE_OF_EACH_KIND } from '../test/fixtures/metric-definitions.ts'

const ROWS = Number(process.env.BENCH_RESULTS_ROWS ?? 1_000_000)
const SAMPLES = 15

async function medianMs(url: string, headers: Record<string, string> = {}): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < SAMPLES + 2; i++) {
    const start = performance.now()
    const res = await fetch(url, { headers })
    if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`)
    await res.arrayBuffer()
    if (i >= 2) times.push(performance.now() - start) // the first two warm the isolate's caches
  }
  return median(times)
}

/** The experiment the rows belong to, created and started through the running server. */
export async function createMillionExperiment(server: DevServer): Promise<void> {
  await startExperiment(server, {
    key: 'million',
    variations: [
      { key: 'a', weight: 0.34 },
      { key: 'b', weight: 0.33 },
      { key: 'c', weight: 0.33 },
    ],
    winsorize: 0.99,
    metrics: ONE_OF_EACH_KIND,
  })
}

/**
 * The rows, written straight into the local D1 file while no server has it open: a wrangler dev
 * holding the file open while a million rows go in stops answering.
 */
export function writeMillionRows(server: DevServer): void {
  progress(`results: writing ${ROWS.toLocaleString('en-US')} assignment rows into local D1`)
  // Rows are generated inside SQLite: 5% convert, with revenue for converters.
  server.sql(`INSERT INTO assignments (site_id, experiment_key, phase, visitor_id, variation, exposed_at, converted_at, conversions, revenue_minor)
    WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < ${ROWS - 1})
    SELECT '${server.site.siteId}', 'million', 1, 'v' || x, x % 3, 1767225600000 + x * 1000,
      CASE WHEN (x * 7919) % 100 < 5 THEN 1767225600000 + x * 1000 + 60000 END,
      CASE WHEN (x * 7919) % 100 < 5 THEN 1 ELSE 0 END,
      CASE WHEN (x * 7919) % 100 < 5 THEN 1000 + (x * 104729) % 20000 ELSE 0 END
    FROM n`)
  progress('results: writing the metric rows of the same visitors')
  const metricRows = (metric: string, share: string, value: string, events: string) =>
    server.sql(`INSERT INTO assignment_metrics (site_id, experiment_key, phase, metric, visitor_id,
        variation, value, events)
      WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < ${ROWS - 1})
      SELECT '${server.site.siteId}', 'million', 1, '${metric}', 'v' || x, x % 3, ${value}, ${events}
      FROM n WHERE ${share}`)
  const buyer = '(x * 7919) % 100 < 5'
  const revenue = '1000 + (x * 104729) % 20000'
  metricRows('atc', '(x * 104723) % 100 < 30', '1 + x % 2', '1 + x % 2')
  metricRows('rpv', buyer, revenue, '1')
  metricRows('aov', buyer, revenue, '1')
  metricRows('bounce', '(x * 15485863) % 100 < 60', '1', '2')
  metricRows('refunds', '(x * 32452843) % 100 < 1', '1', '1')
}

/** The results route against the bare GROUP BY, on a server started on the written rows. */
export async function timeResults(server: DevServer): Promise<Row[]> {
  const headers = adminHeaders(server)
  progress(`results: ${SAMPLES} timed requests each`)
  const bare = await medianMs(`${server.url}/v1/_bench/group-by/${server.site.siteId}/million`)
  const results = await medianMs(`${server.url}/v1/admin/experiments/million/results`, headers)
  return [
    {
      name: 'results route, 1,000,000 assignments (winsorized), 5 metrics',
      value: results,
      unit: 'ms',
      baseline: { name: 'bare GROUP BY variation', value: bare },
      ratio: results / bare,
      target: { text: '<= 2x', met: results / bare <= 2 },
    },
  ]
}
