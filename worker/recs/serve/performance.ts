/**
 * How recommendations perform, per slot, over the last 30 days: impressions (the widget's
 * `rec_impression` events), clicks carrying a recId, and the add-to-carts and revenue attributed
 * to a list — an event that names its recId, or else the visitor's latest recommendation click in
 * the 30 minutes before it. A list's slot is the prefix of its recId (`similar-…`).
 */
import { sql } from 'drizzle-orm'
import { minorUnitExponent } from '../../../shared/currencies.ts'
import type { Database } from '../../db/database.ts'
import { catalogSize } from '../../catalog/catalog-store.ts'
import { activeVersion } from './model-cache.ts'
import { SLOTS } from './recommend.ts'
import type { SlotPerformance } from '../../../shared/api-types.ts'
import type { RecsPerformance } from '../../../shared/admin-types.ts'
import { DAY_MS } from '../../../shared/durations.ts'

export const ATTRIBUTION_WINDOW_MS = 30 * 60_000
const PERIOD_MS = 30 * DAY_MS

export async function recsPerformance(
  db: Database,
  siteId: string,
  now: number,
  currency = 'USD',
): Promise<RecsPerformance> {
  const since = now - PERIOD_MS
  const slotOf = (column: string) => sql.raw(`substr(${column}, 1, instr(${column}, '-') - 1)`)
  const counts = await db.all<{ slot: string; type: string; n: number }>(sql`
    SELECT ${slotOf('rec_id')} AS slot, type, count(*) AS n FROM events
    WHERE site_id = ${siteId} AND rec_id IS NOT NULL AND at > ${since}
      AND (type = 'click' OR (type = 'custom' AND name = 'rec_impression'))
    GROUP BY slot, type`)
  const attributed = await db.all<{
    slot: string | null
    type: string
    n: number
    revenue: number
  }>(sql`
    SELECT coalesce(${slotOf('e.rec_id')}, (
        SELECT ${slotOf('c.rec_id')} FROM events c
        WHERE c.site_id = e.site_id AND c.visitor_id = e.visitor_id AND c.type = 'click'
          AND c.rec_id IS NOT NULL AND c.at <= e.at AND c.at >= e.at - ${ATTRIBUTION_WINDOW_MS}
        ORDER BY c.at DESC LIMIT 1)) AS slot,
      e.type, count(*) AS n,
      -- Minor units of other currencies are not the site's: they count as orders, not money.
      total(CASE WHEN coalesce(e.currency, ${currency}) = ${currency} THEN e.revenue_minor END)
        AS revenue
    FROM events e
    WHERE e.site_id = ${siteId} AND e.type IN ('add_to_cart', 'purchase') AND e.at > ${since}
    GROUP BY slot, e.type`)
  const unit = 10 ** minorUnitExponent(currency)
  const slots: SlotPerformance[] = SLOTS.map((slot) => {
    const count = (type: string) => counts.find((r) => r.slot === slot && r.type === type)?.n ?? 0
    const impressions = count('custom')
    const clicks = count('click')
    const carts = attributed.find((r) => r.slot === slot && r.type === 'add_to_cart')
    const purchases = attributed.find((r) => r.slot === slot && r.type === 'purchase')
    return {
      slot,
      impressions,
      clicks,
      ctr: impressions > 0 ? clicks / impressions : null,
      addToCarts: carts?.n ?? 0,
      revenue: (purchases?.revenue ?? 0) / unit,
    }
  })
  const version = await activeVersion(db, siteId)
  const [covered] = version
    ? await db.all<{ n: number }>(sql`
        SELECT count(DISTINCT j.value ->> 0) AS n FROM rec_lists r, json_each(r.items) j
        WHERE r.site_id = ${siteId} AND r.version = ${version}`)
    : []
  const catalog = await catalogSize(db, siteId)
  return {
    windowMinutes: ATTRIBUTION_WINDOW_MS / 60_000,
    periodDays: PERIOD_MS / DAY_MS,
    catalog,
    coverage: catalog.items > 0 && covered ? Math.min(1, covered.n / catalog.items) : null,
    slots,
  }
}
