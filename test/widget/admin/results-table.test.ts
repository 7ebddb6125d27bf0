// The results table and the error display rendered by Preact in happy-dom: one interval bar per
// treatment on a shared axis, described in words, and "likely better / worse" readable without
// colour. (`h` instead of JSX keeps this file a plain .ts test.)
import { h, render } from 'preact'
import { describe, expect, it } from 'vitest'
import { ApiFailure } from '../../../widget/admin/api/client.ts'
import { ErrorDisplay } from '../../../widget/admin/components/error-display.tsx'
import { RecsMetrics } from '../../../widget/admin/pages/recommendations-tables.tsx'
import { chanceCall, ResultsTable } from '../../../widget/admin/results/results-table.tsx'
import { SrmBanner } from '../../../widget/admin/results/srm-banner.tsx'
import { LiftAxis, labelledTicks } from '../../../widget/admin/results/lift-bar.tsx'
import { VerdictBanner } from '../../../widget/admin/results/verdict-banner.tsx'
import { againstZeroControl, results, variation } from './results-fixture.ts'
import { renderRoot as root } from './render-root.ts'

const threeWay = results({
  variations: [
    variation('control', 5000, 250),
    variation('b', 5000, 320, { lift: 0.28, liftCI: [0.1, 0.46], chanceToBeatControl: 0.99 }),
    variation('c', 5000, 200, { lift: -0.2, liftCI: [-0.35, -0.05], chanceToBeatControl: 0.01 }),
  ],
})

