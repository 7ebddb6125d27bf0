/**
 * The Worker's bindings from Node, on the same local D1 that `wrangler dev` uses, through
 * wrangler's platform proxy: the CLIs run the Worker's own domain code against it.
 */
import { getPlatformProxy, type PlatformProxy } from 'wrangler'
import { database, type Database } from '../../worker/db/database.ts'
import { applyLocalMigrations } from './wrangler.ts'

type Bindings = { DB: Parameters<typeof database>[0] } & Record<string, unknown>

export async function withLocalDatabase<T>(
  persistTo: string | undefined,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  return withLocalEnv(persistTo, (env) => work(database(env.DB)))
}

/** Every local binding (all site databases among them), for work that spans databases. */
export async function withLocalEnv<T>(
  persistTo: string | undefined,
  work: (env: Bindings) => Promise<T>,
): Promise<T> {
  applyLocalMigrations(persistTo)
  const proxy = await getPlatformProxy<Bindings>({
    configPath: 'wrangler.toml',
    persist: persistTo ? { path: `${persistTo}/v3` } : true,
  })
  return withProxy(proxy, work)
}

/**
 * The deployed D1, through wrangler's remote bindings (wrangler.remote.toml, after
 * `npx wrangler login`): the same domain code, run from Node on the production database.
 */
export async function withRemoteDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  return withRemoteEnv((env) => work(database(env.DB)))
}

/** The deployed site databases wrangler.remote.toml lists, for work that spans databases. */
export async function withRemoteEnv<T>(work: (env: Bindings) => Promise<T>): Promise<T> {
  let proxy: PlatformProxy<Bindings>
  try {
    proxy = await getPlatformProxy({ configPath: 'wrangler.remote.toml' })
  } catch (err) {
    console.error(
      `Cannot reach the deployed D1 (${err instanceof Error ? err.message : String(err)}).\n` +
        'Run `npx wrangler login` and put your database_id in wrangler.remote.toml.',
    )
    process.exit(2)
  }
  return withProxy(proxy, work)
}

async function withProxy<T>(
  proxy: PlatformProxy<Bindings>,
  work: (env: Bindings) => Promise<T>,
): Promise<T> {
  try {
    return await work(proxy.env)
  } finally {
    await proxy.dispose()
  }
}

/** The id of the site with this public key, or a clear exit. */
export async function siteIdOf(db: Database, publicKey: string): Promise<string> {
  const row = await db.$client
    .prepare('SELECT id FROM sites WHERE public_key = ?')
    .bind(publicKey)
    .first<{ id: string }>()
  if (!row) {
    console.error(
      `No site has the public key ${publicKey}. Create one with \`npm run site -- create --name ...\`.`,
    )
    process.exit(2)
  }
  return row.id
}
