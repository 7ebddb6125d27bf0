import { describe, expect, it } from 'vitest'
import { TRAFFIC_TYPE_CODES as T, trafficSource } from '../../../worker/intent/traffic-source.ts'

describe('trafficSource', () => {
  it.each([
    ['no referrer', null, T.direct, 'direct'],
    ['an empty referrer', '', T.direct, 'direct'],
    ['Google', 'https://www.google.com/', T.organicSearch, 'search'],
    ['a country Google', 'https://www.google.co.uk/search?q=mugs', T.organicSearch, 'search'],
    ['DuckDuckGo', 'https://duckduckgo.com/', T.organicSearch, 'search'],
    ['Facebook', 'https://l.facebook.com/l.php?u=x', T.organicSocial, 'social'],
    ['a t.co link', 'https://t.co/abc', T.organicSocial, 'social'],
    ['Gmail', 'https://mail.google.com/mail/u/0/', T.email, 'email'],
    ['a blog', 'https://blog.example.org/post', T.referral, 'referral'],
    ['a lookalike host', 'https://googleusercontent.com/x', T.referral, 'referral'],
    ['a referrer that is not a URL', 'not a url', T.direct, 'direct'],
  ] as const)('reads %s', (_, referrer, trafficType, source) => {
    expect(trafficSource(referrer, null)).toEqual({ trafficType, source })
  })

  it.each([
    ['paid search', { source: 'google', medium: 'cpc' }, T.paidSearch, 'paid'],
    ['paid social', { source: 'facebook', medium: 'paid' }, T.paidSocial, 'paid'],
    ['an email campaign', { source: 'newsletter', medium: 'email' }, T.email, 'email'],
    ['display', { medium: 'display' }, T.display, 'paid'],
    ['affiliates', { source: 'partner', medium: 'affiliate' }, T.affiliate, 'referral'],
    ['organic social', { source: 'instagram', medium: 'social' }, T.organicSocial, 'social'],
    ['a source alone', { source: 'bing' }, T.organicSearch, 'search'],
    ['an unknown medium', { source: 'x', medium: 'qr-code' }, T.otherCampaign, 'referral'],
    ['mixed case', { source: 'Google', medium: 'CPC' }, T.paidSearch, 'paid'],
  ] as const)('reads UTM parameters of %s', (_, utm, trafficType, source) => {
    expect(trafficSource(null, utm)).toEqual({ trafficType, source })
  })

  it('lets UTM parameters win over the referrer', () => {
    expect(trafficSource('https://www.google.com/', { source: 'news', medium: 'email' })).toEqual({
      trafficType: T.email,
      source: 'email',
    })
  })

  it('ignores empty UTM values and reads the referrer', () => {
    expect(trafficSource('https://www.bing.com/', { source: ' ', medium: '' })).toEqual({
      trafficType: T.organicSearch,
      source: 'search',
    })
  })

  it('reads a 100 KB referrer or UTM value without throwing', () => {
    const long = 'https://www.google.com/search?q=' + 'a'.repeat(100_000)
    expect(trafficSource(long, null).source).toBe('search')
    expect(trafficSource(null, { medium: 'email' + 'x'.repeat(100_000) }).source).toBe('email')
  })
})
