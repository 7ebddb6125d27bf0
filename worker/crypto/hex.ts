/**
 * Random and hashed identifiers as lower-case hex, from the platform's Web Crypto: the same code
 * runs in the Worker and in Node (the CLIs).
 */

/** Bytes as lower-case hex, two digits each. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** `bytes` random bytes from the CSPRNG, as 2 x `bytes` hex digits. */
export function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes)
  crypto.getRandomValues(buf)
  return toHex(buf)
}

/** SHA-256 of a string, lower-case hex. */
export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value))
  return toHex(new Uint8Array(digest))
}

/** Hex digits (an even number of them) as bytes. */
export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16))
}
