/**
 * The visitor's `el_vid` cookie on the Worker's side: read from a raw Cookie header (POST
 * /v1/assign and the edge proxy) and written with one rule, the same as the widget's
 * (widget/loader/visitor-id.ts): a year, the whole site, SameSite=Lax, and Secure wherever the
 * page is a secure context (https, or loopback, where browsers keep Secure cookies over http).
 * A Secure cookie set over plain http on another host would be dropped by the browser, and the
 * visitor would get a new id on every page.
 */
import { VISITOR_ID } from '../../shared/identifiers.ts'

export const VISITOR_COOKIE = 'el_vid'
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60
/**
 * Stores with many marketing tags send Cookie headers of 8-16 KB; a visitor must still be read
 * from those, or they would get a new id (and maybe variation) on every page. The header comes
 * from the open internet, so an oversized or malformed one is ignored rather than parsed.
 */
const MAX_COOKIE_HEADER = 64 * 1024
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/

export function visitorFromCookie(header: string | null | undefined): string | undefined {
  if (!header || header.length > MAX_COOKIE_HEADER) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== VISITOR_COOKIE) continue
    let value = part.slice(eq + 1).trim()
    try {
      value = decodeURIComponent(value)
    } catch {
      return undefined
    }
    return VISITOR_ID.test(value) ? value : undefined
  }
  return undefined
}

/** The Set-Cookie value that keeps `visitorId` for a year, for a response to `requestUrl`. */
export function visitorCookie(visitorId: string, requestUrl: string): string {
  const url = new URL(requestUrl)
  const secure = url.protocol === 'https:' || LOOPBACK.test(url.hostname)
  return `${VISITOR_COOKIE}=${visitorId}; Path=/; Max-Age=${ONE_YEAR_SECONDS}${secure ? '; Secure' : ''}; SameSite=Lax`
}
