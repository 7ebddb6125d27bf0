/**
 * `npm start`: everything a merchant needs to see edgelift run locally, in one command. Applies the
 * D1 migrations, makes sure the demo site exists (pk_demo / sk_demo), prints the keys and serves
 * the Worker with wrangler dev on the embedded local D1.
 */
import { applyLocalMigrations, wranglerChild } from './lib/wrangler.ts'
import { createSite } from './lib/sites.ts'

const port = process.env.PORT ?? '8787'
if (!/^\d{2,5}$/.test(port)) {
  console.error(`PORT must be a port number, not ${port}.`)
  process.exit(2)
}

function step(message: string) {
  console.log(`▸ ${message}`)
}

step('Applying D1 migrations to the local database')
applyLocalMigrations()
step('Ensuring the demo site')
const demo = await createSite({
  name: 'Demo store',
  origins: [],
  siteId: 'site_demo',
  publicKey: 'pk_demo',
  adminKey: 'sk_demo',
  upsert: true,
})

const base = `http://localhost:${port}`
console.log(`
  edgelift is starting on ${base}

  Demo site      ${demo.siteId}
  Public key     ${demo.publicKey}   (safe in page source)
  Admin key      ${demo.adminKey}   (secret: Authorization: Bearer ${demo.adminKey})

  Try:  curl -s -X POST '${base}/v1/assign?site=${demo.publicKey}' -H 'content-type: application/json' -d '{}'
`)

const dev = wranglerChild([
  'dev',
  '--port',
  port,
  '--ip',
  '127.0.0.1',
  '--show-interactive-dev-session=false',
])
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
