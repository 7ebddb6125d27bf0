/** An experiment's status as a badge: a word and a symbol, so it never depends on colour alone. */
import type { ExperimentStatus } from '../api/types.ts'

const SYMBOL: Record<ExperimentStatus, string> = {
  draft: '✎',
  running: '▶',
  paused: '⏸',
  stopped: '■',
}

export function StatusBadge({ status }: { status: ExperimentStatus }) {
  return (
    <span class={`badge status-${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {status}
    </span>
  )
}
