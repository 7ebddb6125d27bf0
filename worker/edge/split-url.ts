/**
 * Split-URL targets: a variation's `url` replaces the page's path on the origin. The target is
 * resolved against the origin and must stay on it: `..` segments, encoded traversal and
 * scheme-relative or foreign URLs are refused, so no admin typo or tampering can make the edge
 * fetch another host or escape the site.
 */

/** The origin URL to fetch for a variation target, or null when the target is not safe. */
export function splitUrlTarget(target: string, requestUrl: URL, origin: URL): URL | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(target)
  } catch {
    return null
  }
  if (/(^|\/)\.\.?(\/|$)/.test(decoded) || decoded.includes('\\') || /[\0-\x1f]/.test(decoded))
    return null
  let resolved: URL
  try {
    resolved =
      target.startsWith('/') && !target.startsWith('//') ? new URL(target, origin) : new URL(target)
  } catch {
    return null
  }
  const sameSite = resolved.origin === origin.origin || resolved.host === requestUrl.host
  if (!sameSite) return null
  return onOrigin(origin, resolved.pathname, resolved.search || requestUrl.search)
}

/**
 * A path and query on `origin`, whatever the path looks like. Not `new URL(path, origin)`: a path
 * that starts with `//` (`https://shop.example//evil.example/x`) would be read as another host,
 * and the edge would fetch, or redirect to, whatever a visitor wrote there.
 */
export function onOrigin(origin: URL, pathname: string, search: string): URL {
  const url = new URL(origin.origin)
  url.pathname = pathname
  url.search = search
  return url
}
