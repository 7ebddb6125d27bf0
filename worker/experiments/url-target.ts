/**
 * URL targeting. A pattern starting with `/` matches the page's path; any other pattern matches
 * the whole URL without its query. `*` matches any run of characters, everything else is literal.
 * @example urlMatches('/products/*', 'https://shop.example/products/mug?ref=1') // true
 */

const compiled = new Map<string, RegExp>()

function toRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern)
  if (!re) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')
    re = new RegExp(`^${body}$`)
    if (compiled.size > 500) compiled.clear()
    compiled.set(pattern, re)
  }
  return re
}

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
  const subject = pattern.startsWith('/') ? parsed.pathname : `${parsed.origin}${parsed.pathname}`
  return toRegExp(pattern).test(subject)
}
