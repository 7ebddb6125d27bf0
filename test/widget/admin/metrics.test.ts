// The other metrics in the dashboard: the guardrail warning on the verdict (banner and list), the
// metrics table, and the form's metric rows. (`h` instead of JSX keeps this file a plain .ts test.)
import { h, render } from 'preact'
import { afterEach, describe, expect, it } from 'vitest'
import { REFUNDS_GUARDRAIL } from '../../fixtures/metric-definitions.ts'
import type { MetricResult } from '../../../widget/admin/api/types.ts'
import { formProblems, inputOf, newDraft } from '../../../widget/admin/form/form-model.ts'
import { newMetric } from '../../../widget/admin/form/metric-draft.ts'
import { listVerdict } from '../../../widget/admin/results/list-summary.ts'
import { MetricsTable } from '../../../widget/admin/results/metrics-table.tsx'
import { VerdictBanner } from '../../../widget/admin/results/verdict-banner.tsx'
import { guardrailWarnings } from '../../../widget/admin/results/verdict.ts'
import { results, variation } from './results-fixture.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

function refunds(worse: string[], role: MetricResult['role'] = 'guardrail'): MetricResult {
  return {
    key: 'refunds',
    kind: 'conversion',
    event: 'custom',
    name: 'refund',
    role,
    better: 'lower',
    worse,
    variations: [
      { key: 'control', visitors: 5000, value: 0.02, valueCI: [0.016, 0.024], count: 100 },
      {
        key: 'b',
        visitors: 5000,
        value: 0.03,
        valueCI: [0.026, 0.035],
        count: 150,
        vsControl: { lift: 0.5, liftCI: [0.07, 1.1], pValue: 0.004, pValueAdjusted: 0.004 },
      },
    ],
  }
}

const winning = (metrics: MetricResult[], visitors = 5000) =>
  results({
    variations: [
      variation('control', visitors, visitors / 20),
      variation('b', visitors, visitors / 15, { lift: 0.33, sequentialPValue: 0.001 }),
    ],
    metrics,
  })

describe('guardrail warnings on the verdict', () => {
  it('warns on the banner and in the list when a guardrail is significantly worse', () => {
    const r = winning([refunds(['b'])])
    expect(guardrailWarnings(r)).toEqual([{ metric: 'refunds', variations: ['b'] }])
    const el = document.createElement('div')
    render(h(VerdictBanner, { results: r }), el)
    expect(el.querySelector('.banner-title')?.textContent).toContain('b beats control')
    expect(el.querySelector('[data-guardrail="refunds"]')?.textContent).toContain(
      'Guardrail refunds is significantly worse with b',
    )
    expect(listVerdict(r).warnings).toEqual(['Guardrail refunds is significantly worse with b'])
  })

  it('does not warn for a secondary metric, nor before the minimum sample', () => {
    expect(guardrailWarnings(winning([refunds(['b'], 'secondary')]))).toEqual([])
    expect(guardrailWarnings(winning([refunds(['b'])], 40))).toEqual([])
    expect(guardrailWarnings(winning([refunds([])]))).toEqual([])
  })
})

describe('MetricsTable', () => {
  it('shows each variation’s value and each treatment’s lift with intervals, marking the worse', () => {
    const el = document.createElement('div')
    render(h(MetricsTable, { results: winning([refunds(['b'])]) }), el)
    const b = el.querySelector('tr[data-metric="refunds"][data-variation="b"]')
    expect(b?.querySelector('[data-col="value"]')?.textContent).toBe('3.0%')
    expect(b?.querySelector('[data-col="lift"]')?.textContent).toBe('+50.0%')
    expect(b?.querySelector('[data-col="lift-ci"]')?.textContent).toBe('+7.0% to +110.0%')
    expect(b?.querySelector('[data-worse]')?.textContent).toContain('significantly worse')
    expect(el.textContent).toContain('Share of visitors with “refund”; lower is better')
  })

  it('holds the intervals back below the minimum sample', () => {
    const el = document.createElement('div')
    render(h(MetricsTable, { results: winning([refunds(['b'])], 40) }), el)
    const b = el.querySelector('tr[data-metric="refunds"][data-variation="b"]')
    expect(b?.querySelector('[data-col="lift-ci"]')?.textContent).toBe('too early for an interval')
    expect(b?.querySelector('[data-worse]')).toBeNull()
  })

  it('renders nothing for an experiment without other metrics', () => {
    const el = document.createElement('div')
    render(h(MetricsTable, { results: winning([]) }), el)
    expect(el.innerHTML).toBe('')
  })
})

describe('the form’s metrics', () => {
  it('sends each row as the API’s metric, with a custom event’s name', () => {
    const draft = newDraft()
    draft.key = 'm'
    draft.metrics = [
      newMetric([]),
      {
        key: 'refunds',
        kind: 'conversion',
        event: 'custom',
        name: ' refund ',
        role: 'guardrail',
        better: 'lower',
      },
      {
        key: 'aov',
        kind: 'average_order_value',
        event: 'add_to_cart',
        name: '',
        role: 'secondary',
        better: 'higher',
      },
    ]
    expect(formProblems(draft)).toEqual([])
    expect(inputOf(draft).metrics).toEqual([
      {
        key: 'add-to-cart-rate',
        kind: 'conversion',
        event: 'add_to_cart',
        role: 'secondary',
        better: 'higher',
      },
      REFUNDS_GUARDRAIL,
      { key: 'aov', kind: 'average_order_value', role: 'secondary', better: 'higher' },
    ])
  })

  it('blocks saving on duplicate keys and a custom event without a name', () => {
    const draft = newDraft()
    draft.key = 'm'
    const first = newMetric([])
    draft.metrics = [first, { ...first }, { ...newMetric([first]), event: 'custom' }]
    expect(formProblems(draft)).toEqual([
      'Metric keys must be different from each other.',
      'A custom event metric needs the name of its custom event.',
    ])
  })
})
