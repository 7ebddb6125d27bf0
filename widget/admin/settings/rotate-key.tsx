/**
 * Rotating the secret admin key: asked for first (the old key stops working at once), the new
 * key shown once with a copy button, and this session switched to it so the admin stays signed in.
 */
import { useRef, useState } from 'preact/hooks'
import { asFailure, request, type ApiFailure } from '../api/client.ts'
import type { RotatedKey } from '../api/types.ts'
import { useConfirm, useFocusAfterAction } from '../components/confirm-dialog.tsx'
import { CopyButton } from '../components/copy-button.tsx'
import { ErrorDisplay } from '../components/error-display.tsx'
import { saveKey } from '../session.ts'

export function RotateKey() {
  const [rotated, setRotated] = useState<RotatedKey | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState(false)
  const [dialog, ask] = useConfirm()
  const section = useRef<HTMLElement>(null)
  // After a rotation focus goes to copying the new key, or back to the button after a failure.
  const focusNext = useFocusAfterAction(() =>
    section.current?.querySelector<HTMLElement>('.new-key button, button.danger'),
  )

  const rotate = async () => {
    const go = await ask({
      title: 'Rotate the admin key?',
      body: (
        <p>
          The current key stops working immediately — in scripts, CI and other browser tabs too. The
          new key is shown once.
        </p>
      ),
      confirmLabel: 'Rotate key',
      tone: 'danger',
    })
    if (!go) return
    setBusy(true)
    setFailure(null)
    try {
      const answer = await request<RotatedKey>('/v1/admin/site/rotate-key', { method: 'POST' })
      saveKey(answer.adminKey)
      setRotated(answer)
    } catch (err) {
      setFailure(asFailure(err))
    } finally {
      setBusy(false)
      focusNext()
    }
  }

  return (
    <section aria-labelledby="rotate-title" class="card" ref={section}>
      {dialog}
      <h2 id="rotate-title">Admin key</h2>
      <p>
        Rotate the key if it may have leaked. This browser tab switches to the new key; everything
        else using the old one must be updated.
      </p>
      {rotated && (
        <div class="banner good new-key" role="status">
          <p class="banner-title">New admin key — {rotated.message}</p>
          <pre class="snippet" id="new-admin-key">
            <code data-new-key>{rotated.adminKey}</code>
          </pre>
          <CopyButton text={rotated.adminKey} label="Copy key" fallbackId="new-admin-key" />
        </div>
      )}
      <ErrorDisplay failure={failure} />
      <button type="button" class="button danger" disabled={busy} onClick={() => void rotate()}>
        {busy ? 'Rotating…' : 'Rotate admin key'}
      </button>
    </section>
  )
}
