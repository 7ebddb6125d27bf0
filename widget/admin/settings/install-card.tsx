/**
 * How to install the widget: the script tag with the site's public key, and the pinned variant
 * with Subresource Integrity when the build's manifest is available.
 */
import { useEffect, useState } from 'preact/hooks'
import type { WidgetManifest } from '../api/types.ts'
import { Snippet } from '../components/snippet.tsx'
import { installSnippet, sriSnippet } from '../lib/install-snippet.ts'

export function InstallCard({ publicKey }: { publicKey: string }) {
  const origin = window.location.origin
  const [manifest, setManifest] = useState<WidgetManifest | null | 'missing'>(null)
  useEffect(() => {
    // A static file: no admin key needed, and none is sent.
    fetch('/widget/manifest.json', { credentials: 'omit' })
      .then((res) => (res.ok ? (res.json() as Promise<WidgetManifest>) : Promise.reject(res)))
      .then((body) => setManifest(body.loader?.path ? body : 'missing'))
      .catch(() => setManifest('missing'))
  }, [])
  const plain = installSnippet(origin, publicKey)
  const pinned = manifest && manifest !== 'missing' ? sriSnippet(origin, publicKey, manifest) : null

  return (
    <section aria-labelledby="install-title" class="card">
      <h2 id="install-title">Install</h2>
      <p>Paste this before the closing &lt;/body&gt; tag of every store page:</p>
      <Snippet name="plain" text={plain} label="Copy snippet" />
      <h3>Pinned version with Subresource Integrity</h3>
      {manifest === null && <p class="muted">Loading the widget manifest…</p>}
      {manifest === 'missing' && (
        <p class="muted">The widget manifest is not available on this server.</p>
      )}
      {pinned && manifest && manifest !== 'missing' && (
        <>
          <p>
            Pins widget version <code>{manifest.version}</code>: the browser refuses it if a single
            byte changes. Later deploys keep serving it; update the tag to take a newer widget.
          </p>
          <Snippet name="sri" text={pinned} label="Copy pinned snippet" />
        </>
      )}
    </section>
  )
}
