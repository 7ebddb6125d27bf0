/**
 * The D1 databases sites live on. Every D1 binding named `DB` or `DB_<NAME>` in wrangler.toml holds
 * whole sites (each site's rows are on exactly one), with the same migrations; `DB` is the primary,
 * which also holds the directory (`site_databases`: site → binding). A site without a directory row
 * is on `DB`, so a deployment with one database needs no directory at all. New sites go to the
 * emptiest database (`emptiestDatabase`).
 */
import { eq, sql } from 'drizzle-orm'
import { IsolateCache } from '../cache/isolate-cache.ts'
import { database, type Database } from './database.ts'
import { siteDatabases as directory } from './schema.ts'

export const PRIMARY_BINDING = 'DB'
/** The binding names that hold sites; anything else (a future KV, R2 or a non-site D1) is not one. */
export const SITE_DATABASE_BINDING = /^DB(_[A-Z0-9_]{1,32})?$/

export type SiteDatabase = { binding: string; db: Database }

/**
 * A site whose directory names a database this Worker has no binding for (removed from
 * wrangler.toml, or a deploy without it): that site cannot be served, the others can.
 */
export class SiteDatabaseMissing extends Error {
  readonly binding: string
  constructor(binding: string) {
    super(
      `This site's database (${binding}) is not bound to this Worker; the operator must restore its binding in wrangler.toml.`,
    )
    this.name = 'SiteDatabaseMissing'
    this.binding = binding
  }
}

/** Per Worker environment: its bindings do not change while an isolate lives. */
const boundOf = new WeakMap<object, SiteDatabase[]>()

/** Every bound site database: `DB` first, then the others by name. */
export function boundDatabases(env: object): SiteDatabase[] {
  const known = boundOf.get(env)
  if (known) return known
  const found: SiteDatabase[] = []
  for (const [binding, value] of Object.entries(env)) {
    if (SITE_DATABASE_BINDING.test(binding) && isD1(value)) {
      found.push({ binding, db: database(value) })
    }
  }
  found.sort((a, b) =>
    a.binding === PRIMARY_BINDING
      ? -1
      : b.binding === PRIMARY_BINDING
        ? 1
        : a.binding < b.binding
          ? -1
          : 1,
  )
  boundOf.set(env, found)
  return found
}

function isD1(value: unknown): value is Parameters<typeof database>[0] {
  return (
    typeof value === 'object' &&
    value !== null &&
    'prepare' in value &&
    'batch' in value &&
    typeof value.prepare === 'function'
  )
}

/** The primary database: the directory's home, and every site's when there is only one. */
export function primaryDatabase(env: object): Database {
  const primary = boundDatabases(env).find((d) => d.binding === PRIMARY_BINDING)
  if (!primary) throw new SiteDatabaseMissing(PRIMARY_BINDING)
  return primary.db
}

/**
 * Directory answers cached per isolate: a site's placement changes only when an operator moves it
 * (move-site.ts), and every public request needs it.
 */
const placements = new IsolateCache<string>({ ttlMs: 10_000, maxEntries: 10_000 })

/** The binding that holds this site, from the directory on the primary database. */
export async function bindingOfSite(primary: Database, siteId: string): Promise<string> {
  const cached = placements.get(siteId)
  if (cached !== undefined) return cached
  let row
  try {
    row = await primary
      .select({ binding: directory.binding })
      .from(directory)
      .where(eq(directory.siteId, siteId))
      .get()
  } catch (err) {
    // The primary database failing must not take down sites served from the others.
    const last = placements.lastKnown(siteId)
    if (last !== undefined) return last
    throw err
  }
  const binding = row?.binding ?? PRIMARY_BINDING
  placements.set(siteId, binding)
  return binding
}

/** The bindings the directory names that this Worker does not have. */
export async function missingBindings(primary: Database, bound: SiteDatabase[]): Promise<string[]> {
  const rows = await primary.all<{ binding: string }>(
    sql`SELECT DISTINCT binding FROM site_databases`,
  )
  return rows.map((r) => r.binding).filter((b) => !bound.some((d) => d.binding === b))
}

/** Records where a site lives; takes effect in other isolates within the cache's 10 s. */
export async function placeSite(
  primary: Database,
  siteId: string,
  binding: string,
  now: number,
): Promise<void> {
  await primary
    .insert(directory)
    .values({ siteId, binding, placedAt: now })
    .onConflictDoUpdate({ target: directory.siteId, set: { binding, placedAt: now } })
  placements.delete(siteId)
}

/** The size D1 reports for each database (bytes, from a query's `size_after`). */
export async function databaseSizes(
  databases: SiteDatabase[],
): Promise<{ binding: string; bytes: number }[]> {
  return Promise.all(
    databases.map(async ({ binding, db }) => {
      const result = await db.$client.prepare('SELECT 1').run()
      return { binding, bytes: Number(result.meta.size_after) }
    }),
  )
}

/** Where a new site goes: the smallest database, the primary on a tie. */
export function emptiestDatabase(sizes: { binding: string; bytes: number }[]): string {
  let best: { binding: string; bytes: number } | undefined
  for (const size of sizes) if (!best || size.bytes < best.bytes) best = size
  return best?.binding ?? PRIMARY_BINDING
}
