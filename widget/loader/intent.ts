/**
 * The visitor's purchase-intent band on the page, from the `intent` of `POST /v1/assign`:
 * `<html data-edgelift-intent="low|medium|high">` for CSS, and handlers registered with
 * `edgelift.push(['on', 'intent', fn])`, called with `{ band, score, model }` when the band
 * becomes known on this page (each page load asks once) and whenever a later answer changes it;
 * one registered after that is called at once. Each handler runs inside its own guard: one that
 * throws is logged, never thrown into the page, and neither stops the handlers after it nor the
 * assignment whose answer carried the band.
 */
import { guard } from './log.ts'

export type Intent = { band: string; score?: number; model?: string }
type Handler = (intent: Intent) => void

const handlers: Handler[] = []
/** In proxy mode with experiments running, the edge set the band on the page (no score). */
const edgeBand = document.documentElement.dataset.edgeliftIntent
let current: Intent | undefined = edgeBand ? { band: edgeBand } : undefined

export function onIntent(fn: Handler): void {
  handlers.push(fn)
  if (current) guard(fn)(current)
}

/** Shows a new answer; one without a band (no session yet) leaves the page as it was. */
export function showIntent(intent: Intent | { band: null } | undefined): void {
  if (intent?.band && intent.band !== current?.band) {
    document.documentElement.dataset.edgeliftIntent = (current = intent).band
    for (const fn of handlers) guard(fn)(intent)
  }
}
