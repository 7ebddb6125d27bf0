/** The site's name and the browser origins allowed to call the public routes (`PATCH /v1/admin/site`). */
import { useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import type { SiteInfo } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { readableFailure, row, type FieldLabels } from '../lib/field-messages.ts'
import { parseOrigins } from '../lib/install-snippet.ts'

type Props = { site: SiteInfo; onSaved: (site: SiteInfo) => void }

/** The settings form's words for the fields `PATCH /v1/admin/site` names. */
export const siteLabels: FieldLabels = ([field, index]) => {
  if (field === 'name') return 'The name'
  if (field === 'allowedOrigins' && index !== undefined)
    return `Allowed origin on line ${row(index)}`
  return undefined
}

export function SiteForm({ site, onSaved }: Props) {
  const [name, setName] = useState(site.name)
  const [origins, setOrigins] = useState(site.allowedOrigins.join('\n'))
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)

  const save = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    setSaved('')
    try {
      const next = await request<SiteInfo>('/v1/admin/site', {
        method: 'PATCH',
        body: { name: name.trim(), allowedOrigins: parseOrigins(origins) },
      })
      setOrigins(next.allowedOrigins.join('\n'))
      setSaved('Saved.')
      onSaved(next)
    } catch (err) {
      setFailure(readableFailure(asFailure(err), siteLabels))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} aria-labelledby="site-title" noValidate>
      <h2 id="site-title">Site</h2>
      <div class="field">
        <label for="site-name">Name</label>
        <input
          id="site-name"
          value={name}
          maxLength={200}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="site-origins">Allowed origins</label>
        <textarea
          id="site-origins"
          rows={4}
          value={origins}
          spellcheck={false}
          aria-describedby="site-origins-hint"
          onInput={(e) => setOrigins(e.currentTarget.value)}
        />
        <p class="hint" id="site-origins-hint">
          One per line, like <code>https://shop.example</code> (scheme and host, no path). Empty:
          every origin may call the public routes.
        </p>
      </div>
      <ErrorDisplay failure={failure} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save site'}
        </button>
        <span role="status">{saved}</span>
      </div>
    </form>
  )
}
