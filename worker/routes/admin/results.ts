/**
 * Reading experiments: `GET /v1/admin/experiments/{key}/results|timeseries[?phase=N]` (results
 * also `&breakdown=intent|device`, see results-breakdown.ts). The sample-size calculator is
 * routes/admin/sample-size.ts.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { requireExperiment } from '../../experiments/experiment-store.ts'
import { invalid } from '../../domain-error.ts'
import { experimentResults, resolvePhase } from '../../results/experiment-results.ts'
import { resultsBreakdown } from '../../results/results-breakdown.ts'
import { loopbackAllowed } from '../../alerts/alert-settings.ts'
import { noteResults } from '../../alerts/watch.ts'
import { phaseTimeseries } from '../../results/timeseries.ts'
import { BREAKDOWNS, type Breakdown } from '../../../shared/audience.ts'

/** `?phase=N`: a phase number, or none for the current phase. */
export function phaseQuery(c: Context<AppEnv>): number | undefined {
  const raw = c.req.query('phase')
  if (raw === undefined) return undefined
  if (!/^\d{1,6}$/.test(raw)) {
    throw invalid(
      'invalid_phase',
      `phase must be a phase number such as 1, not ${raw.slice(0, 40)}.`,
    )
  }
  return Number(raw)
}

/** `?breakdown=intent|device`: the trait to split results by, or none. */
export function breakdownQuery(c: Context<AppEnv>): Breakdown | undefined {
  const raw = c.req.query('breakdown')
  if (raw === undefined) return undefined
  const known = BREAKDOWNS.find((b) => b === raw)
  if (!known) {
    throw invalid(
      'invalid_breakdown',
      `breakdown must be one of ${BREAKDOWNS.join(', ')}, not ${raw.slice(0, 40)}.`,
    )
  }
  return known
}

export const adminResultsRoute = new Hono<AppEnv>()
  .get('/experiments/:key/results', async (c) => {
    const by = breakdownQuery(c)
    const exp = await requireExperiment(c.var.db, c.var.site.id, c.req.param('key'))
    const { phase, phases } = await resolvePhase(c.var.db, c.var.site.id, exp, phaseQuery(c))
    const where = { siteId: c.var.site.id, experimentKey: exp.key, phase: phase.phase }
    const [results, breakdown] = await Promise.all([
      experimentResults(c.var.db, c.var.site, exp, phase, Date.now()),
      by && resultsBreakdown(c.var.db, where, phase.variationKeys, by),
    ])
    // Off the answer's path: a slow alert receiver never delays results.
    c.executionCtx.waitUntil(
      noteResults(c.var.db, c.var.site, results, {
        now: Date.now(),
        allowLoopback: loopbackAllowed(c.env),
      }).catch((err: unknown) => console.error('alerts: results not noted', err)),
    )
    return c.json({ ...results, phases, ...(breakdown && { breakdown }) })
  })
  .get('/experiments/:key/timeseries', async (c) => {
    const exp = await requireExperiment(c.var.db, c.var.site.id, c.req.param('key'))
    const { phase } = await resolvePhase(c.var.db, c.var.site.id, exp, phaseQuery(c))
    const days = await phaseTimeseries(
      c.var.db,
      { siteId: c.var.site.id, experimentKey: exp.key, phase: phase.phase },
      phase.variationKeys,
      c.var.site.currency,
    )
    return c.json({ experiment: exp.key, phase: phase.phase, days })
  })
