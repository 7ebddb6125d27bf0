/**
 * Is data arriving? For the site and each started experiment: when the last exposure and the last
 * purchase were received, and warnings for the ways a first install silently collects nothing:
 * pages without variation markup (no exposures), a store whose origin the site refuses, a missing
 * purchase snippet (exposures but no purchases), purchases in another currency; and, for the
 * site only, alerts that do not reach their receiver.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import type {
  ExperimentHealth,
  HealthWarning,
  Refusal,
  SiteHealth,
} from '../../shared/admin-types.ts'
import { MAX_ATTEMPTS } from '../alerts/deliver-alerts.ts'
import { siteRefusals } from './refusals.ts'
import { MINUTE_MS } from '../../shared/durations.ts'

/** A running experiment whose pages get visitors shows an exposure within minutes. */
export const NO_EXPOSURES_AFTER_MS = 30 * MINUTE_MS
/** A day with exposures and not one purchase by an exposed visitor: the snippet is missing. */
export const NO_PURCHASES_AFTER_MS = 24 * 60 * MINUTE_MS
/** Refusals this recent are news; older ones were fixed or are noise. */
export const RECENT_REFUSALS_MS = 24 * 60 * MINUTE_MS

/** Undelivered alerts this recent are news; older ones were given up on long ago. */
export const RECENT_ALERTS_MS = 7 * 24 * 60 * MINUTE_MS

export async function siteHealth(
  db: Database,
  site: { id: string; currency: string },
  now: number,
): Promise<SiteHealth> {
  const [latest] = await db.all<{ exposure: number | null; purchase: number | null }>(sql`
    SELECT
      (SELECT max(at) FROM events WHERE site_id = ${site.id} AND type = 'exposure') AS exposure,
      (SELECT max(at) FROM events WHERE site_id = ${site.id} AND type = 'purchase'
        AND at <= ${now}) AS purchase`)
  const refusals = await siteRefusals(db, site.id)
  const warnings = refusalWarnings(refusals, site.currency, now)
  const started = await db.all<{ key: string; status: string; phase: number; started_at: number }>(
    sql`SELECT x.key, x.status, x.phase, p.started_at FROM experiments x
      JOIN experiment_phases p
        ON p.site_id = x.site_id AND p.experiment_key = x.key AND p.phase = x.phase
      WHERE x.site_id = ${site.id} AND x.status IN ('running', 'paused') ORDER BY x.key`,
  )
  const experiments: ExperimentHealth[] = []
  for (const exp of started) {
    const { lastExposureAt, lastPurchaseAt } = await experimentLatest(db, site.id, exp)
    const health = {
      key: exp.key,
      status: exp.status,
      startedAt: exp.started_at,
      lastExposureAt,
      lastPurchaseAt,
    }
    experiments.push({
      ...health,
      warnings: exp.status === 'running' ? [...experimentWarnings(health, now), ...warnings] : [],
    })
  }
  return {
    now,
    lastExposureAt: latest?.exposure ?? null,
    lastPurchaseAt: latest?.purchase ?? null,
    refusals,
    warnings: [...warnings, ...(await alertWarnings(db, site.id, now))],
    experiments,
  }
}

/**
 * One warning per receiver still configured whose recent alerts failed and are not delivered: a
 * receiver replaced by a corrected address stops warning at once.
 */
async function alertWarnings(db: Database, siteId: string, now: number): Promise<HealthWarning[]> {
  const rows = await db.all<{
    url: string
    undelivered: number
    abandoned: number
    last_error: string
  }>(sql`
    SELECT url, count(*) AS undelivered, sum(attempts >= ${MAX_ATTEMPTS}) AS abandoned,
      (SELECT d.last_error FROM alert_deliveries d WHERE d.site_id = ${siteId} AND d.url = a.url
        AND d.delivered_at IS NULL AND d.last_error IS NOT NULL
        ORDER BY d.created_at DESC LIMIT 1) AS last_error
    FROM alert_deliveries a
    WHERE site_id = ${siteId} AND delivered_at IS NULL AND last_error IS NOT NULL
      AND created_at >= ${now - RECENT_ALERTS_MS}
      AND url IN (SELECT json_extract(r.value, '$.url')
        FROM sites s, json_each(s.alerts) r WHERE s.id = ${siteId})
    GROUP BY url ORDER BY url`)
  return rows.map((r) => ({
    code: 'alerts_failing',
    message: `Alerts to ${r.url} are not getting through (${r.undelivered} undelivered${r.abandoned > 0 ? `, ${r.abandoned} given up after ${MAX_ATTEMPTS} tries` : ''}; the last error: ${r.last_error}): check the receiver's address in PUT /v1/admin/site/alerts.`,
  }))
}

