/**
 * Where the visitor's variations come from: the edge, which in proxy mode injects them into the
 * page as `<html data-edgelift-assignments='{"key":{"variation":"b","index":1,"phase":1}}'>` (no
 * round trip), else `POST {api}/v1/assign`, whose wait is capped: after 1 s the page shows control.
 */
import type { Assignments } from './experiment-visibility.ts'
import { showIntent, type Intent } from './intent.ts'
import { parseJson } from './log.ts'

/** The assignments the edge injected; undefined when there are none or they do not parse. */
export function edgeAssignments(): Assignments | undefined {
  return parseJson(document.documentElement.dataset.edgeliftAssignments) as Assignments | undefined
}

/**
 * Asks the API, as text/plain (a CORS-simple request: no preflight round trip); the visitor id
 * travels in the body. Undefined on any failure, or when no answer came within 1 s. The
 * answer's intent goes to the page (intent.ts).
 */
export function fetchAssignments(
  api: string,
  site: string,
  visitorId: string,
): Promise<Assignments | undefined> {
  return Promise.race([
    fetch(`${api}/v1/assign?site=${site}`, {
      method: 'POST',
      body: JSON.stringify({ visitorId, url: location.href }),
    })
      .then((res) => res.json())
      .then(
        (body: { assignments?: Assignments; intent?: Intent }) => (
          showIntent(body.intent),
          body.assignments
        ),
        () => undefined,
      ),
    new Promise<undefined>((resolve) => setTimeout(resolve, 1000)),
  ])
}
