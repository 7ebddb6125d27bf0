/** Calendar figures of an experiment: how long it has been running, and dates as admins read them. */
import type { ExperimentStatus, Phase } from '../api/types.ts'
import { DAY_MS } from '../../../shared/durations.ts'

/**
 * Days since the first phase started, up to now (running, paused) or to the end of the last
 * phase (stopped). Null for an experiment that never started.
 */
export function daysRunning(
  phases: readonly Phase[],
  status: ExperimentStatus,
  now: number,
): number | null {
  const first = phases[0]
  if (!first) return null
  const last = phases[phases.length - 1]
  const end = status === 'stopped' && last?.endedAt != null ? last.endedAt : now
  return Math.max(0, (end - first.startedAt) / DAY_MS)
}

/** A timestamp as a date and time in the admin's own time zone, e.g. `Mar 4, 2026, 14:05`. */
export function formatDateTime(ms: number | null | undefined): string {
  if (typeof ms !== 'number') return '—'
  return new Date(ms).toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
}

/** A `YYYY-MM-DD` day (UTC, as the timeseries route answers it) as `Mar 4`. */
export function formatDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime())) return date
  return parsed.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
}

/** How long ago `ms` was, from `now`: `just now`, `12 minutes ago`, `3 hours ago`, `never`. */
export function formatAgo(ms: number | null, now: number): string {
  if (ms === null) return 'never'
  const minutes = Math.floor(Math.max(0, now - ms) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.floor(minutes / 60)
  return hours < 48 ? `${hours} hours ago` : `${Math.floor(hours / 24)} days ago`
}
