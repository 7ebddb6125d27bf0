/** `GET /v1/admin/behaviour[?days=N]`: the store's funnel and the intent model's recent quality. */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { behaviourReport } from '../../behaviour/behaviour-report.ts'
import { invalid } from '../../domain-error.ts'

const DEFAULT_DAYS = 30
const MAX_DAYS = 90

function daysQuery(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DAYS
  const days = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN
  if (!(days >= 1 && days <= MAX_DAYS)) {
    throw invalid(
      'invalid_days',
      `days must be a whole number from 1 to ${MAX_DAYS}, not ${raw.slice(0, 40)}.`,
    )
  }
  return days
}

export const adminBehaviourRoute = new Hono<AppEnv>().get('/behaviour', async (c) => {
  const days = daysQuery(c.req.query('days'))
  return c.json(await behaviourReport(c.var.db, c.var.site.id, days, Date.now()))
})
