/**
 * A team's named admin keys: each has a name, a role (`viewer` reads, `editor` changes) and a
 * secret stored only as its SHA-256 hash. The site's own key is not a row here: it is always an
 * editor, cannot be revoked (only rotated), so a site always keeps a key that can manage the team.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { randomHex } from '../crypto/hex.ts'
import type { Database } from '../db/database.ts'
import { adminKeys } from '../db/schema.ts'
import { hashKey, newAdminKey } from '../sites/keys.ts'

export type Role = 'viewer' | 'editor'

/** Who sent an admin request: a named key or the site's own key. */
export type AdminCaller = { keyId: string; name: string; role: Role }

/** The site's own key, as the audit log and the key list name it. */
export const SITE_KEY: AdminCaller = { keyId: 'site', name: 'Site key', role: 'editor' }

/** Named keys a site may have at once, besides its own key. */
export const MAX_KEYS_PER_SITE = 20

export type NamedKey = {
  id: string
  name: string
  role: Role
  createdBy: string
  createdAt: number
}

const COLUMNS = {
  id: adminKeys.id,
  name: adminKeys.name,
  role: adminKeys.role,
  createdBy: adminKeys.createdBy,
  createdAt: adminKeys.createdAt,
}

/** A site's named keys, oldest first. */
export async function listKeys(db: Database, siteId: string): Promise<NamedKey[]> {
  const rows = await db
    .select(COLUMNS)
    .from(adminKeys)
    .where(eq(adminKeys.siteId, siteId))
    .orderBy(asc(adminKeys.createdAt), asc(adminKeys.id))
  return rows.map(toNamedKey)
}

export type Created = { key: NamedKey; adminKey: string }

/**
 * Adds a key, or answers why not. The count check is part of the insert, so two creations at
 * once cannot pass the limit together; a taken name fails on the unique index.
 */
export async function createKey(
  db: Database,
  siteId: string,
  input: { name: string; role: Role; createdBy: string },
  now: number,
): Promise<Created | 'limit_reached' | 'name_taken'> {
  const adminKey = newAdminKey()
  const key: NamedKey = { id: `key_${randomHex(8)}`, ...input, createdAt: now }
  const taken = await db
    .select({ id: adminKeys.id })
    .from(adminKeys)
    .where(and(eq(adminKeys.siteId, siteId), eq(adminKeys.name, input.name)))
    .get()
  if (taken) return 'name_taken'
  const inserted = await db.run(sql`
    INSERT OR IGNORE INTO admin_keys (site_id, id, name, role, key_hash, created_by, created_at)
    SELECT ${siteId}, ${key.id}, ${key.name}, ${key.role}, ${await hashKey(adminKey)},
      ${key.createdBy}, ${now}
    WHERE (SELECT count(*) FROM admin_keys WHERE site_id = ${siteId}) < ${MAX_KEYS_PER_SITE}`)
  if (inserted.meta.changes === 1) return { key, adminKey }
  // Ignored: either the limit, or a name taken since the check above.
  const count = await db.$count(adminKeys, eq(adminKeys.siteId, siteId))
  return count >= MAX_KEYS_PER_SITE ? 'limit_reached' : 'name_taken'
}

/** Deletes a site's key and answers it; null when the site has no key with this id. */
export async function revokeKey(
  db: Database,
  siteId: string,
  id: string,
): Promise<NamedKey | null> {
  const [row] = await db
    .delete(adminKeys)
    .where(and(eq(adminKeys.siteId, siteId), eq(adminKeys.id, id)))
    .returning(COLUMNS)
  return row ? toNamedKey(row) : null
}

/**
 * Replaces a named key's secret, only while it still has the one that authenticated the request
 * (like the site key's rotation); the new secret, or null when it changed meanwhile.
 */
export async function rotateNamedKey(
  db: Database,
  siteId: string,
  id: string,
  previousHash: string,
): Promise<string | null> {
  const adminKey = newAdminKey()
  const updated = await db
    .update(adminKeys)
    .set({ keyHash: await hashKey(adminKey) })
    .where(
      and(eq(adminKeys.siteId, siteId), eq(adminKeys.id, id), eq(adminKeys.keyHash, previousHash)),
    )
    .returning({ id: adminKeys.id })
  return updated.length === 1 ? adminKey : null
}

/** A stored role; anything but `editor` reads only, so a damaged row can never grant changes. */
export function asRole(stored: string): Role {
  return stored === 'editor' ? 'editor' : 'viewer'
}

function toNamedKey(row: {
  id: string
  name: string
  role: string
  createdBy: string
  createdAt: number
}): NamedKey {
  return { ...row, role: asRole(row.role) }
}
