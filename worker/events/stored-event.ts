/**
 * From a validated event to the row that is stored: server receive time beside the client's clock,
 * money in minor units, and for exposures the phase and variation the edge assigns.
 */
import { toMinorUnits } from '../../shared/currencies.ts'
import type { EventInput } from './event-schema.ts'
import { DAY_MS } from '../../shared/durations.ts'

/** A client clock further than this from the server's is flagged; analysis uses server time anyway. */
const MAX_CLOCK_LAG_MS = DAY_MS
const MAX_CLOCK_LEAD_MS = 10 * 60 * 1000

export type StoredEvent = {
  id: string
  type: string
  visitorId: string
  visitorHash: string
  clientTs: number | null
  at: number
  clockSkewed: boolean
  experiment: string | null
  phase: number | null
  variation: number | null
  itemId: string | null
  items: string | null
  revenueMinor: number | null
  currency: string | null
  orderId: string | null
  name: string | null
  recId: string | null
  props: string | null
  path: string | null
  title: string | null
  pageKind: string | null
  referrer: string | null
  utm: string | null
}

/** How an event's analysis time is chosen: live traffic trusts the server, backfills the event. */
export type TimeSource = 'server' | 'event'

export function toStoredEvent(
  event: EventInput,
  context: {
    now: number
    timeSource: TimeSource
    siteCurrency: string
    visitorHash: string
    assignment?: { phase: number; variation: number }
  },
): StoredEvent {
  const { now } = context
  const clientTs = event.ts ?? null
  const clockSkewed =
    clientTs !== null && (clientTs < now - MAX_CLOCK_LAG_MS || clientTs > now + MAX_CLOCK_LEAD_MS)
  const currency = event.currency ?? (event.revenue !== undefined ? context.siteCurrency : null)
  return {
    id: event.id,
    type: event.type,
    visitorId: event.visitorId,
    visitorHash: context.visitorHash,
    clientTs,
    at: context.timeSource === 'event' && clientTs !== null ? clientTs : now,
    clockSkewed: context.timeSource === 'server' && clockSkewed,
    experiment: event.experiment ?? null,
    phase: context.assignment?.phase ?? null,
    variation: context.assignment?.variation ?? null,
    itemId: event.itemId ?? null,
    items: event.items ? JSON.stringify(event.items) : null,
    revenueMinor:
      event.revenue !== undefined && currency !== null
        ? toMinorUnits(event.revenue, currency)
        : null,
    currency,
    orderId: event.orderId ?? null,
    name: event.name ?? null,
    recId: event.recId ?? null,
    props: event.props ? JSON.stringify(event.props) : null,
    ...pageFields(event),
  }
}

/** A page view's own fields; other events have none. An unnamed kind is `content`. */
function pageFields(event: EventInput) {
  const page = event.type === 'page_view'
  const utm = page && event.utm && Object.keys(event.utm).length > 0 ? event.utm : null
  return {
    path: page ? (event.path ?? null) : null,
    title: page ? (event.title ?? null) : null,
    pageKind: page ? (event.pageKind ?? 'content') : null,
    referrer: page && event.referrer ? event.referrer : null,
    utm: utm && JSON.stringify(utm),
  }
}
