// The Behaviour page's intent section rendered by Preact in happy-dom: why the model is not up to
// date, when its last training or learning run failed, above the figures.
import { h, render } from 'preact'
import { describe, expect, it } from 'vitest'
import type { BehaviourAnswer } from '../../../shared/behaviour.ts'
import { IntentView } from '../../../widget/admin/behaviour/intent-view.tsx'
import { formatCount, formatPercent } from '../../../widget/admin/lib/format.ts'
import { renderRoot as root } from './render-root.ts'

const intent = (lastError: string | null): BehaviourAnswer['intent'] => ({
  model: 'site',
  sessions: 0,
  purchases: 0,
  auc: null,
  calibration: [],
  bands: [],
  features: [],
  lastError,
  online: { updates: 0, trust: 0.05 },
})

describe('IntentView', () => {
  it('says why the model is not up to date when its last run failed', () => {
    const el = root()
    render(h(IntentView, { intent: intent('Online learning failed: D1_ERROR: busy') }), el)
    expect(el.querySelector('[data-state="intent-error"]')?.textContent).toBe(
      '⚠ The model is not up to date: Online learning failed: D1_ERROR: busy',
    )
  })

  it('says nothing of the kind when the runs went through', () => {
    const el = root()
    render(h(IntentView, { intent: intent(null) }), el)
    expect(el.querySelector('[data-state="intent-error"]')).toBeNull()
    expect(el.querySelector('[data-state="no-outcomes"]')).not.toBeNull()
  })

  it('says what the online layer has learnt and its weight in each score', () => {
    const fact = (online: BehaviourAnswer['intent']['online']) => {
      const el = root()
      render(h(IntentView, { intent: { ...intent(null), online } }), el)
      return el.querySelector('[data-fact="online"]')?.textContent
    }
    expect(fact({ updates: 0, trust: 0.05 })).toBe(
      'The model has not learnt from any ended session since it was trained.',
    )
    expect(fact({ updates: 1, trust: 0.4 })).toContain(
      'Learnt from 1 ended session since it was trained: the part that keeps learning carries 40.0% of each score',
    )
    expect(fact({ updates: 1234, trust: 0.8176 })).toContain(
      `Learnt from ${formatCount(1234)} ended sessions since it was trained: the part that keeps learning carries ${formatPercent(0.8176)}`,
    )
  })
})
