/** The random visitor id edgelift makes for a visitor who has none. */
import { randomHex } from '../crypto/hex.ts'

/** A new random 128-bit visitor id from the platform's CSPRNG, as 32 lower-case hex digits. */
export function newVisitorId(): string {
  return randomHex(16)
}
