// Reading a large site's sessions within one pass's budget: learning finds the visitors of the
// last two days however many come before them in id order. The budget is set small here; the
// code is the same.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { labelledSessions } from '../../worker/intent/session-features.ts'
import { createSite, type TestSite } from './support/api.ts'
import { storedEventRow } from './support/intent.ts'

const db = database(env.DB)
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * `count` visitors `prefix-i`, each viewing two pages (each with an exposure) `endedAgo` ms ago,
 * and the last buying.
 */
async function visitors(site: TestSite, prefix: string, count: number, endedAgo: number) {
  const now = Date.now()
  const statements = []
  for (let i = 0; i < count; i++) {
    const visitor = `${prefix}-${String(i).padStart(3, '0')}`
    const end = now - endedAgo - i * MINUTE
    for (const at of [end - 2 * MINUTE, end - MINUTE])
      statements.push(
        storedEventRow(site.id, visitor, at, 'page_view', { path: '/p/1', pageKind: 'product' }),
        // Events other than views count against the budget too.
        storedEventRow(site.id, visitor, at, 'exposure'),
      )
    if (i === count - 1)
      statements.push(
        storedEventRow(site.id, visitor, end, 'purchase', { revenueMinor: 5000, currency: 'USD' }),
      )
  }
  await env.DB.batch(statements)
}

describe('a site with more events than one pass reads', () => {
  it('learns from the last two days’ visitors, whoever comes first in id order', async () => {
    const site = await createSite()
    await visitors(site, 'a', 120, 5 * DAY)
    await visitors(site, 'z', 3, 2 * 60 * MINUTE)
    const now = Date.now()
    const sessions = await labelledSessions(db, site.id, now - 2 * DAY, now, { maxEvents: 40 })
    expect(sessions.map((s) => s.visitorId)).toEqual(['z-002', 'z-001', 'z-000'])
    expect(sessions.map((s) => s.bought)).toEqual([1, 0, 0])
  })
})
