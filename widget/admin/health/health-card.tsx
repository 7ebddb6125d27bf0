/**
 * Is data arriving? "Last exposure / last purchase received N minutes ago" and the warnings of
 * `GET /v1/admin/health`, for the site (Settings) or one experiment (its page): a store owner
 * learns on day one that markup, an origin or the purchase snippet is missing, not after a week
 * of empty results.
 */
import type { HealthWarning, SiteHealth } from '../api/types.ts'
import { useApi } from '../api/use-api.ts'
import { formatAgo } from '../lib/dates.ts'

type Props = {
  /** One started experiment's health; the site's without it. */
  experimentKey?: string
  refresh?: unknown
}

export function HealthCard({ experimentKey, refresh }: Props) {
  const { data } = useApi<SiteHealth>('/v1/admin/health', refresh)
  if (!data) return null
  const subject = experimentKey ? data.experiments.find((e) => e.key === experimentKey) : data
  // A draft or stopped experiment receives nothing by design.
  if (!subject) return null
  return (
    <section class="card" aria-labelledby="health-title" data-health>
      <h2 id="health-title">Data arriving</h2>
      <p data-health-latest>
        Last exposure received {formatAgo(subject.lastExposureAt, data.now)} · last purchase
        received {formatAgo(subject.lastPurchaseAt, data.now)}
        {experimentKey ? ' (from a visitor in this experiment)' : ''}.
      </p>
      <Warnings warnings={subject.warnings} />
    </section>
  )
}

function Warnings({ warnings }: { warnings: HealthWarning[] }) {
  if (warnings.length === 0) return null
  return (
    <div class="banner bad" role="alert">
      <p class="banner-title">
        <span aria-hidden="true">⚠ </span>Data is being lost or is not arriving
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={w.code} data-health-warning={w.code}>
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