/**
 * The latest exposure of the phase, and the latest purchase by one of its exposed visitors. Both
 * walk the (site, type, at) index from the newest row and stop at the first that qualifies.
 */
async function experimentLatest(
  db: Database,
  siteId: string,
  exp: { key: string; phase: number; started_at: number },
): Promise<{ lastExposureAt: number | null; lastPurchaseAt: number | null }> {
  const [exposure] = await db.all<{ at: number }>(sql`
    SELECT at FROM events
    WHERE site_id = ${siteId} AND type = 'exposure' AND at >= ${exp.started_at}
      AND experiment = ${exp.key} AND phase = ${exp.phase}
    ORDER BY at DESC LIMIT 1`)
  if (!exposure) return { lastExposureAt: null, lastPurchaseAt: null }
  const [purchase] = await db.all<{ at: number }>(sql`
    SELECT e.at FROM events e
    WHERE e.site_id = ${siteId} AND e.type = 'purchase' AND e.at >= ${exp.started_at}
      AND EXISTS (SELECT 1 FROM assignments a
        WHERE a.site_id = e.site_id AND a.experiment_key = ${exp.key} AND a.phase = ${exp.phase}
          AND a.visitor_id = e.visitor_id AND a.exposed_at <= e.at)
    ORDER BY e.at DESC LIMIT 1`)
  return { lastExposureAt: exposure.at, lastPurchaseAt: purchase?.at ?? null }
}

function experimentWarnings(
  exp: Omit<ExperimentHealth, 'warnings' | 'status'>,
  now: number,
): HealthWarning[] {
  const running = now - exp.startedAt
  if (exp.lastExposureAt === null && running >= NO_EXPOSURES_AFTER_MS) {
    return [
      {
        code: 'no_exposures',
        message: `Running for ${minutes(running)} and no visitor has been exposed: check that the pages mark each variation with data-edgelift-experiment="${exp.key}" and data-edgelift-variation="…" (keys as in the experiment), that the widget tag is on them, and that its URL pattern matches them.`,
      },
    ]
  }
  if (exp.lastExposureAt !== null && exp.lastPurchaseAt === null) {
    if (running >= NO_PURCHASES_AFTER_MS) {
      return [
        {
          code: 'no_purchases',
          message: `Visitors are exposed, but none of them has bought anything in ${minutes(running)}: check that the order confirmation page sends the purchase (edgelift.push(['track', 'purchase', …])).`,
        },
      ]
    }
  }
  return []
}

function refusalWarnings(refusals: Refusal[], currency: string, now: number): HealthWarning[] {
  return refusals
    .filter((r) => now - r.lastAt <= RECENT_REFUSALS_MS)
    .map((r) => {
      const tally = `${r.count} so far, the last ${minutes(now - r.lastAt)} ago`
      const message = {
        origin_not_allowed: `Requests from ${r.lastDetail ?? 'an origin'} are refused (${tally}) because it is not an allowed origin: if it is your store, add it in Settings, or its events are lost.`,
        currency_mismatch: `Events with amounts in ${r.lastDetail ?? 'another currency'} are refused (${tally}): this site reports revenue in ${currency}, so send amounts in ${currency}.`,
        invalid_event: `Events your pages send are refused as invalid (${tally}; the last: ${r.lastDetail ?? 'no detail'}): fix what sends them, or they are lost.`,
      }[r.code]
      return { code: r.code, message }
    })
}

/** `3 minutes`, `1 minute`, `2 hours` */
function minutes(ms: number): string {
  const m = Math.floor(ms / MINUTE_MS)
  if (m < 120) return `${m} minute${m === 1 ? '' : 's'}`
  const h = Math.floor(m / 60)
  return h < 48 ? `${h} hours` : `${Math.floor(h / 24)} days`
}
