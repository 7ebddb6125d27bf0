import { describe, expect, it } from 'vitest'
import { visitorCookie, visitorFromCookie } from '../../worker/visitors/visitor-cookie.ts'

describe('the el_vid cookie on the Worker', () => {
  it.each([
    ['https://shop.example/page', true],
    ['http://localhost:8787/v1/assign', true],
    ['http://127.0.0.1:8788/', true],
    ['http://[::1]:8787/', true],
    ['http://shop.test:8788/page', false],
  ])('is Secure for %s: %s (as the browser decides a secure context)', (url, secure) => {
    const cookie = visitorCookie('0123456789abcdef0123456789abcdef', url)
    expect(cookie).toMatch(/^el_vid=0123456789abcdef0123456789abcdef; Path=\/; Max-Age=31536000/)
    expect(cookie).toMatch(/SameSite=Lax$/)
    expect(cookie.includes('; Secure')).toBe(secure)
  })

  it('reads the id from a large header, and nothing from a malformed or oversized one', () => {
    const tags = Array.from({ length: 200 }, (_, i) => `_tag${i}=${'x'.repeat(60)}`).join('; ')
    expect(visitorFromCookie(`${tags}; el_vid=abc-123`)).toBe('abc-123')
    expect(visitorFromCookie('el_vid=%E0%A4%A')).toBeUndefined()
    expect(visitorFromCookie(`el_vid=a; pad=${'x'.repeat(70_000)}`)).toBeUndefined()
    expect(visitorFromCookie('el_vid=has space')).toBeUndefined()
    expect(visitorFromCookie(undefined)).toBeUndefined()
  })
})
