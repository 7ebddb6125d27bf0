/**
 * Where alerts may be posted: https only, and never to an address inside a network (loopback,
 * private, link-local, carrier-grade NAT, unique-local IPv6) or a name that stands for one
 * (`localhost`, `*.local`, `*.internal`), so a site's settings cannot make edgelift call into
 * infrastructure it can reach and the site cannot. Names are checked as written; a public name
 * that resolves to a private address is Cloudflare's to refuse (Workers cannot reach private
 * networks), and redirects are not followed when sending (alerts/deliver-alerts.ts).
 * Tests and local development post to a receiver on `http://127.0.0.1:<port>`: allowed only
 * when the Worker's `ALERTS_ALLOW_LOOPBACK` variable is "on".
 */

/** Why `value` cannot receive alerts, or null when it can. */
export function alertUrlProblem(value: string, allowLoopback: boolean): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'is not a URL'
  }
  if (url.username || url.password) return 'must not carry a user name or password'
  if (allowLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1') return null
  if (url.protocol !== 'https:') return 'must be an https URL'
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host)) {
    return 'must not point at a local name'
  }
  if (privateIpv4(host) || privateIpv6(host)) return 'must not point at a private address'
  return null
}

function privateIpv4(host: string): boolean {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)?.slice(1).map(Number)
  if (!parts) return false
  const [a = 0, b = 0] = parts
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  )
}

function privateIpv6(host: string): boolean {
  if (!host.startsWith('[')) return false
  const ip = host.slice(1, -1)
  if (ip === '::' || ip === '::1') return true
  // IPv4-mapped (::ffff:10.0.0.1, which URL writes as ::ffff:a00:1): judged as IPv4.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip)
  if (mapped) {
    const hi = parseInt(mapped[1] ?? '0', 16)
    const lo = parseInt(mapped[2] ?? '0', 16)
    return privateIpv4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`)
  }
  return /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip)
}
