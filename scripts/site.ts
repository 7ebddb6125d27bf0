/**
 * `npm run site -- create --name "My store" [--origin https://shop.example]...`
 * Creates a site in the local D1 (or, with --remote, the deployed one), on the emptiest site
 * database, and prints `{ "siteId", "publicKey", "adminKey" }` as JSON. The admin key is shown
 * only now; edgelift keeps only its hash.
 *
 * `npm run site -- move --site site_... --to DB_2 [--remote]` moves a site and all its rows to
 * another database binding (worker/sites/move-site.ts) and prints what it moved.
 */
import { isCurrency } from '../shared/currencies.ts'
import { bareOrigin } from '../worker/http/bare-origin.ts'
import { applyLocalMigrations } from './lib/wrangler.ts'
import { failWith, parseFlags } from './lib/cli.ts'
import { createSite } from './lib/sites.ts'
import { withLocalEnv, withRemoteEnv } from './lib/local-env.ts'
import { DomainError } from '../worker/domain-error.ts'
import { SITE_DATABASE_BINDING, SiteDatabaseMissing } from '../worker/db/site-databases.ts'
import { moveSite } from '../worker/sites/move-site.ts'

const USAGE =
  'usage: npm run site -- create --name "My store" [--origin https://shop.example ...] [--currency GBP] [--remote]\n' +
  '       npm run site -- move --site site_... --to DB_2 [--remote]'

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
      site: { type: 'string' },
      to: { type: 'string' },
    },
  },
  fail,
)
const [command] = parsed.positionals
if (command === 'move') {
  await move()
  process.exit(0)
}
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

async function move(): Promise<void> {
  const siteId = parsed.values.site ?? fail('--site is required.')
  const to = parsed.values.to ?? fail('--to is required (a database binding such as DB_2).')
  if (!/^site_[A-Za-z0-9_-]{1,64}$/.test(siteId)) fail(`--site ${siteId} is not a site id.`)
  if (!SITE_DATABASE_BINDING.test(to))
    fail(`--to ${to} is not a site database binding (DB or DB_<NAME>).`)
  const work = async (env: object) => {
    try {
      return await moveSite(env, siteId, to, Date.now())
    } catch (err) {
      if (err instanceof DomainError || err instanceof SiteDatabaseMissing) fail(err.message)
      throw err
    }
  }
  const report = parsed.values.remote
    ? await withRemoteEnv(work)
    : await withLocalEnv(undefined, work)
  console.log(JSON.stringify(report, null, 2))
}
