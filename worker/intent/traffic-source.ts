/**
 * Where a session came from, read from its first page's referrer and `utm_*` parameters, as the
 * Online Shoppers data set's `TrafficType` code and the coarse source experiments target. The
 * data set publishes integer codes without their names; edgelift names them by rank like Google
 * Analytics' default channels (1 = direct, 2 = organic search, the two largest), so a starter
 * model trained on it splits on similar groups. UTM parameters win over the referrer, as in
 * Google Analytics: a campaign link says what it is, a referrer only where the click was.
 * Reading is bounded and never throws; what no rule knows is a referral or an unnamed campaign.
 */

/** edgelift's reading of the data set's traffic-type codes. */
export const TRAFFIC_TYPE_CODES = {
  direct: 1,
  organicSearch: 2,
  paidSearch: 3,
  referral: 4,
  organicSocial: 5,
  email: 6,
  affiliate: 7,
  display: 8,
  paidSocial: 9,
  otherCampaign: 10,
} as const

export type TrafficSourceKind = 'direct' | 'search' | 'social' | 'email' | 'paid' | 'referral'

export type TrafficSource = { trafficType: number; source: TrafficSourceKind }

/** The `utm_*` parameters of a session's first page, each optional. */
export type Utm = {
  source?: string | null
  medium?: string | null
  campaign?: string | null
  term?: string | null
  content?: string | null
}

/** Longer values are cut before matching; the rules only need the start. */
const MAX_TEXT = 256

const SEARCH =
  /(^|\.)(google|bing|yahoo|duckduckgo|baidu|yandex|ecosia|qwant|naver|startpage|ask|aol|seznam|brave)(\.|$)/
const SOCIAL =
  /(^|\.)(facebook|fb|instagram|t\.co|twitter|x\.com|linkedin|lnkd\.in|pinterest|reddit|tiktok|youtube|snapchat|whatsapp|threads|mastodon|bsky|vk|weibo)(\.|$)/
const WEBMAIL = /(^|\.)(mail\.google\.com|outlook\.(live|office)\.com|mail\.yahoo\.com)$/

const SOURCE_OF: Record<number, TrafficSourceKind> = {
  [TRAFFIC_TYPE_CODES.direct]: 'direct',
  [TRAFFIC_TYPE_CODES.organicSearch]: 'search',
  [TRAFFIC_TYPE_CODES.paidSearch]: 'paid',
  [TRAFFIC_TYPE_CODES.referral]: 'referral',
  [TRAFFIC_TYPE_CODES.organicSocial]: 'social',
  [TRAFFIC_TYPE_CODES.email]: 'email',
  [TRAFFIC_TYPE_CODES.affiliate]: 'referral',
  [TRAFFIC_TYPE_CODES.display]: 'paid',
  [TRAFFIC_TYPE_CODES.paidSocial]: 'paid',
  [TRAFFIC_TYPE_CODES.otherCampaign]: 'referral',
}

function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT).trim().toLowerCase() : ''
}

/** The host of a referrer URL, or '' when it is absent or not a URL. */
function referrerHost(referrer: string | null | undefined): string {
  const text = typeof referrer === 'string' ? referrer.slice(0, 2048).trim() : ''
  if (text === '') return ''
  try {
    return new URL(text).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return ''
  }
}

/** A host or a bare utm_source name ("google", "newsletter") classified by kind. */
function kindOfName(name: string): 'search' | 'social' | 'email' | null {
  if (name === '') return null
  if (WEBMAIL.test(name) || /^(e-?mail|newsletter|mailchimp|klaviyo)/.test(name)) return 'email'
  if (SEARCH.test(name)) return 'search'
  if (SOCIAL.test(name)) return 'social'
  return null
}

function campaignType(medium: string, sourceName: string): number {
  const kind = kindOfName(sourceName)
  if (/^(cpc|ppc|paid|paidsearch|paid-search|sem|cpv|cpa)/.test(medium))
    return kind === 'social' || /social/.test(medium)
      ? TRAFFIC_TYPE_CODES.paidSocial
      : TRAFFIC_TYPE_CODES.paidSearch
  if (/^(e-?mail|newsletter)/.test(medium)) return TRAFFIC_TYPE_CODES.email
  if (/^(display|banner|cpm|interstitial)/.test(medium)) return TRAFFIC_TYPE_CODES.display
  if (/^affiliate/.test(medium)) return TRAFFIC_TYPE_CODES.affiliate
  if (/social|^sm$/.test(medium)) return TRAFFIC_TYPE_CODES.organicSocial
  if (medium === 'organic') return TRAFFIC_TYPE_CODES.organicSearch
  if (medium === 'referral') return TRAFFIC_TYPE_CODES.referral
  if (medium === '' && kind === 'search') return TRAFFIC_TYPE_CODES.organicSearch
  if (medium === '' && kind === 'social') return TRAFFIC_TYPE_CODES.organicSocial
  if (medium === '' && kind === 'email') return TRAFFIC_TYPE_CODES.email
  return TRAFFIC_TYPE_CODES.otherCampaign
}

/**
 * The traffic type of a session from its first page's referrer and UTM parameters.
 *
 * @example
 * trafficSource('https://www.google.com/', null) // { trafficType: 2, source: 'search' }
 * trafficSource(null, { source: 'newsletter', medium: 'email' }) // { trafficType: 6, source: 'email' }
 */
export function trafficSource(
  referrer: string | null | undefined,
  utm: Utm | null | undefined,
): TrafficSource {
  const medium = clean(utm?.medium)
  const sourceName = clean(utm?.source)
  let trafficType: number
  if (medium !== '' || sourceName !== '') trafficType = campaignType(medium, sourceName)
  else {
    const host = referrerHost(referrer)
    const kind = kindOfName(host)
    trafficType =
      host === ''
        ? TRAFFIC_TYPE_CODES.direct
        : kind === 'search'
          ? TRAFFIC_TYPE_CODES.organicSearch
          : kind === 'social'
            ? TRAFFIC_TYPE_CODES.organicSocial
            : kind === 'email'
              ? TRAFFIC_TYPE_CODES.email
              : TRAFFIC_TYPE_CODES.referral
  }
  return { trafficType, source: SOURCE_OF[trafficType] ?? 'referral' }
}
