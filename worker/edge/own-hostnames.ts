/**
 * edgelift's own hostnames: where its dashboard and API live. They are configuration
 * (`EDGELIFT_HOSTNAMES` in wrangler.toml), never data a site can write, and the Worker's
 * `*.workers.dev` name is always one of them. A hostname is either edgelift's or a store's, never
 * both: nothing is proxied on an own hostname, and the dashboard is served nowhere else. The
 * dashboard keeps an admin key in the page; a store's script on the same origin (a page, or a
 * service worker registered for the whole host) could read it.
 */

/** The configured own hostnames, lower-case; an entry without a port covers every port. */
export type OwnHostnames = readonly string[]

/**
 * Reads `EDGELIFT_HOSTNAMES`: names separated by commas or white space, each `host` or
 * `host:port`. Entries that are not hostnames are ignored (and logged), so a typo cannot
 * reserve nothing in silence while the rest stays in force.
 *
 * @example ownHostnamesOf('edgelift.example.com, localhost:8787') // ['edgelift.example.com', 'localhost:8787']
 */
export function ownHostnamesOf(configured: string | undefined): OwnHostnames {
  const names: string[] = []
  for (const entry of (configured ?? '').toLowerCase().split(/[\s,]+/)) {
    if (!entry) continue
    if (HOST_WITH_PORT.test(entry)) names.push(entry)
    else console.error(`EDGELIFT_HOSTNAMES: ${entry} is not a hostname; ignored`)
  }
  return names
}

const HOST_WITH_PORT = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\d{1,5})?$/

/**
 * Whether `host` (a request's Host, or a hostname a site asks for) is edgelift's own: a configured
 * name (any port when the entry has none, that port only when it has one) or a workers.dev name.
 *
 * @example isOwnHostname('localhost:8787', ['localhost:8787']) // true
 * @example isOwnHostname('localhost:8788', ['localhost:8787']) // false
 * @example isOwnHostname('edge.example:8443', ['edge.example']) // true
 */
export function isOwnHostname(host: string, own: OwnHostnames): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '')
  const name = lower.replace(/:\d+$/, '')
  if (name === 'workers.dev' || name.endsWith('.workers.dev')) return true
  return own.some((entry) => entry === lower || entry === name)
}

let parsed: { configured: string | undefined; own: OwnHostnames } | undefined

/** The Worker's own hostnames, parsed once per isolate (the variable never changes in one). */
export function ownHostnames(env: { EDGELIFT_HOSTNAMES?: string }): OwnHostnames {
  if (!parsed || parsed.configured !== env.EDGELIFT_HOSTNAMES) {
    parsed = { configured: env.EDGELIFT_HOSTNAMES, own: ownHostnamesOf(env.EDGELIFT_HOSTNAMES) }
  }
  return parsed.own
}
