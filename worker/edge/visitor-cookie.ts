/**
 * The visitor's `el_vid` from a raw Cookie header, read defensively: the header comes from the
 * open internet, so an oversized or malformed one is ignored rather than parsed.
 */
import { VISITOR_ID } from '../../shared/identifiers.ts'

/**
 * Stores with many marketing tags send Cookie headers of 8-16 KB; a visitor must still be read
 * from those, or they would get a new id (and maybe variation) on every page.
 */
const MAX_COOKIE_HEADER = 64 * 1024

export function visitorFromCookie(header: string | null): string | undefined {
  if (!header || header.length > MAX_COOKIE_HEADER) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== 'el_vid') continue
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

export function visitorCookie(visitorId: string): string {
  return `el_vid=${visitorId}; Path=/; Max-Age=31536000; Secure; SameSite=Lax`
}
