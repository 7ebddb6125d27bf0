/**
 * The merchant's rules: what is pinned, excluded or boosted in which slot, with each product's
 * name and picture, and a form to add one. Every change saves the whole set at once
 * (`PUT /v1/admin/recs/rules`), so the stored rules are always the ones on screen.
 */
import { useState } from 'preact/hooks'
import type { ApiFailure } from '../api/client.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { ProductPicker } from './product-picker.tsx'
import {
  SLOT_NAMES,
  SLOTS,
  type Rule,
  type RuleAction,
  type RuleSlot,
  type RuleView,
} from './steering-types.ts'
import { SelectField } from '../components/select-field.tsx'

const ACTIONS: Record<RuleAction, string> = {
  pin: 'Pin first',
  exclude: 'Never show',
  boost: 'Boost',
}

const RULE_ACTIONS = Object.keys(ACTIONS) as RuleAction[]
const RULE_SLOTS: RuleSlot[] = ['all', ...SLOTS]

type Props = {
  rules: RuleView[]
  saving: boolean
  failure: ApiFailure | null
  onSave: (rules: Rule[]) => Promise<boolean>
}

function slotName(slot: RuleSlot): string {
  return slot === 'all' ? 'Every slot' : SLOT_NAMES[slot]
}

function actionText(rule: Rule): string {
  return rule.action === 'boost' ? `Boost ×${rule.factor ?? 1}` : ACTIONS[rule.action]
}

type RulesTableProps = {
  rules: RuleView[]
  saving: boolean
  onRemove: (index: number) => void
}

function RulesTable({ rules, saving, onRemove }: RulesTableProps) {
  return (
    <div class="table-scroll" role="region" aria-label="Steering rules" tabIndex={0}>
      <table class="data" data-table="rules">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Slot</th>
            <th scope="col">Rule</th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={`${rule.slot} ${rule.itemId}`} data-rule={`${rule.slot}:${rule.itemId}`}>
              <th scope="row">
                {rule.item?.image && <img class="steer-thumb" src={rule.item.image} alt="" />}
                {rule.item?.title ?? 'No longer in the catalog'}{' '}
                <span class="hint">{rule.itemId}</span>
              </th>
              <td>{slotName(rule.slot)}</td>
              <td>{actionText(rule)}</td>
              <td>
                <button
                  type="button"
                  class="button secondary small"
                  disabled={saving}
                  aria-label={`Remove the rule for ${rule.item?.title ?? rule.itemId} in ${slotName(rule.slot)}`}
                  onClick={() => onRemove(index)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The form that adds one rule to the set; the product field empties once the set is saved. */
function AddRuleForm({ rules, saving, onSave }: Omit<Props, 'failure'>) {
  const [slot, setSlot] = useState<RuleSlot>('all')
  const [itemId, setItemId] = useState('')
  const [action, setAction] = useState<RuleAction>('pin')
  const [factor, setFactor] = useState('2')

  const add = async (event: Event) => {
    event.preventDefault()
    const rule: Rule =
      action === 'boost'
        ? { slot, itemId, action, factor: Number(factor) }
        : { slot, itemId, action }
    if (await onSave([...rules, rule])) setItemId('')
  }

  return (
    <form class="steer-form" onSubmit={(e) => void add(e)} aria-label="Add a rule">
      <ProductPicker id="rule-item" label="Product" value={itemId} onChange={setItemId} required />
      <SelectField
        id="rule-slot"
        label="Slot"
        value={slot}
        options={RULE_SLOTS}
        optionLabel={slotName}
        onChange={setSlot}
      />
      <SelectField
        id="rule-action"
        label="Rule"
        value={action}
        options={RULE_ACTIONS}
        optionLabel={(a) => ACTIONS[a]}
        onChange={setAction}
      />
      {action === 'boost' && (
        <div class="field">
          <label for="rule-factor">Boost factor (0.1 to 10)</label>
          <input
            id="rule-factor"
            type="number"
            min="0.1"
            max="10"
            step="0.1"
            value={factor}
            onInput={(e) => setFactor(e.currentTarget.value)}
          />
        </div>
      )}
      <button type="submit" class="button" disabled={saving || itemId === ''}>
        {saving ? 'Saving…' : 'Add rule'}
      </button>
    </form>
  )
}

export function RulesEditor({ rules, saving, failure, onSave }: Props) {
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">Steering</h2>
      <p class="hint">
        Pinned products come first (when in stock), in this order; excluded ones are never shown; a
        boost multiplies a product's score, so it ranks higher among what the slot would show. A
        rule for one slot wins over the rule for every slot.
      </p>
      {rules.length === 0 ? (
        <p class="empty">No rules: recommendations come from the model alone.</p>
      ) : (
        <RulesTable
          rules={rules}
          saving={saving}
          onRemove={(index) => void onSave(rules.filter((_, i) => i !== index))}
        />
      )}
      <AddRuleForm rules={rules} saving={saving} onSave={onSave} />
      <ErrorDisplay failure={failure} />
    </section>
  )
}