describe('ResultsTable', () => {
  it('draws one interval bar per treatment, with a title and a description', () => {
    const el = root()
    render(h(ResultsTable, { results: threeWay, names: {} }), el)
    const bars = el.querySelectorAll('svg[data-lift-bar="interval"]')
    expect(bars).toHaveLength(2)
    expect(el.querySelector('svg.lift-axis')).not.toBeNull()
    const first = bars[0]
    expect(first?.querySelector('title')?.textContent).toBe('Lift of b versus control')
    expect(first?.querySelector('desc')?.textContent).toBe(
      '+28.0%, 95% interval +10.0% to +46.0%; the whole interval is above zero: likely better.',
    )
    expect(first?.querySelector('rect.interval.above')).not.toBeNull()
    expect(bars[1]?.querySelector('rect.interval.below')).not.toBeNull()
  })

  it('says "likely better" and "likely worse" in words, not only in colour', () => {
    const el = root()
    render(h(ResultsTable, { results: threeWay, names: {} }), el)
    const chance = (key: string) =>
      el.querySelector(`tr[data-variation="${key}"] [data-col="chance"]`)
    expect(chance('b')?.textContent).toBe('99.0%▲ likely better')
    expect(chance('c')?.textContent).toBe('1.0%▼ likely worse')
    expect(chance('control')?.textContent).toBe('—')
  })

  it('calls no variation of a bandit likely better from its pooled figures, and says why', () => {
    const el = root()
    const bandit = {
      objective: 'maximize' as const,
      weights: [0.2, 0.6, 0.2],
      bestArmProbabilities: [0.01, 0.97, 0.02],
      periods: [],
      variations: [],
      conversionsGained: 0,
      expectedVisitors: [5000, 5000, 5000],
      stopThreshold: 0.95,
      recommendedWinner: null,
    }
    render(h(ResultsTable, { results: { ...threeWay, bandit }, names: {} }), el)
    const chance = (key: string) =>
      el.querySelector(`tr[data-variation="${key}"] [data-col="chance"]`)
    expect(chance('b')?.textContent).toBe('99.0%')
    expect(chance('c')?.textContent).toBe('1.0%')
    expect(el.querySelector('caption')?.textContent).toMatch(/pool the bandit's allocation periods/)
    render(h(ResultsTable, { results: threeWay, names: {} }), el)
    expect(el.querySelector('caption')?.textContent).not.toMatch(/bandit/)
  })

  it('draws bars all on one axis: the same zero line in every row', () => {
    const el = root()
    render(h(ResultsTable, { results: threeWay, names: {} }), el)
    const zeros = [...el.querySelectorAll('svg[data-lift-bar] line.zero')].map((l) =>
      l.getAttribute('x1'),
    )
    expect(new Set(zeros).size).toBe(1)
  })

  it('calls chance to beat control only beyond 95% and 5%', () => {
    expect(chanceCall(0.95)?.text).toBe('▲ likely better')
    expect(chanceCall(0.9)).toBeNull()
    expect(chanceCall(0.05)?.text).toBe('▼ likely worse')
    expect(chanceCall(null)).toBeNull()
  })
})

describe('VerdictBanner', () => {
  it('shows the verdict headline and one line per treatment', () => {
    const el = root()
    render(h(VerdictBanner, { results: threeWay }), el)
    expect(el.querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe('keep_running')
    expect(el.querySelectorAll('li')).toHaveLength(2)
  })
})

describe('ErrorDisplay', () => {
  it("shows the API's envelope as an alert with a title, the sentence and the code", () => {
    const el = root()
    const failure = new ApiFailure(409, 'experiment_exists', 'An experiment with the key x exists.')
    render(h(ErrorDisplay, { failure }), el)
    const alert = el.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('That conflicts with the current state')
    expect(alert?.textContent).toContain('An experiment with the key x exists.')
    expect(alert?.textContent).toContain('experiment_exists')
  })

  it('titles a check made before sending as one of input, and only a network failure as no connection', () => {
    const el = root()
    render(h(ErrorDisplay, { failure: new ApiFailure(0, 'missing_key', 'Enter the key.') }), el)
    expect(el.textContent).toContain('Please check the input')
    expect(el.textContent).not.toContain('No connection')
    render(h(ErrorDisplay, { failure: new ApiFailure(0, 'network_error', 'Unreachable.') }), el)
    expect(el.textContent).toContain('No connection')
  })

  it('renders nothing without a failure', () => {
    const el = root()
    render(h(ErrorDisplay, { failure: null }), el)
    expect(el.innerHTML).toBe('')
  })
})

describe('SrmBanner', () => {
  it('names a weight-0 variation that received visitors, instead of a chi-square', () => {
    const el = root()
    const broken = {
      ...results({
        variations: [
          variation('control', 5000, 250),
          variation('b', 5000, 260, {}),
          variation('retired', 3000, 100, {}, 0),
        ],
      }),
      srm: {
        chiSquare: null,
        pValue: 0,
        ok: false,
        reason: 'visitors_in_unweighted_variation',
      } as const,
    }
    render(h(SrmBanner, { results: broken }), el)
    const text = el.querySelector('[data-banner="srm"]')?.textContent ?? ''
    expect(text).toContain('retired (3,000 visitors) has weight 0 and should receive no one.')
    expect(text).not.toContain('χ²')
  })

  it('shows the expected and observed split with the chi-square otherwise', () => {
    const el = root()
    const off = results({
      srmOk: false,
      variations: [variation('control', 5000, 250), variation('b', 5400, 260, {})],
    })
    render(h(SrmBanner, { results: off }), el)
    const text = el.querySelector('[data-banner="srm"]')?.textContent ?? ''
    expect(text).toContain('The weights say control 50.0% / b 50.0%')
    expect(text).toContain('χ²')
  })
})

describe('VerdictBanner against a control at 0%', () => {
  it('states the rates where there is no relative lift', () => {
    const el = root()
    const zero = againstZeroControl()
    render(h(VerdictBanner, { results: zero }), el)
    const text = el.querySelector('[data-verdict]')?.textContent ?? ''
    expect(text).toContain('b beats control')
    expect(text).toContain('b converts better than control: 1.0% against 0.0%')
  })
})

describe('RecsMetrics', () => {
  const metrics = {
    interactions: 223147,
    nonZeros: 162430,
    rank: 128,
    capturedEnergy: 0.45920494375995574,
    trainMs: 10389,
    futureFigure: 0.123456,
    nested: { skipped: true },
  }

  it('shows the training figures in plain words and units, and unknown ones as they come', () => {
    const el = root()
    render(h(RecsMetrics, { metrics, version: 'svd-mx6drd8r-r128' }), el)
    const facts = [...el.querySelectorAll('.facts [data-metric]')].map((d) => [
      d.querySelector('dt')?.textContent,
      d.querySelector('dd')?.textContent,
    ])
    expect(facts).toEqual([
      ['Shopper actions learned from', '223,147'],
      ['Shopper–product pairs', '162,430'],
      ['Taste patterns', '128'],
      ['Buying patterns kept', '45.9%'],
      ['Training time', '10.4 s'],
      ['futureFigure', '0.123'],
    ])
    // The model's id and the terms of the trade are only in the folded detail.
    const shown = el.querySelector('.facts')?.textContent ?? ''
    expect(shown).not.toMatch(/svd-|rank|factors|energy/i)
  })

  it('folds the model id and the technical terms into a closed detail', () => {
    const el = root()
    render(h(RecsMetrics, { metrics, version: 'svd-mx6drd8r-r128' }), el)
    const detail = el.querySelector<HTMLDetailsElement>('details[data-detail="model"]')
    expect(detail?.open).toBe(false)
    expect(detail?.querySelector('[data-model-version]')?.textContent).toBe('svd-mx6drd8r-r128')
    expect(detail?.textContent).toContain('taste patterns are its factors (rank)')
    expect(detail?.textContent).toContain('buying patterns kept the signal the factors keep')
  })

  it('shows no detail before a model is trained', () => {
    const el = root()
    render(h(RecsMetrics, { metrics: null, version: null }), el)
    expect(el.innerHTML).toBe('')
  })
})

describe('the lift axis labels', () => {
  it('labels every tick when they fit, else every other one counted from zero', () => {
    const labels = ['−50%', '0%', '+50%', '+100%']
    expect(labelledTicks([-0.5, 0, 0.5, 1], 60, labels)).toEqual([true, true, true, true])
    expect(labelledTicks([-0.5, 0, 0.5, 1], 31, labels)).toEqual([false, true, false, true])
    expect(
      labelledTicks([-1, -0.5, 0, 0.5, 1], 31, ['−100%', '−50%', '0%', '+50%', '+100%']),
    ).toEqual([true, false, true, false, true])
  })

  it('keeps a label-width and a gap between labels on the real axis (−50% … +100%)', () => {
    const el = root()
    render(h(LiftAxis, { domain: [-0.5, 1] }), el)
    const labels = [...el.querySelectorAll('text.tick-label')]
    const xs = labels.map((t) => Number(t.getAttribute('x')))
    const texts = labels.map((t) => t.textContent ?? '')
    expect(texts).toContain('0%')
    for (let i = 1; i < xs.length; i++) {
      const widest = Math.max(texts[i - 1]?.length ?? 0, texts[i]?.length ?? 0) * 7.5 + 8
      expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(widest)
    }
  })

  it('keeps the end labels whole: "+1000%" fits inside the axis', () => {
    const el = root()
    render(h(LiftAxis, { domain: [-1, 10] }), el)
    const width = Number(el.querySelector('svg.lift-axis')?.getAttribute('width'))
    const labels = [...el.querySelectorAll('text.tick-label')]
    expect(labels.map((t) => t.textContent)).toContain('+1000%')
    for (const label of labels) {
      const half = ((label.textContent ?? '').length * 7.5) / 2
      const x = Number(label.getAttribute('x'))
      expect(x - half, label.textContent ?? '').toBeGreaterThanOrEqual(0)
      expect(x + half, label.textContent ?? '').toBeLessThanOrEqual(width)
    }
  })
})

describe('ResultsTable below the minimum sample', () => {
  const tiny = results({
    variations: [
      variation('control', 3, 1),
      variation('pay-now', 3, 2, { lift: 1, liftCI: [-4.069, 6.069] }),
    ],
  })

  it('shows the lift but no interval while the verdict says it is too early', () => {
    const el = root()
    render(h(ResultsTable, { results: tiny, names: {} }), el)
    const row = el.querySelector('tr[data-variation="pay-now"]')
    expect(row?.querySelector('[data-col="lift"]')?.textContent).toBe('+100.0%')
    expect(row?.querySelector('[data-col="lift-ci"]')?.textContent).toBe(
      'too early for an interval',
    )
    expect(el.querySelector('svg[data-lift-bar="interval"]')).toBeNull()
    expect(el.querySelector('svg[data-lift-bar="empty"]')).not.toBeNull()
    // The axis spans the lift, not an interval of several hundred percent.
    expect(el.querySelector('svg.lift-axis')?.getAttribute('aria-label')).toBe(
      'Lift axis from 0% to +100%',
    )
  })
})
