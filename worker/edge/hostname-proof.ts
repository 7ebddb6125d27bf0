/**
 * Proof that a site's owner controls a store hostname: a DNS TXT record
 * `_edgelift.<hostname>` holding `edgelift-verification=<the site's token>`, looked up over
 * DNS-over-HTTPS (the JSON form Cloudflare's and Google's resolvers answer). Only whoever runs the
 * hostname's DNS can publish it, so a claim by another site can never pass. The resolver is the
 * seam: `HOSTNAME_DOH_URL` names it (a public resolver in production; tests run a real DoH server
 * on loopback).
 */
import { sha256Hex } from '../crypto/hex.ts'

/** Answers a TXT question: the record texts found (quoted strings joined), or throws why not. */
export type TxtResolver = (name: string) => Promise<string[]>

const DEFAULT_DOH_URL = 'https://cloudflare-dns.com/dns-query'
const TXT = 16
/** A resolver that has not answered by then will not: the check fails and is tried again later. */
const LOOKUP_TIMEOUT_MS = 5_000

/** The DNS name that carries a hostname's proof (the port, if any, is not part of DNS). */
export function proofRecordName(hostname: string): string {
  return `_edgelift.${hostname.replace(/:\d+$/, '')}`
}

/**
 * A site's token, the value its TXT record must hold. It is derived from the site's id, so it
 * needs no storage and never changes; it need not be secret, since publishing it takes control
 * of the hostname's DNS.
 */
export async function proofToken(siteId: string): Promise<string> {
  const hex = await sha256Hex(`edgelift-hostname-proof:${siteId}`)
  return `edgelift-verification=${hex.slice(0, 32)}`
}

/** The DNS-over-HTTPS resolver at `dohUrl` (JSON API: `?name=…&type=TXT`). */
export function dohResolver(dohUrl: string | undefined): TxtResolver {
  const endpoint = dohUrl || DEFAULT_DOH_URL
  return async (name) => {
    const url = new URL(endpoint)
    url.searchParams.set('name', name)
    url.searchParams.set('type', 'TXT')
    const res = await fetch(url, {
      headers: { accept: 'application/dns-json' },
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    })
    if (!res.ok) throw new Error(`the DNS resolver answered ${res.status}`)
    const body: unknown = await res.json()
    return txtAnswers(body)
  }
}

/**
 * The TXT texts of a DNS JSON answer. Status 3 (NXDOMAIN) is "no record", not a
 * failure; any other non-zero status is the resolver's failure and is reported as one.
 */
export function txtAnswers(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) throw new Error('the DNS answer was not JSON')
  const { Status, Answer } = body as { Status?: unknown; Answer?: unknown }
  if (Status === 3) return []
  if (Status !== 0) throw new Error(`the DNS lookup failed (status ${String(Status)})`)
  if (!Array.isArray(Answer)) return []
  // Every TXT in the answer counts: an answer holds only the asked name and the CNAME chain its
  // owner delegated it through, all under the owner's control.
  const texts: string[] = []
  for (const record of Answer as unknown[]) {
    if (typeof record !== 'object' || record === null) continue
    const { type, data } = record as { type?: unknown; data?: unknown }
    if (type === TXT && typeof data === 'string') texts.push(joinCharacterStrings(data))
  }
  return texts
}

/** `"abc" "def"` (a TXT record split into 255-byte strings) → `abcdef`; unquoted data as is. */
function joinCharacterStrings(data: string): string {
  const parts = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '')
  return parts.length > 0 ? parts.join('').replace(/\\(.)/g, '$1') : data.trim()
}
