/**
 * Asking before a consequential action (start, stop, a new phase, a key rotation), in a native
 * modal <dialog>: it traps focus, closes on Escape and returns focus to the button that opened it.
 * `useConfirm` gives components an `ask()` that resolves to the admin's answer.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'

export type ConfirmOptions = {
  title: string
  body: ComponentChildren
  confirmLabel: string
  /** `danger` colours the confirm button as destructive and focuses Cancel first. */
  tone?: 'normal' | 'danger'
}

type Pending = ConfirmOptions & { resolve: (answer: boolean) => void }

/**
 * After a confirmed action, where focus goes: call the answer when the action has finished (and
 * re-rendered), and focus moves to what `target` finds then. The dialog hands focus back to the
 * button that opened it, but that button was disabled while the request ran, or is gone (Start
 * becomes Pause), and focus would fall to the page, where a screen reader loses its place.
 */
export function useFocusAfterAction(target: () => HTMLElement | null | undefined): () => void {
  const [settled, setSettled] = useState(0)
  useEffect(() => {
    if (settled > 0) target()?.focus()
  }, [settled])
  return () => setSettled((n) => n + 1)
}

/** `[dialog, ask]`: render `dialog` once; `await ask({...})` is true when the admin confirms. */
export function useConfirm(): [ComponentChildren, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null)
  const ask = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => setPending({ ...options, resolve })),
    [],
  )
  const answer = (value: boolean) => {
    pending?.resolve(value)
    setPending(null)
  }
  const dialog = pending ? <ConfirmDialog options={pending} onAnswer={answer} /> : null
  return [dialog, ask]
}

function ConfirmDialog({
  options,
  onAnswer,
}: {
  options: ConfirmOptions
  onAnswer: (value: boolean) => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)
  useEffect(() => {
    opener.current = document.activeElement
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus()
    }
  }, [])
  const danger = options.tone === 'danger'
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault()
        onAnswer(false)
      }}
    >
      <h2 id="confirm-title">{options.title}</h2>
      <div id="confirm-body">{options.body}</div>
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          autofocus={danger}
          onClick={() => onAnswer(false)}
        >
          Cancel
        </button>
        <button
          type="button"
          class={danger ? 'button danger' : 'button'}
          autofocus={!danger}
          onClick={() => onAnswer(true)}
        >
          {options.confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
