/**
 * A user agent read into the public Online Shoppers data set's `OperatingSystems` and `Browser`
 * codes, plus the device class experiments target. The data set publishes integer codes without
 * their names; edgelift assigns the names by rank, the most frequent code to the most used
 * platform of its time (2 = Windows, 2 = Chrome), so a starter model trained on it splits on
 * similar groups. The last code of each list is "other": what no rule knows, including an empty,
 * missing or absurd header. Reading is bounded (the header is cut to 512 characters) and never
 * throws.
 */
import { isBot } from '../events/bots.ts'

/** The data set's operating-system codes (1-8), by edgelift's reading. */
export const OPERATING_SYSTEM_CODES = {
  android: 1,
  windows: 2,
  ios: 3,
  macos: 4,
  linux: 5,
  chromeos: 6,
  otherMobile: 7,
  other: 8,
} as const

/** The data set's browser codes (1-13), by edgelift's reading. */
export const BROWSER_CODES = {
  safari: 1,
  chrome: 2,
  operaMini: 3,
  firefox: 4,
  edge: 5,
  internetExplorer: 6,
  ucBrowser: 7,
  opera: 8,
  yandex: 9,
  samsungInternet: 10,
  webView: 11,
  bot: 12,
  other: 13,
} as const

export type Device = 'mobile' | 'tablet' | 'desktop'

export type ParsedUserAgent = { operatingSystem: number; browser: number; device: Device }

/** Longer headers are cut: real ones stay under 300 characters, and the rules need the start. */
const MAX_USER_AGENT = 512

// Order matters: Android and iOS agents mention Linux and Mac OS X.
const OPERATING_SYSTEMS: [RegExp, number][] = [
  [/android/i, OPERATING_SYSTEM_CODES.android],
  [/iphone|ipad|ipod|\bios\b/i, OPERATING_SYSTEM_CODES.ios],
  [/windows phone|blackberry|bb10|kaios|symbian|tizen|webos/i, OPERATING_SYSTEM_CODES.otherMobile],
  [/windows/i, OPERATING_SYSTEM_CODES.windows],
  [/cros/i, OPERATING_SYSTEM_CODES.chromeos],
  [/mac os x|macintosh/i, OPERATING_SYSTEM_CODES.macos],
  [/linux|x11|ubuntu|fedora/i, OPERATING_SYSTEM_CODES.linux],
]

// Order matters: most agents name Safari and many name Chrome beside their own token.
const BROWSERS: [RegExp, number][] = [
  [/opera mini/i, BROWSER_CODES.operaMini],
  [/\bopr\/|opera/i, BROWSER_CODES.opera],
  [/edg(e|a|ios)?\//i, BROWSER_CODES.edge],
  [/samsungbrowser/i, BROWSER_CODES.samsungInternet],
  [/ucbrowser|ucweb/i, BROWSER_CODES.ucBrowser],
  [/yabrowser/i, BROWSER_CODES.yandex],
  [/msie |trident\//i, BROWSER_CODES.internetExplorer],
  [/firefox|fxios/i, BROWSER_CODES.firefox],
  [/; wv\)|fban|fbav|instagram/i, BROWSER_CODES.webView],
  [/chrome|crios|chromium/i, BROWSER_CODES.chrome],
  [/safari/i, BROWSER_CODES.safari],
]

function firstMatch(ua: string, rules: [RegExp, number][], fallback: number): number {
  for (const [pattern, code] of rules) if (pattern.test(ua)) return code
  return fallback
}

function deviceOf(ua: string): Device {
  if (/ipad|tablet|kindle|silk|playbook/i.test(ua)) return 'tablet'
  // Android tablets leave "Mobile" out of the agent.
  if (/android/i.test(ua)) return /mobile/i.test(ua) ? 'mobile' : 'tablet'
  if (/mobi|iphone|ipod|phone/i.test(ua)) return 'mobile'
  return 'desktop'
}

/**
 * The operating system and browser codes and the device class of a `User-Agent` header.
 *
 * @example
 * parseUserAgent(request.headers.get('user-agent'))
 * // { operatingSystem: 2, browser: 2, device: 'desktop' } for Chrome on Windows
 */
export function parseUserAgent(ua: string | null): ParsedUserAgent {
  const text = typeof ua === 'string' ? ua.slice(0, MAX_USER_AGENT) : ''
  if (text.trim() === '')
    return {
      operatingSystem: OPERATING_SYSTEM_CODES.other,
      browser: BROWSER_CODES.other,
      device: 'desktop',
    }
  return {
    operatingSystem: firstMatch(text, OPERATING_SYSTEMS, OPERATING_SYSTEM_CODES.other),
    browser: isBot(text) ? BROWSER_CODES.bot : firstMatch(text, BROWSERS, BROWSER_CODES.other),
    device: deviceOf(text),
  }
}
