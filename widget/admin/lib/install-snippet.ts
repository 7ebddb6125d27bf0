/**
 * The script tags a merchant pastes into the store: the short one (always the latest widget) and
 * the pinned one with Subresource Integrity, from the build's manifest. Attribute values are
 * escaped because a site's key or origin ends up inside HTML the merchant copies.
 */
import type { WidgetManifest } from '../api/types.ts'

/** A value escaped for a double-quoted HTML attribute (or text). */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** `<script async src="https://EDGE/widget.js" data-site="pk_..."></script>` */
export function installSnippet(origin: string, publicKey: string): string {
  return `<script async src="${attr(origin)}/widget.js" data-site="${attr(publicKey)}"></script>`
}

/** The pinned, integrity-checked variant: the browser refuses a widget that was altered. */
export function sriSnippet(origin: string, publicKey: string, manifest: WidgetManifest): string {
  const { path, integrity } = manifest.loader
  return (
    `<script async src="${attr(origin)}${attr(path)}" integrity="${attr(integrity)}" ` +
    `crossorigin="anonymous" data-site="${attr(publicKey)}"></script>`
  )
}

/** Typed origins (one a line, or separated by commas/spaces) as the list the API takes. */
export function parseOrigins(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    ),
  ]
}
