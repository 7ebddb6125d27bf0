/**
 * Copies a text (an install snippet, a new key) to the clipboard and says so in a live region.
 * Where the Clipboard API is refused (insecure origin, permissions), it selects the text of
 * `fallbackId` so the admin can press Ctrl+C.
 */
import { useState } from 'preact/hooks'

type Props = { text: string; label: string; fallbackId?: string }

export function CopyButton({ text, label, fallbackId }: Props) {
  const [status, setStatus] = useState('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setStatus('Copied to the clipboard.')
    } catch {
      const target = fallbackId ? document.getElementById(fallbackId) : null
      if (target) window.getSelection()?.selectAllChildren(target)
      setStatus('Copying was blocked: the text is selected, press Ctrl+C (⌘C) to copy it.')
    }
  }
  return (
    <span class="copy">
      <button type="button" class="button secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span class="copy-status" role="status">
        {status}
      </span>
    </span>
  )
}
