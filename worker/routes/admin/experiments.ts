/**
 * `/v1/admin/experiments...`: create, list, read, change, start, pause and stop experiments;
 * reweigh a bandit now; stop one and roll its winner out to everyone.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { EXPERIMENT_STATUSES } from '../../../shared/api-types.ts'
import type { AppEnv } from '../../app-env.ts'
import type { Experiment } from '../../experiments/experiment.ts'
import {
  recomputeExperimentConversions,
  recomputeExperimentMetrics,
} from '../../events/event-writes.ts'
import {
  createExperimentSchema,
  patchExperimentSchema,
} from '../../experiments/experiment-schema.ts'
import {
  requireExperiment,
  insertExperiment,
  listExperiments,
  listPhases,
  phasesByExperiment,
  saveChange,
} from '../../experiments/experiment-store.ts'
import {
  applyPatch,
  rollOut,
  transition,
  type LifecycleAction,
} from '../../experiments/lifecycle.ts'
import { updateBandit } from '../../experiments/bandit-update.ts'
import { KEY } from '../../../shared/identifiers.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import type { Database } from '../../db/database.ts'

const MAX_BODY_BYTES = 32 * 1024
export const statusFilter = z.enum(EXPERIMENT_STATUSES).optional()
export const rolloutBody = z.strictObject({
  variation: z.string().regex(KEY, 'must be a variation key'),
})

export const adminExperimentsRoute = new Hono<AppEnv>()
  .get('/experiments', async (c) => {
    const status = parseOr400(statusFilter, c.req.query('status'), 'status')
    const { db, site } = c.var
    // With their phases, so a list page needs no second request per experiment.
    const [list, phases] = await Promise.all([
      listExperiments(db, site.id, status),
      phasesByExperiment(db, site.id),
    ])
    return c.json({ experiments: list.map((e) => ({ ...e, phases: phases.get(e.key) ?? [] })) })
  })
  .post('/experiments', async (c) => {
    const input = parseOr400(
      createExperimentSchema,
      await readJsonBody(c.req.raw, MAX_BODY_BYTES),
      'experiment',
    )
    const now = Date.now()
    const exp: Experiment = {
      key: input.key,
      name: input.name ?? input.key,
      status: 'draft',
      phase: 0,
      variations: input.variations,
      coverage: input.coverage,
      seed: input.seed ?? null,
      goal: input.goal,
      url: input.url ?? null,
      redirect: input.redirect,
      winsorize: input.winsorize,
      metrics: input.metrics,
      audience: input.audience,
      type: input.type,
      bandit: input.bandit,
      winner: null,
      createdAt: now,
      updatedAt: now,
    }
    await insertExperiment(c.var.db, c.var.site.id, exp)
    return c.json(await withPhases(c.var.db, c.var.site.id, exp), 201)
  })
  .get('/experiments/:key', async (c) => {
    const exp = await requireExperiment(c.var.db, c.var.site.id, c.req.param('key'))
    return c.json(await withPhases(c.var.db, c.var.site.id, exp))
  })
  .patch('/experiments/:key', async (c) => {
    const { db, site } = c.var
    const exp = await requireExperiment(db, site.id, c.req.param('key'))
    const patch = parseOr400(
      patchExperimentSchema,
      await readJsonBody(c.req.raw, MAX_BODY_BYTES),
      'experiment',
    )
    const change = applyPatch(exp, patch, Date.now())
    // Results read conversions and metric state stored per assignment: a new goal or new
    // metrics recompute them.
    const changed = (field: 'goal' | 'metrics') =>
      JSON.stringify(exp[field]) !== JSON.stringify(change.next[field])
    await saveChange(db, site.id, exp, change, [
      ...(changed('goal') ? [recomputeExperimentConversions(site.id, site.currency, exp.key)] : []),
      ...(changed('metrics') ? recomputeExperimentMetrics(site.id, site.currency, exp.key) : []),
    ])
    return c.json({
      ...(await withPhases(db, site.id, change.next)),
      newPhase: change.openPhase !== undefined,
    })
  })
  .post('/experiments/:key/:action{start|pause|stop}', async (c) => {
    const exp = await requireExperiment(c.var.db, c.var.site.id, c.req.param('key'))
    const change = transition(exp, c.req.param('action') as LifecycleAction, Date.now())
    await saveChange(c.var.db, c.var.site.id, exp, change)
    return c.json(await withPhases(c.var.db, c.var.site.id, change.next))
  })

  .post('/experiments/:key/reweigh', async (c) => {
    const exp = await requireExperiment(c.var.db, c.var.site.id, c.req.param('key'))
    return c.json(await updateBandit(c.var.db, c.var.site.id, exp, Date.now()))
  })
  .post('/experiments/:key/rollout', async (c) => {
    const { db, site } = c.var
    const exp = await requireExperiment(db, site.id, c.req.param('key'))
    const { variation } = parseOr400(
      rolloutBody,
      await readJsonBody(c.req.raw, MAX_BODY_BYTES),
      'rollout',
    )
    const change = rollOut(exp, variation, Date.now())
    await saveChange(db, site.id, exp, change)
    return c.json(await withPhases(db, site.id, change.next))
  })

async function withPhases(db: Database, siteId: string, exp: Experiment) {
  return { ...exp, phases: await listPhases(db, siteId, exp.key) }
}
