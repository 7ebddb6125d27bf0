/**
 * Splitting events into request bodies the events API accepts: at most 100 events and 60 KB each
 * (the API allows 64 KB; the margin also keeps a body within the 64 KB a browser lets keepalive
 * requests and beacons carry at once).
 */

export const MAX_BATCH_EVENTS = 100
export const MAX_BATCH_BYTES = 60 * 1024

/**
 * Bodies of `{"events":[...]}`, in order. A batch over either limit is halved until it fits:
 * a few lines instead of a packing loop, and bodies stay near the limits. A lone event too large
 * to travel is dropped: the API would refuse it, and it must not hold back the others.
 *
 * @example splitBatches(events).forEach((body) => sendBody(url, body))
 */
export function splitBatches(events: readonly object[]): string[] {
  const body = `{"events":${JSON.stringify(events)}}`
  const half = Math.ceil(events.length / 2)
  // Blob sizes are UTF-8 bytes, what travels, not UTF-16 code units.
  return events.length <= MAX_BATCH_EVENTS && new Blob([body]).size <= MAX_BATCH_BYTES
    ? [body]
    : events.length > 1
      ? [...splitBatches(events.slice(0, half)), ...splitBatches(events.slice(half))]
      : []
}
