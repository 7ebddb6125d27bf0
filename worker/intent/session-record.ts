/**
 * One session's IntentSession record from its stored events, with the public data set's names and
 * meanings: pages and seconds per kind (`Administrative` = account, cart and checkout;
 * `Informational` = content and the home page; `ProductRelated` = product and category), the
 * average bounce rate, exit rate and page value of the pages viewed (per page view, as Google
 * Analytics averages them), closeness to a gift day, month and weekend of its start (UTC), the
 * visitor type, traffic type, and the device codes; plus edgelift's own behaviour features.
 *
 * A page's seconds run to the session's next page view (the last page to the session's last
 * event, often 0, as in GA). A session with no page_view (a site on an older loader) counts its
 * product `view` events as product pages.
 */
import type { IntentSession } from './features.ts'
import { ALL_PAGES, type PageRates } from './page-stats.ts'
import type { Session, SessionEvent } from './sessions.ts'
import { specialDay, DEFAULT_SPECIAL_DAYS } from './special-days.ts'
import { trafficSource, type Utm } from './traffic-source.ts'
import { DAY_MS } from '../../shared/durations.ts'

const GROUP_OF: Record<string, 'Administrative' | 'Informational' | 'ProductRelated'> = {
  account: 'Administrative',
  cart: 'Administrative',
  checkout: 'Administrative',
  content: 'Informational',
  home: 'Informational',
  product: 'ProductRelated',
  category: 'ProductRelated',
}

/** What the session's events do not say: the visitor's past and the request's device. */
export type SessionContext = {
  pageRates: ReadonlyMap<string, PageRates>
  /** Whether the visitor has events before this session. */
  returning: boolean
  /** Orders before this session, and when the last was (null: none). */
  pastPurchases: number
  lastPurchaseAt: number | null
  /** Data set codes; NaN when unknown (stored sessions keep no user agent or location). */
  operatingSystem: number
  browser: number
  region: number
  /** The referrer to use when the session's first page names none. */
  referrer?: string | null
  calendar?: Parameters<typeof specialDay>[1]
}

/** A stored page view's `utm` column, or null when it is absent or not an object. */
export function parseUtm(text: string | null): Utm | null {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Utm) : null
  } catch {
    return null
  }
}

/** The pages of a session, with their kind: page views, or product views when it has none. */
function pagesOf(events: readonly SessionEvent[]): { event: SessionEvent; kind: string }[] {
  const views = events.filter((e) => e.type === 'page_view')
  if (views.length > 0) return views.map((event) => ({ event, kind: event.pageKind ?? 'content' }))
  return events.filter((e) => e.type === 'view').map((event) => ({ event, kind: 'product' }))
}

function average(values: number[]): number {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0
}

/**
 * The features of a session.
 *
 * @example sessionRecord(session, { pageRates, returning: true, pastPurchases: 0, ... })
 */
export function sessionRecord(session: Session, context: SessionContext): IntentSession {
  const pages = pagesOf(session.events)
  const counts = { Administrative: 0, Informational: 0, ProductRelated: 0 }
  const seconds = { Administrative: 0, Informational: 0, ProductRelated: 0 }
  pages.forEach(({ event, kind }, i) => {
    const group = GROUP_OF[kind] ?? 'Informational'
    counts[group]++
    const until = pages[i + 1]?.event.at ?? session.end
    seconds[group] += Math.max(0, until - event.at) / 1000
  })
  const fallback = context.pageRates.get(ALL_PAGES) ?? { bounceRate: 0, exitRate: 0, pageValue: 0 }
  const rates = pages.map(({ event }) => context.pageRates.get(event.path ?? '') ?? fallback)
  const first = session.events.find((e) => e.type === 'page_view')
  const traffic = trafficSource(
    first?.referrer ?? context.referrer ?? null,
    parseUtm(first?.utm ?? null),
  )
  const start = new Date(session.start)
  const items = session.events.filter((e) => e.type === 'view' && e.itemId !== null)
  return {
    Administrative: counts.Administrative,
    Administrative_Duration: seconds.Administrative,
    Informational: counts.Informational,
    Informational_Duration: seconds.Informational,
    ProductRelated: counts.ProductRelated,
    ProductRelated_Duration: seconds.ProductRelated,
    BounceRates: average(rates.map((r) => r.bounceRate)),
    ExitRates: average(rates.map((r) => r.exitRate)),
    PageValues: average(rates.map((r) => r.pageValue)),
    SpecialDay: specialDay(session.start, context.calendar ?? DEFAULT_SPECIAL_DAYS),
    Month: start.getUTCMonth() + 1,
    OperatingSystems: context.operatingSystem,
    Browser: context.browser,
    Region: context.region,
    TrafficType: traffic.trafficType,
    VisitorType: context.returning ? 'Returning_Visitor' : 'New_Visitor',
    Weekend: start.getUTCDay() === 0 || start.getUTCDay() === 6,
    AddToCarts: session.events.filter((e) => e.type === 'add_to_cart').length,
    DistinctItems: new Set(items.map((e) => e.itemId)).size,
    RecClicks: session.events.filter((e) => e.type === 'click' && e.recId !== null).length,
    PastPurchases: context.pastPurchases,
    ...(context.lastPurchaseAt !== null && {
      DaysSinceLastPurchase: (session.start - context.lastPurchaseAt) / DAY_MS,
    }),
  }
}

/**
 * The data set's `Region` code (1-9) of a Cloudflare region or country name: an opaque category,
 * the same for the same place; NaN when the request has none.
 */
export function regionCode(region: string | null): number {
  if (region === null || region.trim() === '') return Number.NaN
  let hash = 2166136261
  for (const char of region.slice(0, 128)) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619)
  return ((hash >>> 0) % 9) + 1
}
