/**
 * The sample-size calculator, `GET /v1/admin/sample-size?baseline=&mde=[&alpha=&power=&variations=]
 * [&experiment=KEY]`: the visitors a fixed-horizon test needs and, with an experiment, the days
 * its recent traffic takes to bring them.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { invalid } from '../../domain-error.ts'
import { listPhases, requireExperiment } from '../../experiments/experiment-store.ts'
import { durationAt, recentTraffic } from '../../results/recent-traffic.ts'
import { sampleSizePerVariation, validateSampleSizeParams } from '../../stats/index.ts'

export const adminSampleSizeRoute = new Hono<AppEnv>().get('/sample-size', async (c) => {
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
