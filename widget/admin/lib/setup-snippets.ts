/**
 * What a merchant pastes to run one experiment, written for that experiment: the marked elements
 * the loader shows or hides (widget/loader/experiment-visibility.ts reads exactly these two
 * attributes) and the purchase call the README documents. Values are escaped where they land in
 * HTML or in a JavaScript string.
 */
import type { ExperimentDetail } from '../api/types.ts'
import { attr } from './install-snippet.ts'

/** One element per variation; the merchant puts each variation's own content inside. */
export function variationMarkup(exp: ExperimentDetail): string {
  return exp.variations
    .map(
      (v) =>
        `<div data-edgelift-experiment="${attr(exp.key)}" data-edgelift-variation="${attr(v.key)}">` +
        `${attr(v.name ?? v.key)}</div>`,
    )
    .join('\n')
}

/** The purchase call (revenue counts for every goal), and the goal's own call when it has one. */
export function trackingSnippet(exp: ExperimentDetail, currency: string): string {
  const { event, name } = exp.goal
  const goal =
    event === 'add_to_cart'
      ? `\nedgelift.push(['track', 'add_to_cart', { itemId: 'SKU123' }])`
      : event === 'custom'
        ? `\nedgelift.push(['track', ${JSON.stringify(name ?? '')}, {}])`
        : ''
  return (
    `window.edgelift = window.edgelift || []\n` +
    `edgelift.push(['track', 'purchase', { orderId: 'A-1001', revenue: 42.5, currency: '${currency}',\n` +
    `  items: [{ itemId: 'SKU123', quantity: 2, price: 21.25 }] }])${goal}`
  )
}
