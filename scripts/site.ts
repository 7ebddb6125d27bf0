/**
 * `npm run site -- create --name "My store" [--origin https://shop.example]...`
 * Creates a site in the local D1 (or, with --remote, the deployed one) and prints
 * `{ "siteId", "publicKey", "adminKey" }` as JSON. The admin key is shown only now; edgelift keeps
 * only its hash.
 */
import { isCurrency } from '../shared/currencies.ts'
import { bareOrigin } from '../worker/http/bare-origin.ts'
import { applyLocalMigrations } from './lib/wrangler.ts'
import { failWith, parseFlags } from './lib/cli.ts'
import { createSite } from './lib/sites.ts'

const USAGE =
  'usage: npm run site -- create --name "My store" [--origin https://shop.example ...] [--currency GBP] [--remote]'

const fail: (message: string) => never = failWith(USAGE)

function validOrigin(origin: string): string {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    fail(`--origin ${origin} is not a URL.`)
  }
  if (bareOrigin(origin) !== origin.replace(/\/$/, '')) {
    fail(`--origin must be a bare http(s) origin such as https://shop.example, not ${origin}.`)
  }
  return url.origin
}

const parsed = parseFlags(
  {
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      currency: { type: 'string' },
      remote: { type: 'boolean' },
    },
  },
  fail,
)
const [command] = parsed.positionals
if (command !== 'create') fail(command ? `Unknown command ${command}.` : 'Say what to do.')
const name = parsed.values.name?.trim()
if (!name || name.length > 200) fail('--name is required (1-200 characters).')
const origins = (parsed.values.origin ?? []).map(validOrigin)

const currency = parsed.values.currency?.toUpperCase() ?? 'USD'
if (!isCurrency(currency)) fail(`--currency ${currency} is not an ISO 4217 code.`)
const remote = parsed.values.remote === true
if (!remote) applyLocalMigrations()
const site = await createSite({ name, origins, currency, remote })
console.log(JSON.stringify(site, null, 2))
