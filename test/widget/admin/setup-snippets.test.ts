// The setup guide's snippets, written for one experiment: the loader's two attributes per
// variation, and the README's purchase call (and the goal's own).
import { describe, expect, it } from 'vitest'
import type { ExperimentDetail } from '../../../widget/admin/api/types.ts'
import { trackingSnippet, variationMarkup } from '../../../widget/admin/lib/setup-snippets.ts'

function experiment(fields: Partial<ExperimentDetail> = {}): ExperimentDetail {
  return {
    key: 'buy-button',
    name: 'Buy button',
    status: 'draft',
    phase: 0,
    coverage: 1,
    goal: { event: 'purchase' },
    url: null,
    redirect: false,
    winsorize: null,
    variations: [
      { key: 'control', weight: 0.5 },
      { key: 'free-delivery', name: 'Free delivery', weight: 0.5 },
    ],
    phases: [],
    ...fields,
  } as ExperimentDetail
}

describe('variationMarkup', () => {
  it('marks one element per variation with the attributes the loader reads', () => {
    expect(variationMarkup(experiment())).toBe(
      '<div data-edgelift-experiment="buy-button" data-edgelift-variation="control">control</div>\n' +
        '<div data-edgelift-experiment="buy-button" data-edgelift-variation="free-delivery">Free delivery</div>',
    )
  })

  it('escapes a variation name that would break out of the element', () => {
    const exp = experiment({ variations: [{ key: 'control', name: '<b>"x"', weight: 1 }] })
    expect(variationMarkup(exp)).toContain('>&lt;b>&quot;x&quot;</div>')
  })
})

describe('trackingSnippet', () => {
  it("is the README's purchase call in the site's currency", () => {
    expect(trackingSnippet(experiment(), 'EUR')).toBe(
      'window.edgelift = window.edgelift || []\n' +
        "edgelift.push(['track', 'purchase', { orderId: 'A-1001', revenue: 42.5, currency: 'EUR',\n" +
        "  items: [{ itemId: 'SKU123', quantity: 2, price: 21.25 }] }])",
    )
  })

  it("adds the goal's own call for an add-to-cart or a custom goal", () => {
    const cart = trackingSnippet(experiment({ goal: { event: 'add_to_cart' } }), 'USD')
    expect(cart.split('\n').at(-1)).toBe(
      "edgelift.push(['track', 'add_to_cart', { itemId: 'SKU123' }])",
    )
    const custom = trackingSnippet(
      experiment({ goal: { event: 'custom', name: "sign'up" } }),
      'USD',
    )
    expect(custom.split('\n').at(-1)).toBe(`edgelift.push(['track', "sign'up", {}])`)
  })
})
