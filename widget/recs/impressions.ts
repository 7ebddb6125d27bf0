/**
 * When a recommendation list counts as seen: at least half of it inside the viewport, or, for a
 * list taller than two viewports (which can never be half visible), half the viewport filled by
 * it. Reported once per list.
 */

/** Calls `seen` once, the first time `el` is visible enough; no IntersectionObserver, no call. */
export function onceSeen(el: Element, seen: () => void): void {
  if (typeof IntersectionObserver === 'undefined') return
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const viewport = entry.rootBounds?.height ?? innerHeight
        if (
          entry.isIntersecting &&
          (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewport / 2)
        ) {
          observer.disconnect()
          seen()
        }
      }
    },
    { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
  )
  observer.observe(el)
}
