/** The random visitor id edgelift makes for a visitor who has none. */

/** A new random 128-bit visitor id from the platform's CSPRNG, as 32 lower-case hex digits. */
export function newVisitorId(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
