/**
 * Who an experiment includes, by what edgelift knows of the visitor when they first meet it:
 * purchase-intent band, device, new or returning, traffic source. Each group is a set of
 * checkboxes; ticking none leaves that condition out. Part of the form's audience fieldset.
 */
import { INTENT_BANDS } from '../../../shared/api-types.ts'
import { DEVICES, TRAFFIC_SOURCES, VISITOR_KINDS } from '../../../shared/audience.ts'
import type { AudienceDraft } from './form-model.ts'

/** What the dashboard calls each value, in the form and in an experiment's facts. */
export const AUDIENCE_LABELS: Record<string, string> = {
  low: 'Low intent',
  medium: 'Medium intent',
  high: 'High intent',
  mobile: 'Mobile',
  tablet: 'Tablet',
  desktop: 'Desktop',
  new: 'New visitors',
  returning: 'Returning visitors',
  direct: 'Direct',
  search: 'Search',
  social: 'Social',
  email: 'Email',
  paid: 'Paid',
  referral: 'Referral',
}

type Props = { audience: AudienceDraft; set: (audience: AudienceDraft) => void }

export function VisitorAudienceFields({ audience, set }: Props) {
  return (
    <div class="audience" id="exp-audience">
      <p class="hint">
        Decided when a visitor first meets the experiment, and kept: a shopper whose intent changes
        later stays in (or out). Visitors outside the audience see the control and are not counted.
        Leave a group unticked to include everybody.
      </p>
      <CheckGroup
        name="intentBands"
        legend="Purchase intent"
        values={INTENT_BANDS}
        ticked={audience.intentBands}
        onChange={(intentBands) => set({ ...audience, intentBands })}
      />
      <CheckGroup
        name="devices"
        legend="Device"
        values={DEVICES}
        ticked={audience.devices}
        onChange={(devices) => set({ ...audience, devices })}
      />
      <fieldset class="check-group">
        <legend>Visitors</legend>
        {(['', ...VISITOR_KINDS] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="audience-visitors"
              value={kind}
              checked={audience.visitors === kind}
              onChange={() => set({ ...audience, visitors: kind })}
            />
            {kind === '' ? 'All visitors' : AUDIENCE_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <CheckGroup
        name="sources"
        legend="Traffic source"
        values={TRAFFIC_SOURCES}
        ticked={audience.sources}
        onChange={(sources) => set({ ...audience, sources })}
      />
    </div>
  )
}

function CheckGroup<T extends string>(props: {
  name: string
  legend: string
  values: readonly T[]
  ticked: readonly T[]
  onChange: (ticked: T[]) => void
}) {
  const { name, legend, values, ticked, onChange } = props
  return (
    <fieldset class="check-group">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            name={`audience-${name}`}
            value={value}
            checked={ticked.includes(value)}
            // Kept in the list's order, so the same choice always reads (and compares) the same.
            onChange={(e) =>
              onChange(
                values.filter((v) => (v === value ? e.currentTarget.checked : ticked.includes(v))),
              )
            }
          />
          {AUDIENCE_LABELS[value] ?? value}
        </label>
      ))}
    </fieldset>
  )
}
