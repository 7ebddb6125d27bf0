/**
 * Which database a request's site lives on. A key or a hostname names no database, so the look-up
 * runs on every bound database at once (one indexed query each, in parallel; cached look-ups cost
 * nothing) and the directory (db/site-databases.ts) says which answer counts. A site whose
 * database is not bound gets a 503 that says so; every other site is served as usual.
 */
import { ApiError } from '../http/api-error.ts'
import type { Database } from '../db/database.ts'
import {
  bindingOfSite,
  boundDatabases,
  missingBindings,
  primaryDatabase,
  SiteDatabaseMissing,
  type SiteDatabase,
} from '../db/site-databases.ts'

/**
 * What `find` answered on the site's own database, with that database; null when no bound
 * database knows the credential.
 *
 * @example
 * const found = await locateSite(c.env, (db, binding) => findSiteByPublicKey(db, key, binding))
 * if (found) c.set('db', found.db)
 */
export async function locateSite<T extends { site: { id: string } }>(
  env: object,
  find: (db: Database, binding: string) => Promise<T | null>,
): Promise<(T & { db: Database }) | null> {
  const bound = boundDatabases(env)
  const primary = primaryDatabase(env)
  const answers = await Promise.all(
    bound.map(async (d) => ({ d, found: await find(d.db, d.binding) })),
  )
  const hit = answers.find((a) => a.found !== null)?.found
  if (!hit) {
    // The credential may belong to a site on the missing database: it cannot be called unknown.
    const missing = await missingBindings(primary, bound)
    if (missing.length > 0) throw unavailable(new SiteDatabaseMissing(missing.join(', ')))
    return null
  }
  const binding = await bindingOfSite(primary, hit.site.id)
  const home = answers.find((a) => a.d.binding === binding && a.found?.site.id === hit.site.id)
  if (!home?.found) throw unavailable(homeMissing(bound, binding))
  return { ...home.found, db: home.d.db }
}

function homeMissing(bound: SiteDatabase[], binding: string): Error {
  if (!bound.some((d) => d.binding === binding)) return new SiteDatabaseMissing(binding)
  return new Error(`This site is not (or not yet) on its database ${binding}; retry shortly.`)
}

function unavailable(err: Error): ApiError {
  return new ApiError(503, 'site_database_unavailable', err.message, { 'Retry-After': '30' })
}
