/**
 * Signing in with the site's secret admin key. The key is checked against the API once (reading
 * the site), then kept in sessionStorage by the caller. The form posts nowhere: the key must
 * never end up in a URL, even if the script fails half-way.
 */
import { useState } from 'preact/hooks'
import { ApiFailure, asFailure, request } from '../api/client.ts'
import type { SiteInfo } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'

type Props = {
  /** Why the admin is here again, e.g. after a 401 ("This admin key is not valid"). */
  notice: ApiFailure | null
  onSignedIn: (key: string, site: SiteInfo) => void
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [key, setKey] = useState('')
  const [failure, setFailure] = useState<ApiFailure | null>(notice)
  const [busy, setBusy] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    const trimmed = key.trim()
    if (!trimmed) {
      setFailure(new ApiFailure(0, 'missing_key', 'Enter the secret admin key (sk_...).'))
      return
    }
    setBusy(true)
    try {
      const site = await request<SiteInfo>('/v1/admin/site', { key: trimmed })
      onSignedIn(trimmed, site)
    } catch (err) {
      const failed = asFailure(err)
      setFailure(
        failed.status === 401
          ? new ApiFailure(401, failed.code, 'This admin key is not valid.')
          : failed,
      )
      setBusy(false)
    }
  }

  return (
    <main id="main" class="sign-in">
      <h1 id="page-title" tabIndex={-1}>
        edgelift admin
      </h1>
      <p>Sign in with your site’s secret admin key. It stays in this browser tab only.</p>
      <form method="post" action="" onSubmit={(e) => void submit(e)} noValidate>
        <label for="admin-key">Secret admin key</label>
        <input
          id="admin-key"
          name="admin-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          placeholder="sk_..."
          value={key}
          aria-describedby={failure ? 'sign-in-error' : 'admin-key-hint'}
          aria-invalid={failure ? true : undefined}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <p class="hint" id="admin-key-hint">
          Shown once when the site was created or its key was rotated. Not the public key (pk_...).
        </p>
        <ErrorDisplay failure={failure} id="sign-in-error" />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
