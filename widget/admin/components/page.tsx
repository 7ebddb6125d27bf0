/**
 * A page's frame: its heading (the target focus moves to after in-app navigation, so screen reader
 * users hear where they landed), the browser tab's title, and optional actions beside the heading.
 */
import { useEffect } from 'preact/hooks'
import type { ComponentChildren } from 'preact'

export const PAGE_TITLE_ID = 'page-title'

type Props = {
  title: string
  subtitle?: ComponentChildren
  actions?: ComponentChildren
  children: ComponentChildren
}

export function Page({ title, subtitle, actions, children }: Props) {
  useEffect(() => {
    document.title = `${title} · edgelift admin`
  }, [title])
  return (
    <>
      <div class="page-head">
        <div>
          <h1 id={PAGE_TITLE_ID} tabIndex={-1}>
            {title}
          </h1>
          {subtitle && <div class="subtitle">{subtitle}</div>}
        </div>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  )
}

/** A polite "Loading…" line that screen readers announce once. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  )
}
