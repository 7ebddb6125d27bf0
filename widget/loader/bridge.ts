/**
 * The contracts between the loader and the chunks it imports. The UI chunk exports `mount`, which
 * the loader calls with this bridge; the product chunk exports `readProduct`. A loader cached
 * under /widget.js (5 minutes) can meet newer chunks named by the manifest (1 minute), so the
 * contracts only ever grow.
 */
import type { ProductView } from '../product/index.ts'
import type { EventFields } from './tracker.ts'

export type WidgetBridge = {
  /** The API base, without a trailing slash. */
  api: string
  /** The site's public key. */
  site: string
  /** The visitor id, or undefined while no identifier may be used (GPC, no consent). */
  visitorId(): string | undefined
  /** Queues an event of `POST /v1/events`; it is sent only with consent. */
  track(fields: EventFields): void
  /** The item the page is about (schema.org Product), for `similar` slots without `data-item`. */
  productId?: string
}

/** The UI chunk's module shape. */
export type UiModule = { mount(bridge: WidgetBridge): void }

/**
 * The product chunk's module shape: the page's product, undefined when it names none, and the
 * page's kind by its JSON-LD (absent in chunks built before page views).
 */
export type ProductModule = {
  readProduct(doc: Document): ProductView | undefined
  jsonLdKind?(doc: Document): string | undefined
}
