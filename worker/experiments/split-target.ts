/**
 * Split-URL targets: a variation's `url` is the path (and query) on the store's origin that the
 * edge serves, or redirects to, for that variation. It is a path, never a URL with a host: the
 * edge only ever fetches the store's own origin, so a host could only be wrong. The one check of
 * a target, used when an experiment is created or changed and again when the edge serves it, so
 * a target the edge would refuse is never stored (its visitors would see the control while their
 * assignment said otherwise).
 */

/** A target as the edge uses it: a path and query, to be put on the store's origin. */
export type SplitTarget = { pathname: string; search: string }

export const MAX_SPLIT_TARGET_LENGTH = 2048

/**
 * The path and query of a split-URL target, or why it is refused: not a `/path`, a `//` or
 * backslash that a browser reads as another host, `.` or `..` segments, control characters or
 * whitespace (also percent-encoded: `%0d%0a` would split a header), a malformed escape, or a
 * `#fragment` (never sent to a server).
 *
 * @example parseSplitTarget('/landing-b?from=split') // { pathname: '/landing-b', search: '?from=split' }
 */
export function parseSplitTarget(target: string): SplitTarget | { refused: string } {
  if (target.length > MAX_SPLIT_TARGET_LENGTH)
    return { refused: `must be at most ${MAX_SPLIT_TARGET_LENGTH} characters` }
  if (!target.startsWith('/') || target.startsWith('//'))
    return { refused: 'must be a path on the store starting with a single / (no host)' }
  let decoded: string
  try {
    decoded = decodeURIComponent(target)
  } catch {
    return { refused: 'must not contain a malformed %-escape' }
  }
  if (/[\s\0-\x1f\x7f]/.test(target) || /[\0-\x1f\x7f]/.test(decoded))
    return { refused: 'must not contain whitespace or control characters, even %-encoded' }
  if (decoded.includes('\\')) return { refused: 'must not contain backslashes' }
  if (target.includes('#')) return { refused: 'must not have a #fragment' }
  if (/(^|\/)\.\.?(\/|$|\?)/.test(decoded)) return { refused: 'must not contain . or .. segments' }
  const url = new URL(target, 'https://edgelift.invalid')
  return { pathname: url.pathname, search: url.search }
}
