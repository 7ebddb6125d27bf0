/**
 * Rows as JSON array texts for `json_each` parameters, each under D1's limit on one string or blob
 * (2,000,000 bytes, a production limit that local D1 does not enforce). Well under it, so a
 * statement's other work stays small too.
 */
export const MAX_JSON_PARAMETER_BYTES = 500_000

const encoder = new TextEncoder()

/** Splits `rows` into JSON arrays of at most `maxBytes` UTF-8 bytes each (a row alone may be
 * larger; callers cap rows far below the limit). No rows give no chunks. */
export function jsonChunks(
  rows: readonly unknown[],
  maxBytes = MAX_JSON_PARAMETER_BYTES,
): string[] {
  return [...lazyJsonChunks(rows, maxBytes)]
}

/** `jsonChunks` one chunk at a time, so rows made on the fly are never all held as JSON. */
export function* lazyJsonChunks(
  rows: Iterable<unknown>,
  maxBytes = MAX_JSON_PARAMETER_BYTES,
): Generator<string> {
  let parts: string[] = []
  let bytes = 2
  for (const row of rows) {
    const json = JSON.stringify(row)
    const size = encoder.encode(json).length + 1
    if (parts.length > 0 && bytes + size > maxBytes) {
      yield `[${parts.join(',')}]`
      parts = []
      bytes = 2
    }
    parts.push(json)
    bytes += size
  }
  if (parts.length > 0) yield `[${parts.join(',')}]`
}
