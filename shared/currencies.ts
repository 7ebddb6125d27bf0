/**
 * ISO 4217 currency codes and their minor units. Money travels as a decimal number of major units
 * and is stored as an integer count of minor units, so the exponent must be right per currency
 * (JPY has none, KWD has three).
 */

const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND'
const FOUR_DECIMALS = 'CLF UYW'
const TWO_DECIMALS = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD
  BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD
  FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK
  LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR
  NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC
  SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG`

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...codes(ZERO_DECIMALS, 0),
  ...codes(TWO_DECIMALS, 2),
  ...codes(THREE_DECIMALS, 3),
  ...codes(FOUR_DECIMALS, 4),
])

function codes(list: string, exponent: number): [string, number][] {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((code) => [code, exponent])
}

/** Whether `code` is an active ISO 4217 currency code (upper case). */
export function isCurrency(code: string): boolean {
  return EXPONENTS.has(code)
}

/** Digits after the decimal point in `code`'s minor unit; 2 for an unknown code. */
export function minorUnitExponent(code: string): number {
  return EXPONENTS.get(code) ?? 2
}

/**
 * Major units on the wire to integer minor units in storage.
 * @example toMinorUnits(12.34, 'EUR') // 1234
 */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitExponent(currency))
}

/** Integer minor units back to a decimal amount in major units. */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorUnitExponent(currency)
}
