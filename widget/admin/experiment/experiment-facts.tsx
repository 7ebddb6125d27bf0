/** An experiment's setup at a glance: status, phase, how long it has run, goal, audience, split. */
import type { ExperimentDetail } from '../api/types.ts'
import { StatusBadge } from '../components/status-badge.tsx'
import { GOAL_LABELS } from '../form/audience-fields.tsx'
import { AUDIENCE_LABELS } from '../form/visitor-audience-fields.tsx'
import type { Audience } from '../../../shared/audience.ts'
import { daysRunning, formatDateTime } from '../lib/dates.ts'
import { formatDays, formatPercent } from '../lib/format.ts'

export function ExperimentFacts({ experiment: exp }: { experiment: ExperimentDetail }) {
  const days = daysRunning(exp.phases, exp.status, Date.now())
  const current = exp.phases.find((p) => p.phase === exp.phase)
  const goal =
    exp.goal.event === 'custom'
      ? `Custom event “${exp.goal.name ?? ''}”`
      : GOAL_LABELS[exp.goal.event]
  return (
    <dl class="facts">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={exp.status} />
        </dd>
      </div>
      <div>
        <dt>Phase</dt>
        <dd>
          {exp.phase > 0 ? exp.phase : 'not started'}
          {current && <span class="muted"> since {formatDateTime(current.startedAt)}</span>}
        </dd>
      </div>
      <div>
        <dt>{exp.status === 'stopped' ? 'Ran for' : 'Running for'}</dt>
        <dd data-fact="days">{formatDays(days)}</dd>
      </div>
      <div>
        <dt>Goal</dt>
        <dd>{goal}</dd>
      </div>
      <div>
        <dt>Audience</dt>
        <dd>
          {formatPercent(exp.coverage, 0)} of traffic
          {exp.url ? ` on ${exp.url}` : ', every page'}
          {exp.audience && <span data-fact="audience">; {audienceText(exp.audience)}</span>}
        </dd>
      </div>
      <div>
        <dt>Split</dt>
        <dd>
          {exp.variations
            .map((v) => `${v.key} ${formatPercent(v.weight, 0)}${v.url ? ` → ${v.url}` : ''}`)
            .join(' · ')}
          {exp.redirect && ' (redirects)'}
        </dd>
      </div>
    </dl>
  )
}

/** The audience's conditions in words: "Medium or High intent, Mobile". */
function audienceText(audience: Audience): string {
  const label = (v: string) => AUDIENCE_LABELS[v] ?? v
  const anyOf = (values: readonly string[] | undefined) =>
    values ? [values.map(label).join(' or ')] : []
  return [
    ...anyOf(audience.intentBands),
    ...anyOf(audience.devices),
    ...(audience.visitors ? [label(audience.visitors)] : []),
    ...anyOf(audience.sources?.map((s) => `${label(s)} traffic`)),
  ].join(', ')
}
