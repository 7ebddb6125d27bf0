import { describe, expect, it } from 'vitest'
import {
  BROWSER_CODES,
  OPERATING_SYSTEM_CODES,
  parseUserAgent,
} from '../../../worker/visitors/user-agent.ts'

const OS = OPERATING_SYSTEM_CODES
const BR = BROWSER_CODES

// Real agents as browsers send them.
const CASES: [string, string, number, number, 'mobile' | 'tablet' | 'desktop'][] = [
  [
    'Chrome on Windows',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    OS.windows,
    BR.chrome,
    'desktop',
  ],
  [
    'Edge on Windows',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
    OS.windows,
    BR.edge,
    'desktop',
  ],
  [
    'Safari on macOS',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    OS.macos,
    BR.safari,
    'desktop',
  ],
  [
    'Safari on iPhone',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    OS.ios,
    BR.safari,
    'mobile',
  ],
  [
    'Chrome on iPad',
    'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    OS.ios,
    BR.chrome,
    'tablet',
  ],
  [
    'Chrome on an Android phone',
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    OS.android,
    BR.chrome,
    'mobile',
  ],
  [
    'Samsung Internet on an Android tablet',
    'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Safari/537.36',
    OS.android,
    BR.samsungInternet,
    'tablet',
  ],
  [
    'Firefox on Linux',
    'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    OS.linux,
    BR.firefox,
    'desktop',
  ],
  [
    'Opera on Windows',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
    OS.windows,
    BR.opera,
    'desktop',
  ],
  [
    'Internet Explorer 11',
    'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
    OS.windows,
    BR.internetExplorer,
    'desktop',
  ],
  [
    'Chrome on ChromeOS',
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    OS.chromeos,
    BR.chrome,
    'desktop',
  ],
  [
    'Googlebot',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    OS.other,
    BR.bot,
    'desktop',
  ],
]

describe('parseUserAgent', () => {
  it.each(CASES)('reads %s', (_, ua, operatingSystem, browser, device) => {
    expect(parseUserAgent(ua)).toEqual({ operatingSystem, browser, device })
  })

  it.each([
    ['missing', null],
    ['empty', ''],
    ['blank', '   '],
    ['bogus', 'definitely-not-a-browser/∞ <script>'],
    ['binary noise', '\u0000\u0001\uffff'],
  ])('maps a %s agent to the "other" codes', (_, ua) => {
    expect(parseUserAgent(ua)).toEqual({
      operatingSystem: OS.other,
      browser: BR.other,
      device: 'desktop',
    })
  })

  it('reads a 100 KB agent by its start without throwing', () => {
    const chromeOnWindows =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
    const ua = chromeOnWindows + 'x'.repeat(100_000) + ' iPhone Firefox/1'
    expect(parseUserAgent(ua)).toEqual({
      operatingSystem: OS.windows,
      browser: BR.chrome,
      device: 'desktop',
    })
  })

  it('keeps every code inside the data set ranges', () => {
    for (const code of Object.values(OS)) expect(code).toBeGreaterThanOrEqual(1)
    expect(Math.max(...Object.values(OS))).toBe(8)
    expect(Math.max(...Object.values(BR))).toBe(13)
  })
})
