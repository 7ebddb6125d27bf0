/**
 * URL targeting. A pattern starting with `/` matches the page's path; any other pattern matches
 * the whole URL without its query. `*` matches any run of characters, everything else is literal.
 * @example urlMatches('/products/*', 'https://shop.example/products/mug?ref=1') // true
 */

/** Whether `url` is targeted by `pattern`; a null pattern targets every page. */
export function urlMatches(pattern: string | null, url: string | undefined): boolean {
  if (pattern === null) return true
  if (url === undefined) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const prefix = pattern.startsWith('/') ? '' : parsed.origin
  // Browsers send paths percent-encoded (/produits/%C3%A9t%C3%A9); an admin types them as read
  // (/produits/été*). Either spelling of the pattern matches.
  return (
    globMatches(pattern, `${prefix}${parsed.pathname}`) ||
    globMatches(pattern, `${prefix}${decodedPath(parsed.pathname)}`)
  )
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/**
 * `*`-only glob matching in linear passes. A regular expression of `.*` runs backtracks
 * polynomially in the number of stars, and the URL comes from any caller of `/v1/assign`; with
 * only stars, taking each literal part at its leftmost place after the previous one is exact.
 */
export function globMatches(pattern: string, subject: string): boolean {
  const parts = pattern.split('*')
  const first = parts[0] ?? ''
  if (parts.length === 1) return subject === first
  const last = parts[parts.length - 1] ?? ''
  const end = subject.length - last.length
  if (end < first.length || !subject.startsWith(first) || !subject.endsWith(last)) return false
  let at = first.length
  for (const part of parts.slice(1, -1)) {
    const found = subject.indexOf(part, at)
    if (found < 0 || found + part.length > end) return false
    at = found + part.length
  }
  return true
}
