// The dashboard's labelled drop-down rendered by Preact in happy-dom: the label names the select,
// each value shows by its label, a change hands back the value, and a hint describes the select.
import { h, render } from 'preact'
import { describe, expect, it, vi } from 'vitest'
import { SelectField } from '../../../widget/admin/components/select-field.tsx'
import { renderRoot as root } from './render-root.ts'

const LABELS = { ab: 'A/B test', bandit: 'Bandit' } as const

describe('SelectField', () => {
  it('labels the select and shows each value by its label, the chosen one selected', () => {
    const el = root()
    render(
      h(SelectField<'ab' | 'bandit'>, {
        id: 'type',
        label: 'Experiment type',
        value: 'bandit',
        options: ['ab', 'bandit'],
        optionLabel: (v) => LABELS[v],
        onChange: () => {},
      }),
      el,
    )
    const select = el.querySelector('select') as HTMLSelectElement
    expect(el.querySelector('label')?.getAttribute('for')).toBe('type')
    expect(el.querySelector('label')?.textContent).toBe('Experiment type')
    expect(select.id).toBe('type')
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['ab', 'A/B test'],
      ['bandit', 'Bandit'],
    ])
    expect(select.value).toBe('bandit')
    expect(select.hasAttribute('aria-describedby')).toBe(false)
  })

  it('hands back the chosen value, and describes the select by its hint', () => {
    const el = root()
    const onChange = vi.fn()
    render(
      h(SelectField<string>, {
        id: 'slot',
        label: 'Slot',
        value: 'trending',
        options: ['trending', 'similar'],
        onChange,
        hint: 'Where the list shows.',
      }),
      el,
    )
    const select = el.querySelector('select') as HTMLSelectElement
    expect(select.options[1]?.textContent).toBe('similar')
    select.value = 'similar'
    select.dispatchEvent(new Event('change', { bubbles: true }))
    expect(onChange).toHaveBeenCalledWith('similar')
    expect(select.getAttribute('aria-describedby')).toBe('slot-hint')
    expect(el.querySelector('#slot-hint')?.textContent).toBe('Where the list shows.')
  })

  it('can be disabled', () => {
    const el = root()
    render(
      h(SelectField<string>, {
        id: 'x',
        label: 'X',
        value: 'a',
        options: ['a'],
        onChange: () => {},
        disabled: true,
      }),
      el,
    )
    expect((el.querySelector('select') as HTMLSelectElement).disabled).toBe(true)
  })
})
