/**
 * `GET {api}/v1/recs` for one slot, and a defensive read of its answer. The answer's links and
 * images end up as `href` and `src` on the merchant's page, so only http(s) URLs are kept even
 * though the API validates them too: the widget does not trust the network with the host page.
 */
import type { RecommendedItemShown } from '../../shared/api-types.ts'
import type { WidgetBridge } from '../loader/bridge.ts'
import { fetchCount } from './shown-on-page.ts'
import type { SlotConfig } from './slot-config.ts'

export type RecItem = RecommendedItemShown

export type Recs = { recId: string; slot: string; source: string; items: RecItem[] }

/**
 * The request URL. Without a visitor id (GPC, no consent) nothing identifies the visitor and a
 * `personal` slot asks for `trending` instead. It asks for spare items (shown-on-page.ts).
 */
export function recsUrl(bridge: WidgetBridge, config: SlotConfig): string {
  const visitorId = bridge.visitorId()
  const slot = config.slot === 'personal' && !visitorId ? 'trending' : config.slot
  const params = new URLSearchParams({ site: bridge.site, slot, n: String(fetchCount(config.n)) })
  if (visitorId) params.set('visitorId', visitorId)
  const item = slot === 'cart' ? config.items.join(',') : config.items[0]
  if (item && (slot === 'similar' || slot === 'cart')) params.set('item', item)
  return `${bridge.api}/v1/recs?${params}`
}

/** The slot's recommendations; null when the API fails or answers something unexpected. */
export async function fetchRecs(bridge: WidgetBridge, config: SlotConfig): Promise<Recs | null> {
  const res = await fetch(recsUrl(bridge, config))
  return res.ok ? readRecs(await res.json()) : null
}

/** Keeps what is well-formed; drops items without an id or title. */
export function readRecs(body: unknown): Recs | null {
  const recs = body as Partial<Record<keyof Recs, unknown>> | null
  if (typeof recs?.recId !== 'string' || !Array.isArray(recs.items)) return null
  const items: RecItem[] = []
  for (const raw of recs.items as Partial<Record<keyof RecItem, unknown>>[]) {
    if (typeof raw?.itemId !== 'string' || typeof raw.title !== 'string') continue
    items.push({
      itemId: raw.itemId,
      title: raw.title,
      url: webUrl(raw.url),
      image: webUrl(raw.image),
      price: typeof raw.price === 'number' && Number.isFinite(raw.price) ? raw.price : null,
      currency: typeof raw.currency === 'string' ? raw.currency : null,
    })
  }
  return { recId: recs.recId, slot: String(recs.slot), source: String(recs.source), items }
}

function webUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : null
}
