/**
 * The Worker's bindings from Node, on the same local D1 that `wrangler dev` uses, through
 * wrangler's platform proxy: the CLIs run the Worker's own domain code against it.
 */
import { getPlatformProxy, type PlatformProxy } from 'wrangler'
import type { database, Database } from '../../worker/db/database.ts'
import { locateSite } from '../../worker/sites/locate-site.ts'
import { applyLocalMigrations } from './wrangler.ts'

type Bindings = { DB: Parameters<typeof database>[0] } & Record<string, unknown>

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
 * The deployed site databases wrangler.remote.toml lists, through wrangler's remote bindings
 * (after `npx wrangler login`): the same domain code, run from Node on production data.
 */
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

/**
 * Runs `work` on the database that holds the site with this public key (sites/locate-site.ts:
 * sites live on several), local or, with `remote`, deployed; a key no database knows is a clear
 * exit.
 */
export async function withSiteDatabase<T>(
  publicKey: string,
  where: { remote?: boolean | undefined; persistTo?: string | undefined },
  work: (db: Database, siteId: string) => Promise<T>,
): Promise<T> {
  const onEnv = async (env: Bindings) => {
    const found = await locateSite(env, async (db) => {
      const row = await db.$client
        .prepare('SELECT id FROM sites WHERE public_key = ?')
        .bind(publicKey)
        .first<{ id: string }>()
      return row ? { site: row } : null
    })
    if (!found) {
      console.error(
        `No site has the public key ${publicKey}. Create one with \`npm run site -- create --name ...\`.`,
      )
      process.exit(2)
    }
    return work(found.db, found.site.id)
  }
  return where.remote ? withRemoteEnv(onEnv) : withLocalEnv(where.persistTo, onEnv)
}
