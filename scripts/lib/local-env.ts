/**
 * The Worker's bindings from Node, on the same local D1 that `wrangler dev` uses, through
 * wrangler's platform proxy: the CLIs run the Worker's own domain code against it.
 */
import { getPlatformProxy } from 'wrangler'
import { database, type Database } from '../../worker/db/database.ts'
import { applyLocalMigrations } from './wrangler.ts'

export async function withLocalDatabase<T>(
  persistTo: string | undefined,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  applyLocalMigrations(persistTo)
  const proxy = await getPlatformProxy<{ DB: Parameters<typeof database>[0] }>({
    configPath: 'wrangler.toml',
    persist: persistTo ? { path: `${persistTo}/v3` } : true,
  })
  try {
    return await work(database(proxy.env.DB))
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
