/**
 * The one in-isolate cache: entries live `ttlMs`, at most `maxEntries` are kept, and the least
 * recently used goes first when a new one needs room (one busy key is not pushed out by a burst
 * of others, as clearing the whole map would). An expired entry stays readable through
 * `lastKnown` until evicted, for callers that fail open on the last answer they had.
 *
 * @example
 * const sites = new IsolateCache<Site | null>({ ttlMs: 10_000, maxEntries: 1000 })
 * const hit = sites.get(key) ?? (await lookUp(key))
 */
export class IsolateCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>()
  private readonly ttlMs: number
  private readonly maxEntries: number

  constructor(options: { ttlMs: number; maxEntries: number }) {
    this.ttlMs = options.ttlMs
    this.maxEntries = options.maxEntries
  }

  /** The fresh value, or undefined when missing or expired. */
  get(key: string, now = Date.now()): T | undefined {
    const entry = this.touch(key)
    return entry && entry.expires > now ? entry.value : undefined
  }

  /** Whether `key` has a fresh value (which may itself be null or undefined). */
  has(key: string, now = Date.now()): boolean {
    const entry = this.touch(key)
    return entry !== undefined && entry.expires > now
  }

  /** The value however old, or undefined when never set or already evicted. */
  lastKnown(key: string): T | undefined {
    return this.entries.get(key)?.value
  }

  set(key: string, value: T, now = Date.now()): void {
    this.entries.delete(key)
    if (this.entries.size >= this.maxEntries) {
      // Map order is insertion order, and reads re-insert: the first key is the least recent.
      const oldest = this.entries.keys().next()
      if (!oldest.done) this.entries.delete(oldest.value)
    }
    this.entries.set(key, { value, expires: now + this.ttlMs })
  }

  delete(key: string): void {
    this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }

  private touch(key: string): { value: T; expires: number } | undefined {
    const entry = this.entries.get(key)
    if (entry) {
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry
  }
}
