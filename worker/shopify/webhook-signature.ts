/**
 * Shopify signs each webhook with `X-Shopify-Hmac-Sha256`: the base64 HMAC-SHA256 of the raw body
 * under the store's webhook secret. The check runs on the bytes as received (re-serialised JSON
 * would differ) and through WebCrypto's `verify`, which compares in constant time, so the time
 * an answer takes tells nothing about how much of a forged signature was right.
 */

/** At most this long: a SHA-256 MAC is 44 base64 characters. */
const MAX_SIGNATURE_LENGTH = 64

/**
 * Whether `signature` (the header's value) is the HMAC of `body` under `secret`.
 *
 * @example
 * await shopifySignatureValid(secret, bytes, c.req.header('x-shopify-hmac-sha256')) // true | false
 */
export async function shopifySignatureValid(
  secret: string,
  body: Uint8Array,
  signature: string | undefined,
): Promise<boolean> {
  if (!signature || signature.length > MAX_SIGNATURE_LENGTH) return false
  const mac = base64Bytes(signature.trim())
  if (!mac) return false
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  return crypto.subtle.verify('HMAC', key, mac, body)
}

/** The signature Shopify would send for `body`: what the tests sign their deliveries with. */
export async function shopifySignature(secret: string, body: Uint8Array | string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes))
  return btoa(String.fromCharCode(...mac))
}

function base64Bytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))
  } catch {
    return null
  }
}
