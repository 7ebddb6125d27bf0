/**
 * Each page's history as Google Analytics reports it, for the `BounceRates`, `ExitRates` and
 * `PageValues` features: a small table (`page_stats`) refreshed from the site's recent sessions
 * by `refreshPageStats`, for the scheduled handler to call, read with the visitor's events when
 * serving (open-session-read.ts) and by `readPageStats` for training. GA's definitions: a page's
 * bounce rate is the share of sessions entering on it that viewed only it and did nothing else;
 * its exit rate the share of its views that were the session's last; its page value the revenue
 * of sessions that bought after viewing it, over its unique views (sessions that viewed it). The
 * refresh is bounded: it reads at most MAX_READ_EVENTS events of the last STATS_WINDOW_MS and
 * keeps the MAX_PATHS most viewed pages.
 */
import { sql } from 'drizzle-orm'
import { toMajorUnits } from '../../shared/currencies.ts'
import { batch, type Database, type Statement } from '../db/database.ts'
import { splitSessions, visitorsEvents, type Session } from './sessions.ts'
import { DAY_MS } from '../../shared/durations.ts'

export const STATS_WINDOW_MS = 90 * DAY_MS
export const MAX_PATHS = 5000
/** The row of the site's pages taken together: stands in for a page with no history. */
export const ALL_PAGES = '*'

const WRITE_CHUNK = 1000
/**
 * Interactions that make a one-page session not a bounce. Custom events are not among them: the
 * widget's own `rec_impression` is one, and GA too leaves non-interaction events out.
 */
const INTERACTIONS = new Set(['add_to_cart', 'click', 'purchase'])

/** A page's counts as `page_stats` stores them. */
export type PageCounts = {
  views: number
  uniqueViews: number
  entrances: number
  bounces: number
  exits: number
  valueMinor: number
}

export type PageRates = { bounceRate: number; exitRate: number; pageValue: number }

function emptyCounts(): PageCounts {
  return { views: 0, uniqueViews: 0, entrances: 0, bounces: 0, exits: 0, valueMinor: 0 }
}

/** Adds one session's pages to the counts per path. */
export function countSession(session: Session, counts: Map<string, PageCounts>): void {
  const pages = session.events.filter((e) => e.type === 'page_view' && e.path !== null)
  const first = pages[0]
  const last = pages.at(-1)
  if (!first || !last) return
  const at = (path: string) => counts.get(path) ?? counts.set(path, emptyCounts()).get(path)
  const purchases = session.events.filter((e) => e.type === 'purchase')
  const revenue = purchases.reduce((sum, e) => sum + (e.revenueMinor ?? 0), 0)
  const lastPurchase = purchases.at(-1)?.at ?? -Infinity
  const seen = new Set<string>()
  for (const page of pages) {
    const path = page.path ?? ''
    const row = at(path)
    if (!row) continue
    row.views++
    if (seen.has(path)) continue
    seen.add(path)
    row.uniqueViews++
    if (page.at <= lastPurchase) row.valueMinor += revenue
  }
  const entry = at(first.path ?? '')
  const exit = at(last.path ?? '')
  if (entry) {
    entry.entrances++
    if (pages.length === 1 && !session.events.some((e) => INTERACTIONS.has(e.type))) entry.bounces++
  }
  if (exit) exit.exits++
}

/** GA's rates of a page from its counts, money in major units of the site's currency. */
export function ratesOf(c: PageCounts, currency: string): PageRates {
  return {
    bounceRate: c.entrances > 0 ? c.bounces / c.entrances : 0,
    exitRate: c.views > 0 ? c.exits / c.views : 0,
    pageValue: c.uniqueViews > 0 ? toMajorUnits(c.valueMinor, currency) / c.uniqueViews : 0,
  }
}

/**
 * Recomputes the site's page statistics from its sessions of the last 90 days, in one batch
 * (readers see the old table or the new one). Answers how many pages it wrote.
 */
export async function refreshPageStats(
  db: Database,
  siteId: string,
  now: number,
): Promise<{ pages: number }> {
  const counts = new Map<string, PageCounts>()
  for await (const { events } of visitorsEvents(db, siteId, now - STATS_WINDOW_MS, now))
    for (const session of splitSessions(events)) countSession(session, counts)
  const all = emptyCounts()
  for (const c of counts.values())
    for (const key of Object.keys(all) as (keyof PageCounts)[]) all[key] += c[key]
  const kept = [...counts].sort((a, b) => b[1].views - a[1].views).slice(0, MAX_PATHS)
  if (all.views > 0) kept.push([ALL_PAGES, all])
  const rows = kept.map(([path, c]) => ({ path, ...c }))
  const statements: Statement[] = [sql`DELETE FROM page_stats WHERE site_id = ${siteId}`]
  for (let i = 0; i < rows.length; i += WRITE_CHUNK)
    statements.push(sql`
      INSERT INTO page_stats (site_id, path, views, unique_views, entrances, bounces, exits,
        value_minor, refreshed_at)
      SELECT ${siteId}, r.value ->> 'path', r.value ->> 'views', r.value ->> 'uniqueViews',
        r.value ->> 'entrances', r.value ->> 'bounces', r.value ->> 'exits',
        r.value ->> 'valueMinor', ${now}
      FROM json_each(${JSON.stringify(rows.slice(i, i + WRITE_CHUNK))}) AS r`)
  await batch(db, statements)
  return { pages: rows.length }
}

/**
 * The rates of these paths (every stored path when `paths` is null) and of the site's pages
 * taken together (under ALL_PAGES), page values in the site's currency.
 */
export async function readPageStats(
  db: Database,
  siteId: string,
  paths: readonly string[] | null,
): Promise<Map<string, PageRates>> {
  const wanted =
    paths === null
      ? sql``
      : sql`AND p.path IN (SELECT value FROM json_each(${JSON.stringify([ALL_PAGES, ...new Set(paths)])}))`
  const rows = await db.all<PageCounts & { path: string; currency: string }>(sql`
    SELECT p.path, p.views, p.unique_views AS uniqueViews, p.entrances, p.bounces, p.exits,
      p.value_minor AS valueMinor, s.currency
    FROM page_stats p JOIN sites s ON s.id = p.site_id
    WHERE p.site_id = ${siteId} ${wanted}`)
  return new Map(rows.map((r) => [r.path, ratesOf(r, r.currency)]))
}
