/**
 * The visitor id: the `el_vid` cookie when present (the edge sets it in proxy mode), else the copy
 * in localStorage, else a new random 128-bit id. It is kept first-party on the merchant's domain,
 * in both places, so either one surviving (cookie clearing, Safari's cap on script cookies) keeps
 * it. Called only once storing an identifier is allowed (see the privacy rules in boot.ts).
 */

/** `bytes` random bytes as lower-case hex; 16 make edgelift's 128-bit visitor id. */
export function randomHex(bytes: number): string {
  // Spread first: a Uint8Array's own map would give numbers back.
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => (b | 256).toString(16).slice(1))
    .join('')
}

/** The stored id or a new one, written back to both stores (renewing the cookie's year). */
export function rememberVisitor(): string {
  const id =
    /(?:^|; *)el_vid=([^;]+)/.exec(document.cookie)?.[1] ?? storage('el_vid') ?? randomHex(16)
  storage('el_vid', id)
  // Secure wherever the page is a secure context: the same rule as the Worker's
  // (visitors/visitor-cookie.ts there), so either side keeps the same cookie.
  document.cookie = `el_vid=${id}; max-age=31536000; path=/; samesite=lax${
    isSecureContext ? '; secure' : ''
  }`
  return id
}

/**
 * Reads a localStorage entry, or writes it when given a value (an empty one removes it).
 * localStorage throws in some sandboxed iframes and privacy modes: then it reads as empty and
 * writes are lost, which only costs persistence.
 */
export function storage(key: string, value?: string): string | null {
  try {
    if (value === undefined) return localStorage.getItem(key)
    if (value) localStorage.setItem(key, value)
    else localStorage.removeItem(key)
  } catch {
    // Forbidden or full.
  }
  return null
}
