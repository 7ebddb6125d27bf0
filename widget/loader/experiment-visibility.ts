/**
 * Showing one variation of each on-page experiment. Merchants mark alternatives with
 * `data-edgelift-experiment="key"` and `data-edgelift-variation="b"`; the original is the variation
 * named `control`. Until the visitor's variation is known, marked elements (and only those: the
 * page itself is never hidden) are hidden by a constructed stylesheet adopted by the document,
 * which a strict CSP allows where an inline `<style>` or `style=""` would be refused. Once
 * decided, the chosen variation's elements get `data-edgelift-shown` and the others `hidden` and
 * `data-edgelift-hidden`; the same stylesheet keeps them `display: none !important`, so the
 * host's CSS cannot bring them back (`h2 { display: block }`), and they leave no trace in the
 * layout. They are hidden, not removed, because a single-page app's framework owns its elements:
 * React, Vue and the like throw when a node they rendered has gone.
 *
 * Without an assignment (no answer within 1 s, the visitor outside coverage, no consent, an API
 * error) the `control` elements show. The loader is async, so elements parsed before it runs may
 * show for a moment; proxy mode injects the assignments into the page and avoids that.
 */
import type { Assignment } from '../../shared/api-types.ts'

/** The visitor's variation per experiment key, as `POST /v1/assign` and the edge give them. */
export type Assignments = Record<string, Assignment>

/** Marked elements not shown: the undecided, and the variations the visitor does not see. */
const NOT_SHOWN = '[data-edgelift-experiment]:not([data-edgelift-shown])'

/** Hides the undecided marked elements, including those parsed or rendered later. */
export function hideUndecided(): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(`${NOT_SHOWN}{display:none!important}`)
    // An observable array since Chrome 99, Firefox 101, Safari 16.4 (2022-23); before, it throws.
    document.adoptedStyleSheets.push(sheet)
  } catch {
    // Older browsers: the elements show until decided, a flicker, and a loser is hidden by
    // `hidden` alone, which the host's CSS may override.
  }
}

/**
 * Shows each undecided element's assigned variation (or `control`) and hides the rest. Answers
 * the keys of the experiments on the page whose variation came from an assignment: those, and
 * only those, are exposures (a fallback to control is not what the edge assigned, and must not
 * be counted).
 */
export function showVariations(assignments?: Assignments | null): Set<string> {
  const exposed = new Set<string>()
  // Losers carry their own mark, not only `hidden`: an app may hide a marked element itself and
  // reveal it later, and that element must still be decided.
  for (const el of document.querySelectorAll<HTMLElement>(
    `${NOT_SHOWN}:not([data-edgelift-hidden])`,
  )) {
    // The selector guarantees the attribute: the key is a string.
    const key = el.dataset.edgeliftExperiment as string
    const assignment = assignments?.[key]
    const assigned = assignment?.variation
    // A rolled-out winner is shown, not measured: the experiment has stopped.
    if (assigned && !assignment.rolledOut) exposed.add(key)
    if (el.dataset.edgeliftVariation === (assigned ?? 'control')) el.dataset.edgeliftShown = ''
    // One chained assignment (dataset stores "true"): two statements cost the loader 3 of its
    // last bytes under the 2,048-byte budget.
    else el.hidden = el.dataset.edgeliftHidden = true as never
  }
  return exposed
}
