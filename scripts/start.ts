/**
 * `npm start`: a merchant's first five minutes in one command. Builds the widget and dashboard,
 * applies the D1 migrations, makes sure the demo site exists (pk_demo / sk_demo), serves the
 * Worker with wrangler dev on the embedded local D1, seeds the demo store (real order history,
 * catalog, trained model, a running experiment) and prints where everything is.
 */
import { buildFrontEnds } from './lib/build-front-ends.ts'
import { seedDemo } from './lib/demo-seed.ts'
import { createSite } from './lib/sites.ts'
import { waitForWorker } from './lib/wait-for-worker.ts'
import { applyLocalMigrations, wranglerDev } from './lib/wrangler.ts'

const port = process.env.PORT ?? '8787'
if (!/^\d{2,5}$/.test(port)) {
  console.error(`PORT must be a port number, not ${port}.`)
  process.exit(2)
}
const api = `http://localhost:${port}`

function step(message: string) {
  console.log(`▸ ${message}`)
}

step('Building the widget and the dashboard')
buildFrontEnds()
step('Applying D1 migrations to the local database')
applyLocalMigrations()
step('Ensuring the demo site')
const demo = await createSite({
  name: 'Hearth & Home (demo)',
  origins: [],
  siteId: 'site_demo',
  publicKey: 'pk_demo',
  adminKey: 'sk_demo',
  currency: 'GBP',
  upsert: true,
})

step(`Starting the Worker on ${api}`)
const dev = wranglerDev([
  '--port',
  port,
  '--ip',
  '127.0.0.1',
  '--var',
  'DEMO:on',
  '--var',
  `EDGELIFT_HOSTNAMES:localhost:${port},127.0.0.1:${port}`,
  '--show-interactive-dev-session=false',
  '--log-level',
  'warn',
])
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))

try {
  await waitForWorker(api)
  await seedDemo(api, step)
} catch (err) {
  console.error(`✘ ${err instanceof Error ? err.message : String(err)}`)
  dev.kill('SIGTERM')
  process.exit(1)
}

console.log(`
  edgelift is running on ${api}

  Demo store     ${api}/demo           (recommendations + the buy-button experiment)
  Dashboard      ${api}/admin          (sign in with the admin key below)
  Public key     ${demo.publicKey}              (safe in page source)
  Admin key      ${demo.adminKey}              (secret: Authorization: Bearer ${demo.adminKey})

  Install on a store:  <script async src="${api}/widget.js" data-site="${demo.publicKey}"></script>
  Drive traffic:       npm run simulate -- --visitors 2000 --lift 0.1
  Stop with Ctrl-C.
`)
