/**
 * A throw-away `wrangler dev` for benchmarks: its own local D1 under .wrangler/bench, the baseline
 * routes switched on, a fresh site, and its output kept in artifacts/ rather than on screen.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, openSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createSite, type CreatedSite } from '../../scripts/lib/sites.ts'
import { applyLocalMigrations, localSql } from '../../scripts/lib/wrangler.ts'

const WRANGLER = fileURLToPath(
  new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url),
)

export type DevServer = {
  url: string
  site: CreatedSite
  persistTo: string
  sql<T>(query: string): T[]
  stop(): Promise<void>
}

export async function startDevServer(
  name: string,
  port: number,
  options: {
    demo?: boolean
    /** Extra Worker variables, e.g. `{ RECS_ONLINE: 'off' }`. */
    vars?: Record<string, string>
    /** Restart on the data a previous server of this name left, with its site. */
    reuse?: CreatedSite
  } = {},
): Promise<DevServer> {
  const persistTo = `.wrangler/bench/${name}`
  if (!options.reuse) rmSync(persistTo, { recursive: true, force: true })
  mkdirSync('artifacts', { recursive: true })
  applyLocalMigrations(persistTo)
  const site =
    options.reuse ??
    (await createSite(
      options.demo
        ? {
            name: 'Demo store',
            origins: [],
            persistTo,
            siteId: 'site_demo',
            publicKey: 'pk_demo',
            adminKey: 'sk_demo',
            // As npm start makes it: the demo store sells in pounds, and the API refuses others.
            currency: 'GBP',
          }
        : { name: `bench ${name}`, origins: [], persistTo },
    ))
  const log = openSync(`artifacts/bench-${name}-wrangler.log`, 'w')
  const child: ChildProcess = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persistTo,
      '--var',
      'BENCH_ROUTES:on',
      // The dashboard and API are this server's own names unless the caller says otherwise.
      ...Object.entries({
        EDGELIFT_HOSTNAMES: `127.0.0.1:${port},localhost:${port}`,
        ...options.vars,
      }).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
      '--show-interactive-dev-session=false',
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', log, log], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  )
  const url = `http://127.0.0.1:${port}`
  await waitUntilReady(url, child)
  return {
    url,
    site,
    persistTo,
    sql: (query) => localSql(query, persistTo),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error('wrangler dev exited; see artifacts/bench-*-wrangler.log')
    try {
      const res = await fetch(`${url}/v1/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`wrangler dev did not answer on ${url} within 60 s`)
}

/** A port nobody listens on now, so parallel runs (two checkouts, CI beside a developer) never collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
