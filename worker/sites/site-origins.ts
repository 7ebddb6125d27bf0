/**
 * A site's own origins: the pages of the proven hostnames edgelift proxies for it (an unproven
 * claim is no one's page, edge/hostname-verification.ts). Their widget calls
 * the API first-party, so a site that lists allowed origins must still accept them, or every
 * browser event of a proxied store would be refused. This module is the one place that says
 * which hostnames count (one query), so a rule about them (e.g. only verified ones) goes here.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import type { Site } from './site-store.ts'

/** Hostnames browsed over plain http in development: loopback and `*.localhost`. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$|\.localhost$/

/**
 * Whether `origin` may call the site's public routes, or be where its products live: any origin
 * for a site with no list, else a listed one or one of its own proxied hostnames' origins.
 */
export function originAllowed(site: Site, origin: string): boolean {
  return (
    site.allowedOrigins.length === 0 ||
    site.allowedOrigins.includes(origin) ||
    site.ownOrigins.includes(origin)
  )
}

/**
 * The browser origins of the site's proven proxied hostnames. A proxied site is one with an origin
 * server: hostnames left over without one are served nothing, so they are no one's pages.
 *
 * @example await siteOwnOrigins(db, 'site_1') // ['https://shop.example', 'http://localhost:8788', 'https://localhost:8788']
 */
export async function siteOwnOrigins(db: Database, siteId: string): Promise<string[]> {
  const rows = await db.all<{ hostname: string }>(sql`
    SELECT h.hostname FROM site_hostnames h JOIN sites s ON s.id = h.site_id
    WHERE h.site_id = ${siteId} AND s.origin_url IS NOT NULL AND h.verified_at IS NOT NULL
    ORDER BY h.hostname`)
  return rows.flatMap((r) => originsOfHostname(r.hostname))
}

/**
 * The origins a page on `hostname` (host[:port]) has. On Cloudflare a hostname is served over
 * https; one with a port or a local name is a development server, browsed over http too.
 */
export function originsOfHostname(hostname: string): string[] {
  const name = hostname.replace(/:\d+$/, '')
  const plain = hostname !== name || LOCAL_HOST.test(name)
  return plain ? [`http://${hostname}`, `https://${hostname}`] : [`https://${hostname}`]
}
