/**
 * CSV downloads of an experiment (`?phase=N` as for results, else the current phase):
 * `GET /v1/admin/experiments/{key}/results.csv[?breakdown=intent|device]`, the results table
 * (and, with a breakdown, its rows per cell), and
 * `GET /v1/admin/experiments/{key}/visitors.csv`, every visitor with their variation, first
 * exposure, conversion and revenue, streamed page by page (exports/visitors-csv.ts).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { requireExperiment } from '../../experiments/experiment-store.ts'
import { csvHeaders } from '../../exports/csv-cells.ts'
import { resultsCsv } from '../../exports/results-csv.ts'
import { visitorsCsv } from '../../exports/visitors-csv.ts'
import { experimentResults, resolvePhase } from '../../results/experiment-results.ts'
import { resultsBreakdown } from '../../results/results-breakdown.ts'
import { breakdownQuery, phaseQuery } from './results.ts'

export const adminExportsRoute = new Hono<AppEnv>()
  .get('/experiments/:key/results.csv', async (c) => {
    const { db, site } = c.var
    const exp = await requireExperiment(db, site.id, c.req.param('key'))
    const { phase } = await resolvePhase(db, site.id, exp, phaseQuery(c))
    const by = breakdownQuery(c)
    const where = { siteId: site.id, experimentKey: exp.key, phase: phase.phase }
    const [results, breakdown] = await Promise.all([
      experimentResults(db, site, exp, phase, Date.now()),
      by && resultsBreakdown(db, where, phase.variationKeys, by),
    ])
    const names = Object.fromEntries(exp.variations.map((v) => [v.key, v.name]))
    return c.body(resultsCsv(results, names, breakdown), 200, {
      ...csvHeaders(`${exp.key}-phase-${phase.phase}-results.csv`),
    })
  })
  .get('/experiments/:key/visitors.csv', async (c) => {
    const { db, site } = c.var
    const exp = await requireExperiment(db, site.id, c.req.param('key'))
    const { phase } = await resolvePhase(db, site.id, exp, phaseQuery(c))
    const where = { siteId: site.id, experimentKey: exp.key, phase: phase.phase }
    return c.body(visitorsCsv(db, where, phase.variationKeys, site.currency), 200, {
      ...csvHeaders(`${exp.key}-phase-${phase.phase}-visitors.csv`),
    })
  })
