/**
 * A bandit's own view beside the usual table: the weights over time, each variation's
 * period-weighted rate with its interval, probability of being best and conversions gained
 * against an equal split; the stopping recommendation with "Stop and roll out"; and "Reweigh
 * now" for an update outside the schedule.
 */
import { useState } from 'preact/hooks'
import { asFailure, experimentApi, request, type ApiFailure } from '../api/client.ts'
import type { BanditResultsSection, ExperimentDetail, ReweighAnswer } from '../api/types.ts'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { ErrorDisplay } from '../components/error-display.tsx'
import { formatInterval, formatPercent } from '../lib/format.ts'
import { BanditWeightsChart } from './bandit-weights-chart.tsx'

type Props = {
  experiment: ExperimentDetail
  bandit: BanditResultsSection
  onChanged: (exp: ExperimentDetail) => void
  onReweighed: () => void
}

const REASONS: Record<NonNullable<ReweighAnswer['reason']>, string> = {
  exploring: 'Not updated: the bandit is still exploring with equal weights.',
  not_enough_visitors: 'Not updated: every variation needs 100 exposed visitors first.',
}

const signedCount = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`

/**
 * "Reweigh now" and "Stop and roll out" with their confirmation dialog, busy flag, failure and the
 * note that says what reweighing did.
 */
function useBanditActions(
  { experiment: exp, onChanged, onReweighed }: Props,
  winner: string | null,
  winnerName: string | null,
) {
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [dialog, ask] = useConfirm()

  const call = async <T,>(suffix: string, body?: unknown): Promise<T | null> => {
    setBusy(true)
    setFailure(null)
    try {
      return await request<T>(experimentApi(exp.key, suffix), { method: 'POST', body })
    } catch (err) {
      setFailure(asFailure(err))
      return null
    } finally {
      setBusy(false)
    }
  }
  const reweigh = async () => {
    const answer = await call<ReweighAnswer>('/reweigh')
    if (!answer) return
    setNote(
      answer.updated
        ? 'Updated: new visitors get the new weights.'
        : REASONS[answer.reason ?? 'exploring'],
    )
    onReweighed()
  }
  const rollOut = async () => {
    if (!winner) return
    const go = await ask({
      title: `Stop and roll out ${winnerName}?`,
      body: (
        <p>
          The experiment stops for good and every visitor is shown {winnerName} from now on. Its
          results stay readable.
        </p>
      ),
      confirmLabel: `Stop and roll out ${winnerName}`,
      tone: 'danger',
    })
    if (!go) return
    const next = await call<ExperimentDetail>('/rollout', { variation: winner })
    if (next) onChanged(next)
  }
  return { dialog, failure, note, busy, reweigh, rollOut }
}

function BanditTable({ bandit, names }: { bandit: BanditResultsSection; names: string[] }) {
  return (
    <table class="bandit-table">
      <thead>
        <tr>
          <th scope="col">Variation</th>
          <th scope="col">Weight now</th>
          <th scope="col">Visitors</th>
          <th scope="col">Rate (period-weighted)</th>
          <th scope="col">95% interval</th>
          <th scope="col">P(best)</th>
          <th scope="col">Conversions vs equal split</th>
        </tr>
      </thead>
      <tbody>
        {bandit.variations.map((v, i) => (
          <tr key={v.key} data-variation={v.key}>
            <th scope="row">{names[i]}</th>
            <td>{formatPercent(bandit.weights[i])}</td>
            <td>{v.visitors}</td>
            <td>{formatPercent(v.rate, 2)}</td>
            <td>{formatInterval(v.rateCI, (x) => formatPercent(x, 2))}</td>
            <td class="p-best">{formatPercent(v.probabilityOfBeingBest)}</td>
            <td>{signedCount(v.conversionsGained)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function BanditPanel(props: Props) {
  const { experiment: exp, bandit } = props
  const names = bandit.variations.map(
    (v) => exp.variations.find((e) => e.key === v.key)?.name ?? v.key,
  )
  const winner = bandit.recommendedWinner
  const winnerName = names[bandit.variations.findIndex((v) => v.key === winner)] ?? winner
  const running = exp.status === 'running' || exp.status === 'paused'
  const { dialog, failure, note, busy, reweigh, rollOut } = useBanditActions(
    props,
    winner,
    winnerName,
  )

  return (
    <section class="bandit-panel" aria-labelledby="bandit-title">
      {dialog}
      <h3 id="bandit-title">Bandit: {bandit.objective === 'maximize' ? 'maximize' : 'identify'}</h3>
      {exp.winner ? (
        <div class="notice" role="status">
          Rolled out: every visitor is shown <strong>{exp.winner}</strong>.
        </div>
      ) : (
        winner && (
          <div class="notice recommend-stop" role="status">
            <strong>{winnerName}</strong> has been the best with at least{' '}
            {formatPercent(bandit.stopThreshold, 0)} probability at three updates in a row: you can
            stop the test and show it to everyone.
            {running && (
              <button type="button" class="button" disabled={busy} onClick={() => void rollOut()}>
                Stop and roll out {winnerName}
              </button>
            )}
          </div>
        )
      )}
      <BanditWeightsChart bandit={bandit} names={names} now={Date.now()} />
      <BanditTable bandit={bandit} names={names} />
      <p class="bandit-gained">
        Against an equal split of the same visitors the bandit has{' '}
        {bandit.conversionsGained >= 0 ? 'gained' : 'lost'}{' '}
        <strong>{Math.abs(bandit.conversionsGained).toFixed(0)}</strong> conversions.
      </p>
      {exp.status === 'running' && (
        <div class="page-actions">
          <button
            type="button"
            class="button secondary"
            disabled={busy}
            onClick={() => void reweigh()}
          >
            {busy ? 'Reweighing…' : 'Reweigh now'}
          </button>
        </div>
      )}
      {note && <p role="status">{note}</p>}
      <ErrorDisplay failure={failure} />
    </section>
  )
}
