/**
 * A browser origin, as the site settings, the proxy settings and `npm run site` take one: scheme
 * and host (and port), nothing else.
 */

/**
 * The origin `value` names, `url.origin` (lower-case host, no trailing slash), or null when it is
 * not a bare http(s) origin: a path, a query, credentials or another scheme. `HTTPS://Shop.example/`
 * is `https://shop.example` written loosely; a caller that wants it written exactly compares the
 * answer with what was typed.
 *
 * @example bareOrigin('HTTPS://Shop.example/') // 'https://shop.example'
 * @example bareOrigin('https://shop.example/cart') // null
 */
export function bareOrigin(value: string): string | null {
  try {
    const url = new URL(value)
    const written = value.replace(/\/$/, '').toLowerCase()
    return /^https?:$/.test(url.protocol) && url.origin === written ? url.origin : null
  } catch {
    return null
  }
}
