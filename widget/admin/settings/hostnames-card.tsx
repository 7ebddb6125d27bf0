/**
 * Where the dashboard lives and which store hostnames serve: each proxied hostname with its DNS
 * proof, the TXT record still missing, and a check on demand.
 */
import { useState } from 'preact/hooks'
import type { ProxySettingsAnswer } from '../../../shared/api-types.ts'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import { ErrorDisplay } from '../components/error-display.tsx'

export function HostnamesCard() {
  const loaded = useApi<ProxySettingsAnswer>('/v1/admin/site/proxy')
  const [checked, setChecked] = useState<ProxySettingsAnswer | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState(false)
  const proxy = checked ?? loaded.data
  if (!proxy) return <ErrorDisplay failure={loaded.error} />

  const check = async () => {
    setBusy(true)
    setFailure(null)
    try {
      setChecked(await request('/v1/admin/site/proxy/verify', { method: 'POST' }))
    } catch (err) {
      setFailure(asFailure(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="card" aria-labelledby="hostnames-title">
      <h2 id="hostnames-title">Hostnames</h2>
      <p data-dashboard-host>
        This dashboard lives on <code>{window.location.host}</code>, edgelift's own hostname, and
        never on a store's: a store's pages run their own scripts, and on this origin they could
        read the admin key this page keeps.
      </p>
      {proxy.verification.length === 0 ? (
        <p class="muted">No store is proxied through edgelift (edge proxy mode is off).</p>
      ) : (
        <ul class="hostnames">
          {proxy.verification.map((proof) => (
            <li key={proof.hostname} data-hostname={proof.hostname}>
              <code>{proof.hostname}</code>{' '}
              {proof.verified ? (
                <span class="badge">Serving</span>
              ) : (
                <>
                  <span class="badge">Waiting for proof</span>
                  <p>
                    Add a DNS TXT record <code>{proof.record.name}</code> with the value{' '}
                    <code>{proof.record.value}</code>, then check again.
                  </p>
                </>
              )}
              {proof.error && <p class="muted">{proof.error}</p>}
            </li>
          ))}
        </ul>
      )}
      <ErrorDisplay failure={failure} />
      {proxy.verification.length > 0 && (
        <button type="button" onClick={check} disabled={busy}>
          {busy ? 'Checking…' : 'Check now'}
        </button>
      )}
    </section>
  )
}
