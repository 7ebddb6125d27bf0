/**
 * Delivering bodies of events to `POST /v1/events`, as text/plain: a CORS-simple request, no
 * preflight. Always `fetch` with `keepalive`: the browser carries it through the page's unload,
 * as it does a beacon, and while the page lives its status tells a failure worth retrying
 * (network error, 5xx, 429: a beacon would hide them) from one that is not (another 4xx:
 * resending cannot help, the body is dropped). A body sent as the page goes learns nothing of
 * its answer, as with a beacon.
 *
 * Failed bodies wait in localStorage (`el_retry`) and are sent again after 2 s, 4 s, 8 s ... (at
 * most 5 minutes apart, 8 sends in all). Kept in storage, they survive the page: the next page
 * view resends them at once. A body that arrives twice is harmless, because the API stores each
 * event id once.
 */
import { parseJson } from './log.ts'
import { storage } from './visitor-id.ts'

export const MAX_SENDS = 8

/** A body waiting for its next send, with how many sends it has had. */
type Waiting = [body: string, sends: number]

/** The wait after the `sends`-th failed send: 2 s doubling, at most 5 minutes. */
export function backoffDelay(sends: number): number {
  return Math.min(1000 << sends, 300_000)
}

/** Sends `body`, its `sends`-th try. */
export function sendBody(url: string, body: string, sends = 1): void {
  fetch(url, { method: 'POST', body, keepalive: true })
    .then(
      ({ status }) => status === 429 || status > 499,
      () => true,
    )
    .then((failed) => {
      const list = waiting().filter(([b]) => b !== body)
      if (failed && sends < MAX_SENDS) {
        list.push([body, sends])
        setTimeout(() => sendBody(url, body, sends + 1), backoffDelay(sends))
      }
      // The newest 50 at most: the storage a long outage may take stays bounded.
      storage('el_retry', list.length ? JSON.stringify(list.slice(-50)) : '')
    })
    .catch(() => {})
}

/** Sends again the bodies an earlier page view could not deliver. */
export function resumeRetries(url: string): void {
  for (const [body, sends] of waiting()) sendBody(url, body, sends + 1)
}

function waiting(): Waiting[] {
  return (parseJson(storage('el_retry')) as Waiting[] | undefined) ?? []
}
