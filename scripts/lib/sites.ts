/** Creating sites in the local D1 from Node: the same keys and hashing as the Worker. */
import { hashKey, newAdminKey, newPublicKey, newSiteId } from '../../worker/sites/keys.ts'
import { localSql, remoteSql, sqlText } from './wrangler.ts'

export type CreatedSite = { siteId: string; publicKey: string; adminKey: string }

/** Inserts a site and answers its keys; the admin key is stored only as its hash. */
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
  const run = options.remote
    ? (sql: string) => remoteSql(sql)
    : (sql: string) => localSql(sql, options.persistTo)
  run(
    `INSERT INTO sites (id, name, public_key, admin_key_hash, allowed_origins, currency, created_at)
     VALUES (${sqlText(site.siteId)}, ${sqlText(options.name)}, ${sqlText(site.publicKey)},
       ${sqlText(await hashKey(site.adminKey))}, ${sqlText(JSON.stringify(options.origins))}, ${sqlText(options.currency ?? 'USD')}, ${Date.now()})
     ${onConflict}`,
  )
  return site
}
