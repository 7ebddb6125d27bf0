/**
 * Reading experiments: `GET /v1/admin/experiments/{key}/results|timeseries[?phase=N]` and the
 * sample-size calculator `GET /v1/admin/sample-size[?experiment=KEY]` (with an experiment, also
 * the days its recent traffic takes to bring the visitors).
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { listPhases, requireExperiment } from '../../experiments/experiment-store.ts'
import { invalid } from '../../domain-error.ts'
import { experimentResults, resolvePhase } from '../../results/experiment-results.ts'
import { loopbackAllowed } from '../../alerts/alert-settings.ts'
import { noteResults } from '../../alerts/watch.ts'
import { durationAt, recentTraffic } from '../../results/recent-traffic.ts'
import { phaseTimeseries } from '../../results/timeseries.ts'
import { sampleSizePerVariation, validateSampleSizeParams } from '../../stats/index.ts'

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

export const adminResultsRoute = new Hono<AppEnv>()
  .get('/experiments/:key/results', async (c) => {
    const exp = await requireExperiment(c.var.db, c.var.site.id, c.req.param('key'))
    const { phase, phases } = await resolvePhase(c.var.db, c.var.site.id, exp, phaseQuery(c))
    const results = await experimentResults(c.var.db, c.var.site, exp, phase, Date.now())
    // Off the answer's path: a slow alert receiver never delays results.
    c.executionCtx.waitUntil(
      noteResults(c.var.db, c.var.site, results, {
        now: Date.now(),
        allowLoopback: loopbackAllowed(c.env),
      }).catch((err: unknown) => console.error('alerts: results not noted', err)),
    )
    return c.json({ ...results, phases })
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
  .get('/sample-size', async (c) => {
    const number = (name: string) => {
      const raw = c.req.query(name)
      return raw === undefined || raw === '' ? undefined : Number(raw)
    }
    const baseline = number('baseline')
    const mde = number('mde')
    if (baseline === undefined)
      throw invalid(
        'invalid_baseline',
        'baseline: give the control conversion rate, e.g. baseline=0.05.',
      )
    if (mde === undefined)
      throw invalid('invalid_mde', 'mde: give the relative lift to detect, e.g. mde=0.1 for +10%.')
    const checked = validateSampleSizeParams({
      baselineRate: baseline,
      minimumDetectableEffect: mde,
      alpha: number('alpha'),
      power: number('power'),
      variations: number('variations'),
    })
    if (!checked.ok) {
      const [issue] = checked.issues
      const name = issue ? QUERY_NAMES[issue.parameter] : 'parameters'
      throw invalid(`invalid_${name}`, `${name}: ${issue?.message ?? 'out of range'}.`)
    }
    const experimentKey = c.req.query('experiment')
    const exp =
      experimentKey === undefined
        ? null
        : await requireExperiment(c.var.db, c.var.site.id, experimentKey)
    const perVariation = sampleSizePerVariation(checked.params)
    const totalVisitors = perVariation * checked.params.variations
    const answer = { ...checked.params, visitorsPerVariation: perVariation, totalVisitors }
    if (!exp) return c.json(answer)
    const phases = await listPhases(c.var.db, c.var.site.id, exp.key)
    const current = phases.find((p) => p.phase === exp.phase)
    const now = Date.now()
    const traffic = await recentTraffic(
      c.var.db,
      {
        siteId: c.var.site.id,
        experimentKey: exp.key,
        phase: exp.phase,
        phaseStartedAt: current?.startedAt ?? now,
      },
      now,
    )
    return c.json({ ...answer, experiment: exp.key, duration: durationAt(traffic, totalVisitors) })
  })

const QUERY_NAMES = {
  baselineRate: 'baseline',
  minimumDetectableEffect: 'mde',
  alpha: 'alpha',
  power: 'power',
  variations: 'variations',
} as const
