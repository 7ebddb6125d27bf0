/**
 * The recommendations UI chunk (Preact, ESM), built to /widget/<version>/ui.js. The loader imports
 * it only when the page has a slot, and calls `mount` with its bridge: each
 * `<div data-edgelift="recs" data-slot=... data-item=... data-n=... data-title=...>` gets an
 * `<edgelift-recs>` element carrying the same settings.
 */
import type { WidgetBridge } from '../loader/bridge.ts'
import { warn } from '../loader/log.ts'
import { defineRecsElement, TAG } from './recs-element.tsx'

const SETTINGS = ['slot', 'item', 'n', 'title'] as const

export function mount(bridge: WidgetBridge): void {
  try {
    defineRecsElement(bridge)
    for (const slot of document.querySelectorAll<HTMLElement>('[data-edgelift="recs"]')) {
      if (slot.querySelector(TAG)) continue
      const element = document.createElement(TAG)
      for (const name of SETTINGS) {
        const value = slot.dataset[name]
        if (value !== undefined) element.dataset[name] = value
      }
      slot.append(element)
    }
  } catch (problem) {
    warn(problem)
  }
}
