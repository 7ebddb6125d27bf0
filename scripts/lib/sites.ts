/** Creating sites in the local D1 from Node: the same keys and hashing as the Worker. */
import { hashKey, newAdminKey, newPublicKey, newSiteId } from '../../worker/sites/keys.ts'
import {
  boundDatabases,
  databaseSizes,
  emptiestDatabase,
  PRIMARY_BINDING,
} from '../../worker/db/site-databases.ts'
import { withLocalEnv, withRemoteEnv } from './local-env.ts'
import { DATABASE, localSql, remoteSql, siteDatabaseNames, sqlText } from './wrangler.ts'

export type CreatedSite = { siteId: string; publicKey: string; adminKey: string }

/**
 * Inserts a site on the emptiest site database (and, off the primary, its directory row) and
 * answers its keys; the admin key is stored only as its hash.
 */
export async function createSite(options: {
  name: string
  origins: string[]
  siteId?: string
  publicKey?: string
  adminKey?: string
  upsert?: boolean
  persistTo?: string
  /** ISO 4217 code revenue is reported in; USD unless given. */
  currency?: string
  /** Write to the deployed D1 instead of the local one. */
  remote?: boolean
}): Promise<CreatedSite> {
  const site = {
    siteId: options.siteId ?? newSiteId(),
    publicKey: options.publicKey ?? newPublicKey(),
    adminKey: options.adminKey ?? newAdminKey(),
  }
  const onConflict = options.upsert
    ? `ON CONFLICT(id) DO UPDATE SET name = excluded.name, public_key = excluded.public_key,
         admin_key_hash = excluded.admin_key_hash, allowed_origins = excluded.allowed_origins,
         currency = excluded.currency`
    : ''
  const databases = siteDatabaseNames()
  const primary = databases[0]?.name ?? DATABASE
  // The demo (an upsert of a fixed site) stays on the primary, where the demo routes read it.
  const home = options.upsert ? primary : await emptiest(databases, options)
  const run = (sql: string, database = home) =>
    options.remote ? remoteSql(sql, database) : localSql(sql, options.persistTo, database)
  run(
    `INSERT INTO sites (id, name, public_key, admin_key_hash, allowed_origins, currency, created_at)
     VALUES (${sqlText(site.siteId)}, ${sqlText(options.name)}, ${sqlText(site.publicKey)},
       ${sqlText(await hashKey(site.adminKey))}, ${sqlText(JSON.stringify(options.origins))}, ${sqlText(options.currency ?? 'USD')}, ${Date.now()})
     ${onConflict}`,
  )
  const binding = databases.find((d) => d.name === home)?.binding ?? PRIMARY_BINDING
  if (binding !== PRIMARY_BINDING) {
    run(
      `INSERT INTO site_databases (site_id, binding, placed_at)
       VALUES (${sqlText(site.siteId)}, ${sqlText(binding)}, ${Date.now()})`,
      primary,
    )
  }
  return site
}

/** The database name of the emptiest site database, sized and chosen by the Worker's own code. */
async function emptiest(
  databases: { binding: string; name: string }[],
  where: { remote?: boolean; persistTo?: string },
): Promise<string> {
  if (databases.length <= 1) return databases[0]?.name ?? DATABASE
  const measure = async (env: object) => emptiestDatabase(await databaseSizes(boundDatabases(env)))
  const binding = where.remote
    ? await withRemoteEnv(measure)
    : await withLocalEnv(where.persistTo, measure)
  return databases.find((d) => d.binding === binding)?.name ?? DATABASE
}
