/**
 * `<edgelift-recs>`: a custom element that renders one recommendations slot in its own shadow
 * root, so the host page's CSS cannot break it and a strict CSP does not stop it (no inline
 * script or style). It reads its slot from its `data-*` attributes, fetches the list, keeps the
 * items no other slot on the page shows (shown-on-page.ts), renders them with Preact, and
 * reports an impression (`rec_impression`, once the list is half visible) and clicks on its items
 * (`click` with the list's `recId`). An empty list renders nothing.
 */
import { render } from 'preact'
import type { WidgetBridge } from '../loader/bridge.ts'
import { warn } from '../loader/log.ts'
import { fetchRecs } from './fetch-recs.ts'
import { onceSeen } from './impressions.ts'
import { RecsList } from './recs-list.tsx'
import { claimItems, releaseItems } from './shown-on-page.ts'
import { readSlotConfig } from './slot-config.ts'
import { adoptStyles } from './styles.ts'

export const TAG = 'edgelift-recs'

let bridge: WidgetBridge | undefined

class RecsElement extends HTMLElement {
  connectedCallback(): void {
    // Moving the element in the page reconnects it; it is rendered once.
    if (this.shadowRoot || !bridge) return
    const root = this.attachShadow({ mode: 'open' })
    adoptStyles(root)
    show(this, root, bridge).catch(warn)
  }

  disconnectedCallback(): void {
    // A move reconnects at once; a removal (another route) frees the items for other slots.
    queueMicrotask(() => {
      if (!this.isConnected) releaseItems(this)
    })
  }
}

async function show(host: HTMLElement, root: ShadowRoot, bridge: WidgetBridge): Promise<void> {
  const data = host.dataset
  const config = readSlotConfig(data, onLoadedPage() ? bridge.productId : undefined)
  if (!config) throw new Error(`unknown data-slot "${data.slot ?? ''}"`)
  const fetched = await fetchRecs(bridge, config)
  if (!fetched || !host.isConnected) return
  const mine = new Set(
    claimItems(
      host,
      fetched.items.map((item) => item.itemId),
      config.n,
    ),
  )
  const recs = { ...fetched, items: fetched.items.filter((item) => mine.has(item.itemId)) }
  if (!recs.items.length) return
  const { recId, slot } = recs
  render(
    <RecsList
      recs={recs}
      title={config.title}
      onOpen={(item, position) =>
        bridge.track({ type: 'click', itemId: item.itemId, recId, props: { slot, position } })
      }
    />,
    root,
  )
  const list = root.querySelector('ul')
  if (list) {
    onceSeen(list, () =>
      bridge.track({ type: 'custom', name: 'rec_impression', recId, props: { slot } }),
    )
  }
}

/** Registers the element (once, even if the chunk runs twice) with the loader's bridge. */
export function defineRecsElement(loaderBridge: WidgetBridge): void {
  bridge = loaderBridge
  if (!customElements.get(TAG)) customElements.define(TAG, RecsElement)
}

/**
 * Whether the page still shows the document the loader read the product of (at
 * DOMContentLoaded): a single-page app that has changed route since is on another page. The
 * navigation entry keeps the URL the document was loaded from; history.pushState does not touch it.
 */
function onLoadedPage(): boolean {
  const [loaded] = performance.getEntriesByType('navigation')
  return !loaded || new URL(loaded.name).pathname === location.pathname
}
