/**
 * `npm run proxy -- --origin http://127.0.0.1:9000 [--site pk_demo] [--port 8788] [--host shop.example]`
 * Puts a store behind edgelift locally: points the site's proxy settings at the origin, with this
 * machine's `localhost:PORT` and `127.0.0.1:PORT` (and any --host) as the store's hostnames, proven
 * by the operator (this machine has the database; no DNS record is needed), then serves the Worker
 * with wrangler dev. The dashboard stays on npm start's port: a hostname serves one or the other.
 * Once the Worker answers, it says whether the site accepts the proxied pages' events and where to
 * browse the store through the edge (http://localhost:PORT/): experiments are decided before the
 * first byte.
 */
import { proveByOperator } from '../worker/edge/hostname-verification.ts'
import { writeProxySettings } from '../worker/edge/proxy-settings.ts'
import { buildFrontEnds } from './lib/build-front-ends.ts'
import { failWith, parseFlags } from './lib/cli.ts'
import { withSiteDatabase } from './lib/local-env.ts'
import { waitForWorker } from './lib/wait-for-worker.ts'
import { wranglerDev } from './lib/wrangler.ts'

const USAGE =
  'usage: npm run proxy -- --origin http://127.0.0.1:9000 [--site pk_demo] [--port 8788] [--host shop.example]'

const fail: (message: string) => never = failWith(USAGE)

const { values } = parseFlags(
  {
    options: {
      origin: { type: 'string' },
      site: { type: 'string', default: 'pk_demo' },
      port: { type: 'string', default: '8788' },
      host: { type: 'string', multiple: true },
    },
  },
  fail,
)
const originText = values.origin ?? fail('--origin is required.')
let origin: URL
try {
  origin = new URL(originText)
} catch {
  fail(`--origin ${originText} is not a URL.`)
}
if (!/^https?:$/.test(origin.protocol)) fail('--origin must be an http(s) URL.')
if (!/^\d{2,5}$/.test(values.port)) fail(`--port must be a port number, not ${values.port}.`)
const hostnames = [`localhost:${values.port}`, `127.0.0.1:${values.port}`, ...(values.host ?? [])]
if (hostnames.includes(origin.host))
  fail('The origin cannot be the proxy itself (that would loop).')
// The dashboard's port (npm start's): a hostname serves the dashboard or a store, never both.
const dashboardPort = process.env.PORT ?? '8787'
if (values.port === dashboardPort) {
  fail(
    `--port ${values.port} is where npm start serves the dashboard; give the store another port.`,
  )
}

await withSiteDatabase(values.site, {}, async (db, siteId) => {
  await writeProxySettings(db, siteId, {
    originUrl: origin.origin,
    hostnames,
    consentRequired: false,
  })
  // This machine's operator, with the database in hand, vouches for these names: no DNS proof.
  await proveByOperator(db, siteId, hostnames, Date.now())
})
console.log(`▸ ${values.site} now proxies ${hostnames.join(', ')} → ${origin.origin}`)
buildFrontEnds({ quiet: true })
const dev = wranglerDev([
  '--port',
  values.port,
  '--ip',
  '127.0.0.1',
  '--var',
  `EDGELIFT_HOSTNAMES:localhost:${dashboardPort},127.0.0.1:${dashboardPort}`,
  '--show-interactive-dev-session=false',
  '--log-level',
  'warn',
])
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))

const store = `http://localhost:${values.port}`
try {
  await waitForWorker(store)
} catch (err) {
  console.error(`✘ ${err instanceof Error ? err.message : String(err)}`)
  dev.kill('SIGTERM')
  process.exit(1)
}
console.log(await pagesAccepted(store, values.site))
console.log(`▸ Browse the store through the edge: ${store}/`)

/**
 * Whether the site's origin check lets the proxied pages' widget send events, asked the way a
 * browser asks: a page on the store's hostname sends its events first-party, with that Origin.
 */
async function pagesAccepted(page: string, publicKey: string): Promise<string> {
  const res = await fetch(`${page}/v1/events?site=${encodeURIComponent(publicKey)}`, {
    method: 'OPTIONS',
    headers: { origin: page, 'access-control-request-method': 'POST' },
  })
  return res.status === 204
    ? `▸ Events from the store's pages (${page}) are accepted: a proxied hostname is the site's own origin`
    : `✘ The site refuses events from the store's own pages (${page} answered ${res.status}): every browser event would be lost. Check its allowed origins and proxy hostnames in the dashboard's Settings.`
}
