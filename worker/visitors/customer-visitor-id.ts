/**
 * The opaque visitor ids imported customers are stored under. A store's customer ids are
 * guessable (`c12359`, order-system numbers), and anyone with the public key may ask for a
 * visitor's personal list, which is built from what they bought: stored under their own id, a
 * customer's history would be public. An import therefore stores each customer under
 * HMAC-SHA-256(site's secret key, customer id), cut to 128 bits and written as 32 hex digits like
 * edgelift's own random ids: the same customer always gets the same id on one site, and nobody
 * without the key (stored server-side in D1, never shown) can compute it. The admin API answers
 * a customer's id (`POST /v1/admin/import/visitor-ids`), so the store can use it for a signed-in
 * customer.
 */
import { sql } from 'drizzle-orm'
import { fromHex, randomHex, toHex } from '../crypto/hex.ts'
import { batch, type Database } from '../db/database.ts'

/** Customer id → opaque visitor id, for one site; repeated customers are hashed once. */
export type CustomerVisitorIds = (customerId: string) => Promise<string>

/**
 * The site's mapping from customer ids to opaque visitor ids. The site's key is made on first
 * use, race-free: two concurrent first uses both keep whichever key was written first.
 *
 * @example
 * const visitorIdOf = await customerVisitorIds(db, site.id)
 * await visitorIdOf('c12359') // '3f1c…' (32 hex digits, always the same on this site)
 */
export async function customerVisitorIds(
  db: Database,
  siteId: string,
): Promise<CustomerVisitorIds> {
  const [result] = await batch(db, [
    sql`UPDATE sites SET visitor_id_key = coalesce(visitor_id_key, ${randomHex(32)})
      WHERE id = ${siteId} RETURNING visitor_id_key`,
  ])
  const hex = (result?.results[0] as { visitor_id_key?: string } | undefined)?.visitor_id_key
  if (!hex) throw new Error(`site ${siteId} not found`)
  const key = await crypto.subtle.importKey(
    'raw',
    fromHex(hex),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const known = new Map<string, Promise<string>>()
  return (customerId) => {
    let id = known.get(customerId)
    if (!id) {
      id = crypto.subtle
        .sign('HMAC', key, new TextEncoder().encode(customerId))
        .then((mac) => toHex(new Uint8Array(mac).subarray(0, 16)))
      known.set(customerId, id)
    }
    return id
  }
}
