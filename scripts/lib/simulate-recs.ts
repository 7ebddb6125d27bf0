/**
 * The recommendations side of `npm run simulate`: each visitor is shown a list as the widget
 * would show it — the viewed product's `similar` slot, their `personal` slot, or `trending` — and
 * reports the impression the widget reports (`rec_impression` with the list's recId); some click
 * one of its products (a `click` carrying the recId, then a view of it), and a visitor who buys
 * after clicking buys what they clicked. The dashboard's recommendations page then shows
 * impressions, clicks and attributed revenue per slot after `npm start` and one simulation.
 *
 * It draws from its own seeded generator, so the experiment's traffic (and its true lift) is the
 * same with or without it.
 */
import { mulberry32 } from '../../worker/recs/prng.ts'

/** Share of shown lists a visitor clicks. */
export const CLICK_RATE = 0.25
const LIST_SIZE = 4

export type RecsVisit = {
  /** Events to send, in order. */
  events: Record<string, unknown>[]
  /** The product the visitor clicked in the list, if any. */
  clicked?: string
}

type Options = {
  api: string
  site: string
  seed: number
  eventId: () => string
}

/** What the simulation showed and what was clicked, as the summary reports it. */
export type RecsTotals = { shown: number; clicked: number }

/**
 * A function that shows one visitor a recommendation list (on the page of `viewed`, when given)
 * and answers what they did with it, counting into `totals`. Lists that cannot be fetched are
 * simply not shown.
 */
export function recommendationVisits({ api, site, seed, eventId }: Options) {
  const random = mulberry32(seed ^ 0x7ec5)
  const totals: RecsTotals = { shown: 0, clicked: 0 }
  async function visit(visitorId: string, viewed?: string): Promise<RecsVisit> {
    const draw = random()
    const slot = viewed && draw < 0.6 ? 'similar' : draw < 0.85 ? 'personal' : 'trending'
    const query = new URLSearchParams({ site, slot, visitorId, n: String(LIST_SIZE) })
    if (slot === 'similar' && viewed) query.set('item', viewed)
    const list = await fetch(`${api}/v1/recs?${query}`)
      .then(async (res) =>
        res.ok ? ((await res.json()) as { recId: string; items: { itemId: string }[] }) : null,
      )
      .catch(() => null)
    if (!list || list.items.length === 0) return { events: [] }
    const { recId } = list
    totals.shown++
    const events: Record<string, unknown>[] = [
      { id: eventId(), type: 'custom', name: 'rec_impression', visitorId, recId, props: { slot } },
    ]
    if (random() >= CLICK_RATE) return { events }
    const clicked = list.items[Math.floor(random() * list.items.length)]?.itemId
    if (!clicked) return { events }
    events.push(
      { id: eventId(), type: 'click', visitorId, itemId: clicked, recId },
      { id: eventId(), type: 'view', visitorId, itemId: clicked },
    )
    totals.clicked++
    return { events, clicked }
  }
  return Object.assign(visit, { totals })
}
