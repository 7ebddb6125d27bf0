/**
 * A least-recently-used map bounded by bytes, not entries: one isolate (128 MB) serves many sites,
 * and one site's model can be a thousand times another's.
 */
export class ByteBudgetCache<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>()
  private used = 0
  private readonly maxBytes: number
  private readonly sizeOf: (value: T) => number

  constructor(maxBytes: number, sizeOf: (value: T) => number) {
    this.maxBytes = maxBytes
    this.sizeOf = sizeOf
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Map order is insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  /** Keeps `value`, evicting the least recently used entries to make room; a value larger than
   * the whole budget is not kept. */
  set(key: string, value: T): void {
    this.delete(key)
    const bytes = this.sizeOf(value)
    if (bytes > this.maxBytes) return
    for (const [oldest, entry] of this.entries) {
      if (this.used + bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.used -= entry.bytes
    }
    this.entries.set(key, { value, bytes })
    this.used += bytes
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.used -= entry.bytes
  }

  /** Bytes held, by the size function's count. */
  get bytes(): number {
    return this.used
  }
}
