// The results page in a store owner's words: the table and the chi-square section lead with
// plain names and keep every figure, the statistician's terms wait in closed details, and every
// figure of the table carries the label the phone layout shows beside it.
import { h, render } from 'preact'
import { describe, expect, it } from 'vitest'
import { ChiSquareTable } from '../../../widget/admin/results/chi-square-table.tsx'
import { FigureTerms } from '../../../widget/admin/results/figure-terms.tsx'
import { ResultsTable } from '../../../widget/admin/results/results-table.tsx'
import { VerdictBanner } from '../../../widget/admin/results/verdict-banner.tsx'
import { results, variation } from './results-fixture.ts'
import { renderRoot as root } from './render-root.ts'

const JARGON = /p[‑-]value|holm|sequential|chi-square|χ²|degrees of freedom/i

const twoWay = results({
  variations: [
    variation('control', 5000, 250),
    variation('b', 5000, 320, { lift: 0.28, liftCI: [0.1, 0.46], pValueAdjusted: 0.012 }),
  ],
})

describe('the results table', () => {
  it('names its columns in plain words and keeps the p-values as figures', () => {
    const el = root()
    render(h(ResultsTable, { results: twoWay, names: {} }), el)
    const headers = [...el.querySelectorAll('thead th')].map((th) => th.textContent ?? '')
    expect(headers.join(' | ')).not.toMatch(JARGON)
    expect(headers).toContain('Noise check (end of test)')
    expect(headers).toContain('Noise check (any day)')
    expect(el.querySelector('caption')?.textContent).not.toMatch(JARGON)
    expect(el.querySelector('tr[data-variation="b"] [data-col="p-adjusted"]')?.textContent).toBe(
      '0.012',
    )
  })

  it('labels every figure cell for the phone layout, as its column header says', () => {
    const el = root()
    render(h(ResultsTable, { results: twoWay, names: {} }), el)
    const headers = [...el.querySelectorAll('thead th:not(.bar-col)')].map((th) => th.textContent)
    const labels = [...el.querySelectorAll('tr[data-variation="b"] td:not(.bar-col)')].map((td) =>
      td.getAttribute('data-label'),
    )
    expect(labels).toEqual(headers.slice(1))
    expect(labels).toEqual([
      'Visitors',
      'Conversions',
      'Conversion rate',
      'Lift vs control',
      'Chance to beat control',
      'Noise check (end of test)',
      'Noise check (any day)',
      'Revenue / visitor',
    ])
  })

  it("keeps the statistician's names in a closed detail", () => {
    const el = root()
    render(h(FigureTerms, {}), el)
    const detail = el.querySelector<HTMLDetailsElement>('details[data-detail="terms"]')
    expect(detail?.open).toBe(false)
    expect(detail?.textContent).toContain('Noise check (end of test): p-value (Holm)')
    expect(detail?.textContent).toContain('Noise check (any day): p-value (sequential)')
  })
})

describe('the verdict', () => {
  it('names the figure it rests on in plain words', () => {
    const el = root()
    render(h(VerdictBanner, { results: twoWay }), el)
    expect(el.textContent).not.toMatch(JARGON)
    expect(el.textContent).toContain('noise check (any day)')
  })
})

describe('all variations at once', () => {
  it('answers in plain words with the p-value, the chi-square table folded away', () => {
    const el = root()
    render(h(ChiSquareTable, { results: twoWay }), el)
    const detail = el.querySelector<HTMLDetailsElement>('details[data-detail="chi-square"]')
    expect(detail?.open).toBe(false)
    expect(detail?.querySelector('table')).not.toBeNull()
    expect(detail?.textContent).toContain('Chi-square test of independence: χ² = 3.10')
    const plain = el.querySelector('[data-plain="chi-square"]')?.textContent
    expect(plain).toBe('Could be (noise check = 0.078).')
    expect(el.querySelector('h3')?.textContent).toBe('Do all variations convert alike?')
    const outside = [...el.querySelector('section')!.children].filter((c) => c !== detail)
    expect(outside.map((c) => c.textContent).join(' ')).not.toMatch(JARGON)
  })
})
