/**
 * The `page_view` of every page: its path, title and kind, and on the page a visit arrives on its
 * referrer (when it is another site) and `utm_*` parameters. The kind is what the page says:
 * the `kind` a single-page app pushes, `data-edgelift-page="cart"` on any element, the page's
 * JSON-LD types (read by the product chunk, product/page-kind.ts), else `home` at `/` and
 * `content` elsewhere. Fields are cut to what the API keeps: a 100 KB path would make its whole
 * batch too large to send.
 */
import type { ProductModule } from './bridge.ts'
import type { EventFields } from './tracker.ts'

/** What a single-page app may say of its new route: `edgelift.push(['page', { kind: 'cart' }])`. */
export type PageFields = { path?: unknown; title?: unknown; kind?: unknown }

const KINDS = /^(product|category|cart|checkout|account|content|home)$/

/**
 * The page view of the page as it is now; `arrival` adds its referrer and UTM parameters, and
 * the product chunk, once loaded, reads the kind the page's JSON-LD names.
 */
export function pageView(
  fields: PageFields,
  arrival?: boolean,
  product?: ProductModule | void,
): EventFields {
  const path = new URL(String(fields.path ?? location.pathname), location.href).pathname
  const marked = document.querySelector<HTMLElement>('[data-edgelift-page]')?.dataset.edgeliftPage
  const event: EventFields = {
    type: 'page_view',
    path: path.slice(0, 1024),
    title: String(fields.title ?? document.title).slice(0, 256),
    pageKind:
      [fields.kind, marked, product?.jsonLdKind?.(document)].find((kind) =>
        KINDS.test(String(kind)),
      ) ?? (path === '/' ? 'home' : 'content'),
  }
  const referrer = document.referrer
  if (arrival && referrer && new URL(referrer).host !== location.host)
    event.referrer = referrer.slice(0, 1024)
  const utm: Record<string, string> = {}
  new URLSearchParams(arrival ? location.search : '').forEach((value, key) => {
    const name = /^utm_(source|medium|campaign|term|content)$/.exec(key)?.[1]
    if (name) utm[name] = value.slice(0, 256)
  })
  if (Object.keys(utm)[0]) event.utm = utm
  return event
}
