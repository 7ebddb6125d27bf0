/**
 * A site's proxy settings: the origin server, the store hostnames the Worker answers for, and
 * whether visitors must consent before the edge may set an identifier.
 * Written in one batch; a hostname serves only once proven (hostname-verification.ts).
 */
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { batch, type Database } from '../db/database.ts'
import { bareOrigin } from '../http/bare-origin.ts'
import { isOwnHostname, type OwnHostnames } from './own-hostnames.ts'
import { forgetProxySites } from './proxy-site.ts'

const HOSTNAME =
  /^(?=.{1,253}(:|$))([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/

export const proxySettingsSchema = z.strictObject({
  originUrl: z
    .string()
    .max(2048)
    // Written exactly: bareOrigin would also take a loosely written one (upper case).
    .refine(
      (value) => bareOrigin(value) === value.replace(/\/$/, ''),
      'must be a bare http(s) origin such as https://origin.shop.example',
    )
    .nullable(),
  hostnames: z
    .array(z.string().toLowerCase().regex(HOSTNAME, 'must be a hostname, optionally with :port'))
    .max(20),
  /** Visitors must consent before any identifier: see sites.proxyConsentRequired. */
  consentRequired: z.boolean().default(false),
})

export type ProxySettings = z.output<typeof proxySettingsSchema>

/**
 * The first of `hostnames` that is edgelift's own (configured, or a workers.dev name), whatever
 * host the request that asks for it came in on: a site holding one would serve its origin's
 * pages beside the dashboard, where a script of theirs could read the admin keys it keeps.
 */
export function reservedHostname(
  hostnames: readonly string[],
  own: OwnHostnames,
): string | undefined {
  return hostnames.find((host) => isOwnHostname(host, own))
}

export async function readProxySettings(db: Database, siteId: string): Promise<ProxySettings> {
  const [site] = await db.all<{ origin_url: string | null; proxy_consent_required: number }>(
    sql`SELECT origin_url, proxy_consent_required FROM sites WHERE id = ${siteId}`,
  )
  const hosts = await db.all<{ hostname: string }>(sql`
    SELECT hostname FROM site_hostnames WHERE site_id = ${siteId} ORDER BY hostname`)
  return {
    originUrl: site?.origin_url ?? null,
    hostnames: hosts.map((h) => h.hostname),
    consentRequired: site?.proxy_consent_required === 1,
  }
}

/**
 * Replaces the site's settings in one batch. Hostnames it keeps keep their proof; new ones start
 * unproven and serve once their DNS proves them (hostname-verification.ts). Another site's claim
 * of the same name, proven or not, never refuses the change: the proof decides who serves.
 */
export async function writeProxySettings(
  db: Database,
  siteId: string,
  settings: ProxySettings,
): Promise<void> {
  const originUrl = settings.originUrl ? new URL(settings.originUrl).origin : null
  const hostnames = [...new Set(settings.hostnames)]
  try {
    await batch(db, [
      sql`UPDATE sites SET origin_url = ${originUrl},
        proxy_consent_required = ${settings.consentRequired ? 1 : 0} WHERE id = ${siteId}`,
      sql`DELETE FROM site_hostnames WHERE site_id = ${siteId}
        AND hostname NOT IN (SELECT value FROM json_each(${JSON.stringify(hostnames)}))`,
      ...hostnames.map(
        (hostname) =>
          sql`INSERT OR IGNORE INTO site_hostnames (hostname, site_id) VALUES (${hostname}, ${siteId})`,
      ),
    ])
  } finally {
    forgetProxySites()
  }
}
