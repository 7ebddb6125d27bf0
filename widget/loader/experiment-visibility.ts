/**
 * Showing one variation of each on-page experiment. Merchants mark alternatives with
 * `data-edgelift-experiment="key"` and `data-edgelift-variation="b"`; the original is the variation
 * named `control`. Until the visitor's variation is known, marked elements (and only those: the
 * page itself is never hidden) are hidden by a constructed stylesheet adopted by the document,
 * which a strict CSP allows where an inline `<style>` or `style=""` would be refused. Once
 * decided, the chosen variation's elements get `data-edgelift-shown` and the others are removed:
 * unlike `hidden`, which the host's CSS may override (`h2 { display: block }`), removal leaves
 * no trace in the layout.
 *
 * Without an assignment (no answer within 1 s, the visitor outside coverage, no consent, an API
 * error) the `control` elements show. The loader is async, so elements parsed before it runs may
 * show for a moment; proxy mode injects the assignments into the page and avoids that. Elements
 * added after the decision stay hidden.
 */

/** The visitor's variation per experiment key, as `POST /v1/assign` and the edge give them. */
export type Assignments = Record<string, { variation: string; index?: number; phase?: number }>

const MARKED = '[data-edgelift-experiment]'

/** Hides the undecided marked elements, including those parsed later. */
export function hideUndecided(): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(`${MARKED}:not([data-edgelift-shown]){visibility:hidden!important}`)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  } catch {
    // No constructed stylesheets (older browsers): the elements show until decided, a flicker.
  }
}

/**
 * Shows each experiment's assigned variation (or `control`) and removes the rest. Answers the keys
 * of the experiments on the page whose variation came from an assignment: those, and only those,
 * are exposures (a fallback to control is not what the edge assigned, and must not be counted).
 */
export function showVariations(assignments?: Assignments | null): Set<string> {
  const exposed = new Set<string>()
  for (const el of document.querySelectorAll<HTMLElement>(MARKED)) {
    const { edgeliftExperiment: key = '', edgeliftVariation } = el.dataset
    const assigned = assignments?.[key]?.variation
    if (assigned) exposed.add(key)
    if (edgeliftVariation === (assigned ?? 'control')) el.dataset.edgeliftShown = ''
    else el.remove()
  }
  return exposed
}
