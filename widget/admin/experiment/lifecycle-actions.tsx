/**
 * Start, pause and stop, each asked for first: starting sends real visitors into the test, and a
 * stop is final. Refusals (409: already running, stopped) appear in the one error display.
 */
import { useRef, useState } from 'preact/hooks'
import { asFailure, experimentApi, request, type ApiFailure } from '../api/client.ts'
import type { ExperimentDetail } from '../api/types.ts'
import {
  useConfirm,
  useFocusAfterAction,
  type ConfirmOptions,
} from '../components/confirm-dialog.tsx'
import { ErrorDisplay } from '../components/error-display.tsx'
import { experimentPath } from '../router.ts'

type Action = 'start' | 'pause' | 'stop'

function confirmation(action: Action, exp: ExperimentDetail): ConfirmOptions {
  switch (action) {
    case 'start':
      return {
        title: exp.status === 'paused' ? `Resume ${exp.name}?` : `Start ${exp.name}?`,
        body: (
          <p>
            Visitors {exp.url ? `on pages matching ${exp.url} ` : ''}will be split between{' '}
            {exp.variations.length} variations ({Math.round(exp.coverage * 100)}% of traffic).
          </p>
        ),
        confirmLabel: exp.status === 'paused' ? 'Resume' : 'Start',
      }
    case 'pause':
      return {
        title: `Pause ${exp.name}?`,
        body: (
          <p>
            Everyone sees the control while it is paused. Resuming keeps the same phase and
            assignments.
          </p>
        ),
        confirmLabel: 'Pause',
      }
    case 'stop':
      return {
        title: `Stop ${exp.name} for good?`,
        body: (
          <p>
            A stopped experiment cannot start again; its results stay readable. Everyone sees the
            control from now on.
          </p>
        ),
        confirmLabel: 'Stop experiment',
        tone: 'danger',
      }
  }
}

type Props = { experiment: ExperimentDetail; onChanged: (exp: ExperimentDetail) => void }

export function LifecycleActions({ experiment: exp, onChanged }: Props) {
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState<Action | null>(null)
  const [dialog, ask] = useConfirm()
  const actions = useRef<HTMLDivElement>(null)
  // Focus goes to the new first action; after a stop none is left, and the page's heading
  // (focusable, as after navigation) takes it.
  const focusNext = useFocusAfterAction(
    () =>
      actions.current?.querySelector<HTMLElement>('button:enabled, a') ??
      document.querySelector<HTMLElement>('main h1'),
  )

  const run = async (action: Action) => {
    if (!(await ask(confirmation(action, exp)))) return
    setBusy(action)
    setFailure(null)
    try {
      onChanged(
        await request<ExperimentDetail>(experimentApi(exp.key, `/${action}`), { method: 'POST' }),
      )
    } catch (err) {
      setFailure(asFailure(err))
    } finally {
      setBusy(null)
      focusNext()
    }
  }
  const button = (action: Action, label: string, tone = 'button') => (
    <button type="button" class={tone} disabled={busy !== null} onClick={() => void run(action)}>
      {busy === action ? `${label}…` : label}
    </button>
  )

  return (
    <div class="lifecycle">
      {dialog}
      <div class="page-actions" ref={actions}>
        {(exp.status === 'draft' || exp.status === 'paused') &&
          button('start', exp.status === 'paused' ? 'Resume' : 'Start')}
        {exp.status === 'running' && button('pause', 'Pause', 'button secondary')}
        {(exp.status === 'running' || exp.status === 'paused') &&
          button('stop', 'Stop', 'button danger')}
        {exp.status !== 'stopped' && (
          <a class="button secondary" href={experimentPath(exp.key, '/edit')}>
            Edit
          </a>
        )}
      </div>
      <ErrorDisplay failure={failure} />
    </div>
  )
}
