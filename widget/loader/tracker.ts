/**
 * The event pipeline, one per page. Each event gets a random id (the API stores an id once, so
 * resends are harmless); events go out in batches one second after the first of them, at once
 * when 100 are waiting, and when the page is hidden or left: on mobile a page may never run
 * again after that. Without a visitor id (no consent) events wait in memory, never in storage,
 * and leave only if consent comes.
 */
import { sendBody } from './delivery.ts'
import { MAX_BATCH_EVENTS, splitBatches } from './event-batches.ts'
import { guard } from './log.ts'
import { randomHex } from './visitor-id.ts'

/** An event of `POST /v1/events` without the id and visitor the tracker adds. */
export type EventFields = { type: string } & Record<string, unknown>

let url = ''
let visitorId: () => string | undefined
let waiting: EventFields[] = []
let timer: ReturnType<typeof setTimeout> | undefined

/**
 * Starts sending to `eventsUrl` as the visitor `id()`, undefined while nothing may be sent;
 * `leaving` runs just before the page's last flush, to add what must not be lost.
 */
export function startTracker(
  eventsUrl: string,
  id: () => string | undefined,
  leaving: () => void,
): void {
  url = eventsUrl
  visitorId = id
  // What the page adds may throw; what already waits must still leave.
  const addLast = guard(leaving)
  const leave = () => {
    addLast()
    flush()
  }
  addEventListener('pagehide', leave)
  addEventListener('visibilitychange', () => document.hidden && leave())
}

export function track(fields: EventFields): void {
  waiting.push({ ...fields, id: randomHex(12) })
  if (waiting.length < MAX_BATCH_EVENTS) timer ??= setTimeout(flush, 1000)
  else flush()
}

/** Sends what is waiting, when a visitor id is allowed. */
export const flush = guard(() => {
  clearTimeout(timer)
  timer = undefined
  const id = visitorId()
  if (id && waiting[0]) {
    for (const body of splitBatches(waiting.map((e) => ({ ...e, visitorId: id })))) {
      sendBody(url, body)
    }
    waiting = []
  }
})
