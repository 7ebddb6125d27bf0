/**
 * The loader's start, once per page: claims the command queue (a second copy of the loader stops
 * here), settles what privacy allows, runs the queued commands, shows the experiments'
 * variations, sends the page view and the product view (product chunk) and loads the recommendations UI (UI chunk)
 * once the page has a slot, which in a single-page app may be long after load. A page with JSON-LD
 * sends its view once the product chunk has read the page's kind, or when the shopper leaves
 * first, of the kind known without the chunk: a short visit still counts as a page view.
 *
 * Privacy: with `navigator.globalPrivacyControl === true`, or `data-consent="required"` until
 * `edgelift.push(['consent', true])`, no identifier is stored and no event is sent (events wait
 * in memory for consent); experiments show control unless the edge assigned the page itself, and
 * recommendations still render, without a visitor id. GPC is a standing refusal that no consent
 * command overrides; `['consent', false]` stops sending again.
 */
import { JSON_LD_SCRIPTS } from '../product/product-json-ld.ts'
import { edgeAssignments, fetchAssignments } from './assignments.ts'
import type { ProductModule, UiModule } from './bridge.ts'
import { importChunk } from './chunks.ts'
import { onIntent } from './intent.ts'
import { claimQueue, runQueue, trackedEvent, type CommandQueue } from './commands.ts'
import type { LoaderConfig } from './config.ts'
import { resumeRetries } from './delivery.ts'
import { hideUndecided, showVariations, type Assignments } from './experiment-visibility.ts'
import { guard, warn } from './log.ts'
import { pageView, type PageFields } from './page-view.ts'
import { slotAdded, watchDocument } from './slots.ts'
import { flush, startTracker, track } from './tracker.ts'
import { rememberVisitor } from './visitor-id.ts'

export function boot(config: LoaderConfig): void {
  // Where the page has JSON-LD: it names the product and the page's kind.
  const productChunk = async () =>
    document.querySelector(JSON_LD_SCRIPTS)
      ? importChunk<ProductModule>(config.src, 'product').catch(warn)
      : undefined
  const queue = claimQueue(window as { edgelift?: CommandQueue })
  if (!queue) return
  const { api, site } = config
  const gpc = (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
  let consent = !gpc && !config.consentRequired
  let visitor: string | undefined
  const visitorId = () => (consent ? (visitor ??= rememberVisitor()) : undefined)
  const eventsUrl = `${api}/v1/events?site=${site}`

  let viewed = 0
  const viewPage = (product?: ProductModule | void) =>
    viewed++ || track(pageView({}, true, product))

  hideUndecided()
  startTracker(eventsUrl, visitorId, viewPage)
  runQueue(
    queue,
    guard(([name, first, data]) => {
      if (name === 'track') track(trackedEvent(first as string, data as object))
      if (name === 'page')
        void productChunk()
          .then((chunk) => track(pageView(Object(first) as PageFields, false, chunk)))
          .catch(warn)
      if (name === 'on' && first === 'intent') onIntent(data as Parameters<typeof onIntent>[0])
      if (name === 'consent') {
        consent = !gpc && first === true
        flush()
      }
    }),
  )
  const id = visitorId()
  // Bodies an earlier page view could not deliver.
  if (id) resumeRetries(eventsUrl)

  // Marked elements are decided as they arrive: those parsed after the answer, and those a
  // single-page app renders on later routes.
  // Without a visitor id the answer is '', which like undefined assigns no experiment.
  void Promise.resolve(edgeAssignments() ?? (id && fetchAssignments(api, site, id)))
    .then((assignments) =>
      watchDocument(() => {
        for (const experiment of showVariations(assignments as Assignments | undefined)) {
          track({ type: 'exposure', experiment })
        }
      }),
    )
    .catch(warn)
  // DOMContentLoaded bubbles from the document to the window.
  void new Promise((resolve) =>
    document.readyState === 'loading' ? addEventListener('DOMContentLoaded', resolve) : resolve(0),
  )
    .then(async () => {
      // Both chunks download at once, but the UI mounts after the product is read: `similar`
      // slots without `data-item` recommend around the product.
      const ui = slotAdded().then(() => importChunk<UiModule>(config.src, 'ui'))
      const chunk = await productChunk()
      viewPage(chunk)
      const product = chunk?.readProduct(document)
      if (product) track({ type: 'view', ...product })
      ;(await ui).mount({ ...config, visitorId, track, productId: product?.itemId })
    })
    .catch(warn)
}
