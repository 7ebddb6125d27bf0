/**
 * Event ids derived from content, for imported rows that carry no id of their own: the same row
 * always gets the same id, so importing a file twice stores it once (the events table's primary
 * key does the deduplication). 64 bits from two independently seeded 32-bit hashes keep
 * accidental collisions negligible (~1e-8 at a million rows).
 */

/**
 * A 32-bit string hash: FNV-1a over UTF-16 code units with a murmur3 finaliser for avalanche.
 */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * `<prefix>_<16 hex digits>` from the given parts, joined unambiguously (parts are separated by a
 * control character no CSV field here contains). Matches the event id format `[A-Za-z0-9_-]{8,64}`
 * for a prefix of letters.
 *
 * @example
 * contentId('or', ['536365', '85123A', '6']) // 'or_1f0c…' (always the same)
 */
export function contentId(prefix: string, parts: readonly string[]): string {
  const text = parts.join('\u001f')
  const hex = (n: number): string => n.toString(16).padStart(8, '0')
  return `${prefix}_${hex(hash32(text, 0))}${hex(hash32(text, 0x9e3779b9))}`
}
