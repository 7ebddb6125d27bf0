/**
 * The demo store's past browsing, for its purchase-intent model: visits shaped as `npm run
 * simulate` shapes them (simulate-browsing.ts), each buying with its engagement's chance, spread
 * over a window of past time with the seconds between pages a shopper takes, as the NDJSON the
 * import route takes. Every event carries its own time (`ts`) and a fixed id, so importing the
 * same history twice changes nothing.
 */
import { mulberry32 } from '../../worker/recs/prng.ts'
import { browsingVisits } from './simulate-browsing.ts'

export type DemoIntentHistory = {
  /** One JSON event a line, oldest visit first. */
  ndjson: string
  visits: number
  events: number
  purchases: number
}

export function demoIntentHistory(options: {
  /** Visitor ids and event ids start with it. */
  prefix: string
  visits: number
  /** Visits start between these times (ms). */
  from: number
  to: number
  catalog: string[]
  /** The average chance to buy; each visit's is this times its engagement's factor. */
  rate: number
  seed: number
}): DemoIntentHistory {
  const random = mulberry32(options.seed)
  let counter = 0
  // Zero-padded, so ids sort in the order they are made.
  const eventId = () => `${options.prefix}-${(counter++).toString(36).padStart(7, '0')}`
  const browse = browsingVisits({ seed: options.seed, eventId })
  const starts = Array.from(
    { length: options.visits },
    () => options.from + random() * (options.to - options.from),
  ).sort((a, b) => a - b)
  const lines: string[] = []
  let purchases = 0
  starts.forEach((start, i) => {
    const visitorId = `${options.prefix}-visitor-${i}`
    const visit = browse(visitorId, undefined, options.catalog)
    let ts = Math.round(start)
    const at = (event: Record<string, unknown>) => {
      lines.push(JSON.stringify({ ...event, ts }))
      // 10 s to 2 min on a page.
      ts += Math.round(10_000 + random() * 110_000)
    }
    visit.events.forEach(at)
    if (random() < Math.min(1, options.rate * visit.buyFactor)) {
      purchases++
      visit.checkout.forEach(at)
      const revenue = Math.round(Math.exp(3.5 + 0.6 * (random() + random() - 1)) * 100) / 100
      at({
        id: eventId(),
        type: 'purchase',
        visitorId,
        revenue,
        orderId: `${options.prefix}-order-${i}`,
      })
      visit.thanks().forEach(at)
    } else if (visit.events.some((e) => e.type === 'add_to_cart') && random() < 0.5) {
      // Half the shoppers who cart and do not buy still reach the checkout, as in a real store,
      // so reaching it is a strong sign but not a certain one.
      visit.checkout.forEach(at)
    }
  })
  return { ndjson: lines.join('\n'), visits: options.visits, events: lines.length, purchases }
}
