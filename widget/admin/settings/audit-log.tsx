/** The audit log (`GET /v1/admin/audit`): who changed what and when, newest first, older on demand. */
import { useEffect, useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import type { AuditPage } from '../api/types.ts'
import { useApi } from '../api/use-api.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { formatDateTime } from '../lib/dates.ts'

const PAGE = '/v1/admin/audit?limit=20'

export function AuditLog({ refresh }: { refresh: number }) {
  const first = useApi<AuditPage>(PAGE, refresh)
  const [older, setOlder] = useState<AuditPage[]>([])
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  useEffect(() => setOlder([]), [first.data])
  const pages = first.data ? [first.data, ...older] : []
  const cursor = pages.at(-1)?.nextCursor
  const more = async () => {
    setFailure(null)
    try {
      const page = await request<AuditPage>(`${PAGE}&cursor=${cursor ?? ''}`)
      setOlder((loaded) => [...loaded, page])
    } catch (err) {
      setFailure(asFailure(err))
    }
  }
  const entries = pages.flatMap((page) => page.entries)

  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <ErrorDisplay failure={first.error ?? failure} />
      {first.data && entries.length === 0 && <p>No changes yet.</p>}
      {entries.length > 0 && (
        <div class="table-scroll">
          <table class="data compact audit-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Key</th>
                <th scope="col">Change</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.keyName}</td>
                  <td>
                    <code>
                      {entry.method} {entry.route.replace('/v1/admin', '')}
                    </code>
                    {entry.target && ` ${entry.target}`}
                  </td>
                  <td>
                    {entry.summary}
                    {!entry.confirmed && ' (started, success not recorded)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" class="button secondary" onClick={() => void more()}>
          Show older changes
        </button>
      )}
    </section>
  )
}
