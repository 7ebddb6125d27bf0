/**
 * A site's proxy settings: the origin server, the store hostnames the Worker answers for, and
 * whether visitors must consent before the edge may set an identifier.
 * Written in one batch: a hostname another site already owns fails the whole change (409).
 */
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { batch, type Database } from '../db/database.ts'
import { conflict } from '../http/api-error.ts'
import { bareOrigin } from '../http/bare-origin.ts'
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
 * The first of `hostnames` that is edgelift's own: the host this request came in on, or a
 * workers.dev name (always the Worker's, never a store's). A site holding one would put its
 * origin's pages beside the dashboard on the dashboard's origin, where a script of theirs could
 * read the admin keys the dashboard keeps. Store hostnames reach the Worker only once its
 * operator routes them to it (Workers Custom Domains, or Cloudflare for SaaS, which verifies
 * that the store owns the name); this check keeps a site from claiming the product's own.
 */
export function ownHostname(hostnames: readonly string[], requestHost: string): string | undefined {
  const own = requestHost.toLowerCase()
  return hostnames.find((host) => {
    const name = host.replace(/:\d+$/, '')
    return host === own || name === 'workers.dev' || name.endsWith('.workers.dev')
  })
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

export async function writeProxySettings(
  db: Database,
  siteId: string,
  settings: ProxySettings,
): Promise<void> {
  const originUrl = settings.originUrl ? new URL(settings.originUrl).origin : null
  try {
    await batch(db, [
      sql`UPDATE sites SET origin_url = ${originUrl},
        proxy_consent_required = ${settings.consentRequired ? 1 : 0} WHERE id = ${siteId}`,
      sql`DELETE FROM site_hostnames WHERE site_id = ${siteId}`,
      ...[...new Set(settings.hostnames)].map(
        (hostname) =>
          sql`INSERT INTO site_hostnames (hostname, site_id) VALUES (${hostname}, ${siteId})`,
      ),
    ])
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint/i.test(err.message)) {
      throw conflict('hostname_taken', 'One of these hostnames already belongs to another site.')
    }
    throw err
  } finally {
    forgetProxySites()
  }
}
