/**
 * Recommendation slots: `<div data-edgelift="recs">` in the merchant's markup. Single-page apps
 * render them after the document has loaded, so the loader does not look once at
 * DOMContentLoaded: it waits for the first slot, and the UI chunk then fills every later one
 * (widget/recs/index.tsx). A page that never gets a slot never downloads the UI chunk.
 */
export const SLOT = '[data-edgelift="recs"]'

/**
 * Calls `check` now and after every change to the document's tree, before the change paints.
 * From the observer `check` also gets the observer, to stop watching.
 */
export function watchDocument(check: (_?: unknown, observer?: MutationObserver) => unknown): void {
  new MutationObserver(check).observe(document, { childList: true, subtree: true })
  check()
}

/** Resolves as soon as the document has a slot: at once, or when the app adds one. */
export function slotAdded(): Promise<unknown> {
  return new Promise((resolve) =>
    watchDocument((_, observer) => document.querySelector(SLOT) && resolve(observer?.disconnect())),
  )
}
