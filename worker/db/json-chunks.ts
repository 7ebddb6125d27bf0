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
  const chunks: string[] = []
  let parts: string[] = []
  let bytes = 2
  for (const row of rows) {
    const json = JSON.stringify(row)
    const size = encoder.encode(json).length + 1
    if (parts.length > 0 && bytes + size > maxBytes) {
      chunks.push(`[${parts.join(',')}]`)
      parts = []
      bytes = 2
    }
    parts.push(json)
    bytes += size
  }
  if (parts.length > 0) chunks.push(`[${parts.join(',')}]`)
  return chunks
}
