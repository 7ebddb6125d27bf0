import { describe, expect, it } from 'vitest'
import { globMatches, urlMatches } from '../../../worker/experiments/url-target.ts'

/** The meaning `*` globs had when they were compiled to regular expressions: the reference. */
function byRegExp(pattern: string, subject: string): boolean {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`, 's').test(subject)
}

describe('urlMatches', () => {
  it.each([
    ['/products/*', 'https://shop.example/products/mug?ref=1', true],
    ['/products/*', 'https://shop.example/cart', false],
    ['/products/*/reviews', 'https://shop.example/products/mug/reviews', true],
    ['/products/*/reviews', 'https://shop.example/products/mug/reviews/2', false],
    ['https://shop.example/*', 'https://shop.example/sale', true],
    ['https://shop.example/*', 'https://other.example/sale', false],
    ['*.example/sale', 'https://shop.example/sale', true],
    ['/a.b', 'https://shop.example/aXb', false],
    ['/', 'https://shop.example/', true],
    ['/produits/été*', 'https://shop.example/produits/%C3%A9t%C3%A9-2026', true],
    ['/produits/%C3%A9t%C3%A9*', 'https://shop.example/produits/%C3%A9t%C3%A9-2026', true],
    ['https://shop.example/été', 'https://shop.example/%C3%A9t%C3%A9', true],
    ['/produits/été*', 'https://shop.example/produits/hiver', false],
    ['/a%zz*', 'https://shop.example/a%zz', true],
  ])('%s against %s: %s', (pattern, url, expected) => {
    expect(urlMatches(pattern, url)).toBe(expected)
  })

  it('targets every page without a pattern, and no page without a URL or with a bad one', () => {
    expect(urlMatches(null, undefined)).toBe(true)
    expect(urlMatches('/x', undefined)).toBe(false)
    expect(urlMatches('/x', 'not a url')).toBe(false)
  })

  it('answers a hostile URL against a pattern of many stars at once (no backtracking)', () => {
    const pattern = `/${'*a'.repeat(12)}*b`
    const url = `https://shop.example/${'a'.repeat(2_000)}`
    expect(urlMatches(pattern, url)).toBe(false)
    expect(urlMatches(pattern, `${url}b`)).toBe(true)
  })
})

describe('globMatches', () => {
  it('agrees with the regular-expression meaning on every pattern and subject over a small alphabet', () => {
    const words = (length: number): string[] =>
      length === 0 ? [''] : words(length - 1).flatMap((w) => [`${w}a`, `${w}b`, `${w}*`])
    const patterns = [0, 1, 2, 3, 4].flatMap(words)
    const subjects = [0, 1, 2, 3, 4, 5].flatMap(words).filter((s) => !s.includes('*'))
    let checked = 0
    for (const pattern of patterns) {
      for (const subject of subjects) {
        if (globMatches(pattern, subject) !== byRegExp(pattern, subject)) {
          throw new Error(`${pattern} vs ${subject}`)
        }
        checked++
      }
    }
    expect(checked).toBe(patterns.length * subjects.length)
  })
})
