/**
 * Split-URL targets at the edge: the variation's path on the store's origin, checked by the same
 * `parseSplitTarget` the admin API applies, whatever the database holds.
 */
import { parseSplitTarget } from '../experiments/split-target.ts'

/**
 * The origin URL to fetch for a variation target, or null when the target is not safe. The
 * target's query, else the page's own, goes with it.
 */
export function splitUrlTarget(target: string, requestUrl: URL, origin: URL): URL | null {
  const parsed = parseSplitTarget(target)
  if ('refused' in parsed) return null
  return onOrigin(origin, parsed.pathname, parsed.search || requestUrl.search)
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
