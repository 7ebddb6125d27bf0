/** "Download CSV" of an experiment's phase: the results table, and every visitor. */
import { useState } from 'preact/hooks'
import { ApiFailure, experimentApi } from '../api/client.ts'
import { downloadFile } from '../api/download.ts'
import { ErrorDisplay } from '../components/error-display.tsx'

type Props = { experimentKey: string; phase: number }

export function CsvDownloads({ experimentKey, phase }: Props) {
  const [busy, setBusy] = useState<string | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)

  async function save(kind: 'results' | 'visitors') {
    setBusy(kind)
    setFailure(null)
    try {
      await downloadFile(
        experimentApi(experimentKey, `/${kind}.csv?phase=${phase}`),
        `${experimentKey}-phase-${phase}-${kind}.csv`,
      )
    } catch (err) {
      setFailure(
        err instanceof ApiFailure ? err : new ApiFailure(0, 'download_failed', String(err)),
      )
    } finally {
      setBusy(null)
    }
  }

  return (
    <div class="csv-downloads">
      <button
        type="button"
        class="secondary"
        disabled={busy !== null}
        onClick={() => void save('results')}
      >
        {busy === 'results' ? 'Preparing…' : 'Download CSV'}
      </button>
      <button
        type="button"
        class="secondary"
        disabled={busy !== null}
        onClick={() => void save('visitors')}
      >
        {busy === 'visitors' ? 'Preparing…' : 'Download visitors CSV'}
      </button>
      <ErrorDisplay failure={failure} />
    </div>
  )
}
