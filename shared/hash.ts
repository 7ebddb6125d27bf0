/**
 * FNV-1a hashing and GrowthBook hash version 2 bucketing.
 *
 * Bucketing must be byte-for-byte compatible with GrowthBook's v2 hash so that a merchant moving
 * from GrowthBook keeps every visitor in the variation they already saw.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5
const FNV_PRIME = 16777619

/**
 * 32-bit FNV-1a over UTF-16 code units (`charCodeAt`), as GrowthBook hashes strings.
 * @example fnv1a32('abc') // 440920331
 */
export function fnv1a32(value: string): number {
  let hash = FNV_OFFSET_BASIS
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    // Math.imul keeps the multiplication in 32-bit integer arithmetic, like C's uint32 overflow.
    hash = Math.imul(hash, FNV_PRIME)
  }
  return hash >>> 0
}

/**
 * A visitor's position in [0, 1) for one seed: `fnv1a32(String(fnv1a32(seed + id))) % 10000 / 10000`.
 * Hashing twice is what GrowthBook's v2 does to spread similar seeds apart.
 */
export function bucketOf(seed: string, visitorId: string): number {
  return (fnv1a32(String(fnv1a32(seed + visitorId))) % 10000) / 10000
}
