/**
 * Site keys. Public keys (`pk_...`) identify a store in page source; secret admin keys (`sk_...`)
 * manage it and are stored only as a SHA-256 hash. Runs in the Worker and in Node (the CLI).
 */

import { randomHex, sha256Hex } from '../crypto/hex.ts'

/** How every public key starts. */
export const PUBLIC_KEY_PREFIX = 'pk_'

/** How every secret admin key starts: what tells a leaked one in a URL or on a public route. */
export const SECRET_KEY_PREFIX = 'sk_'

/** Whether a token has the form of a public key (not whether the key exists). */
export function isPublicKey(token: string | undefined): boolean {
  return token?.startsWith(PUBLIC_KEY_PREFIX) ?? false
}

/** Whether a token has the form of a secret admin key (not whether the key exists). */
export function isSecretKey(token: string | undefined): boolean {
  return token?.startsWith(SECRET_KEY_PREFIX) ?? false
}

/** A new public key: `pk_` and 96 random bits. */
export function newPublicKey(): string {
  return `${PUBLIC_KEY_PREFIX}${randomHex(12)}`
}

/** A new secret admin key: `sk_` and 192 random bits. */
export function newAdminKey(): string {
  return `${SECRET_KEY_PREFIX}${randomHex(24)}`
}

/** A new site id. */
export function newSiteId(): string {
  return `site_${randomHex(8)}`
}

/** What is stored in place of a secret key. */
export const hashKey = sha256Hex

/**
 * Whether two hex hashes are equal, in time that does not depend on where they differ, so the
 * comparison leaks nothing about a stored hash.
 */
export function sameHash(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length)
  let diff = a.length ^ b.length
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0)
  return diff === 0
}
