/**
 * The recommendations UI chunk (Preact, ESM), built to /widget/<version>/widget-ui.js. The loader
 * imports it once the page has a slot, and calls `mount` with its bridge: each
 * `<div data-edgelift="recs" data-slot=... data-item=... data-n=... data-title=...>` gets an
 * `<edgelift-recs>` element carrying the same settings: the slots there now, those a
 * single-page app adds later, and again a slot whose settings the app changes (a product page
 * component kept across routes, with a new `data-item`).
 */
import type { WidgetBridge } from '../loader/bridge.ts'
import { warn } from '../loader/log.ts'
import { SLOT } from '../loader/slots.ts'
import { defineRecsElement, TAG } from './recs-element.tsx'

const SETTINGS = ['slot', 'item', 'n', 'title'] as const

/** Watches for slots added or changed later; a second `mount` replaces it (and the bridge). */
let watcher: MutationObserver | undefined

export function mount(bridge: WidgetBridge): void {
  try {
    defineRecsElement(bridge)
    fillSlots(document)
    watcher?.disconnect()
    // Only what was added or changed is searched, not the whole page on every change of a busy app.
    watcher = new MutationObserver((records) => {
      const changed = new Set<Node>()
      for (const record of records) {
        if (record.type === 'attributes') changed.add(record.target)
        for (const node of record.addedNodes) if (node instanceof Element) fillSlots(node)
      }
      // Several settings changed at once make one new list, not one per attribute.
      for (const slot of changed) {
        if (!(slot instanceof HTMLElement && slot.matches(SLOT))) continue
        slot.querySelector(TAG)?.remove()
        fillSlots(slot)
      }
    })
    watcher.observe(document, {
      childList: true,
      subtree: true,
      attributeFilter: ['data-edgelift', ...SETTINGS.map((name) => `data-${name}`)],
    })
  } catch (problem) {
    warn(problem)
  }
}

/** Gives every empty slot in `root`, `root` included, its element. */
function fillSlots(root: Document | Element): void {
  const slots = [...root.querySelectorAll<HTMLElement>(SLOT)]
  if (root instanceof HTMLElement && root.matches(SLOT)) slots.push(root)
  for (const slot of slots) {
    if (slot.querySelector(TAG)) continue
    const element = document.createElement(TAG)
    for (const name of SETTINGS) {
      const value = slot.dataset[name]
      if (value !== undefined) element.dataset[name] = value
    }
    slot.append(element)
  }
}
