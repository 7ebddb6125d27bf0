/**
 * Streaming the origin's HTML through HTMLRewriter so the visitor's variation is decided before
 * the first byte reaches the browser: elements marked for other variations are removed, the
 * assignments ride on `<html data-edgelift-assignments>` (an attribute, not an inline script, so
 * a strict CSP holds), and the widget tag is added when the page lacks it.
 */
import type { Assignment } from '../../shared/api-types.ts'
import type { Experiment } from '../experiments/experiment.ts'

export type RewriteContext = {
  assignments: Record<string, Assignment>
  /** Running experiments by key: an element of an unknown experiment is left for the widget. */
  experiments: Map<string, Experiment>
  widgetSrc: string
  publicKey: string
  /** The visitor's intent band, set as `<html data-edgelift-intent>` for the store's CSS. */
  intentBand?: string | undefined
}

export function rewritePage(response: Response, context: RewriteContext): Response {
  let widgetPresent = false
  const rewriter = new HTMLRewriter()
    .on('html', {
      element(el) {
        el.setAttribute('data-edgelift-assignments', JSON.stringify(context.assignments))
        if (context.intentBand) el.setAttribute('data-edgelift-intent', context.intentBand)
      },
    })
    .on('[data-edgelift-experiment]', {
      element(el) {
        const key = el.getAttribute('data-edgelift-experiment') ?? ''
        const exp = context.experiments.get(key)
        if (!exp) return
        // A visitor outside the experiment sees the control, like everyone before it started.
        const shown = context.assignments[key]?.variation ?? exp.variations[0]?.key
        if (el.getAttribute('data-edgelift-variation') === shown)
          el.setAttribute('data-edgelift-shown', '')
        else el.remove()
      },
    })
    .on('script[src]', {
      element(el) {
        if (
          /\/widget(\/[0-9a-f]+)?\/?widget\.js$|\/widget\.js$/.test(el.getAttribute('src') ?? '')
        ) {
          widgetPresent = true
        }
      },
    })
    .on('body', {
      element(el) {
        el.onEndTag((end) => {
          if (!widgetPresent) {
            end.before(
              `<script async src="${escapeAttribute(context.widgetSrc)}" data-site="${escapeAttribute(context.publicKey)}"></script>`,
              { html: true },
            )
          }
        })
      },
    })
  return rewriter.transform(response)
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)
}
