/**
 * Moving a site to another database (`npm run site -- move`): every row of the site is copied,
 * the directory is switched, and only then are the old rows deleted, in bounded batches. The
 * tables are read from the database itself (every table with a `site_id` column, and the site's
 * row), so a table a later migration adds moves too.
 *
 * The copy is not a transaction across databases: writes that reach the old database during the
 * copy, or in the 10 s other isolates keep the old placement cached, are not carried over. Move a
 * site while its store is quiet.
 */
import { invalid, notFound } from '../domain-error.ts'
import type { Database } from '../db/database.ts'
import {
  bindingOfSite,
  boundDatabases,
  placeSite,
  primaryDatabase,
  SiteDatabaseMissing,
} from '../db/site-databases.ts'
import { forgetCachedSite } from './site-store.ts'

/** Rows read, and written in one D1 batch, per step; and rows per DELETE. */
const COPY_ROWS = 200
const DELETE_ROWS = 1000

/** Never copied: D1's and SQLite's own tables, and the directory, which lives on the primary only. */
const NOT_SITE_DATA = /^(sqlite_|_cf_|d1_migrations$|site_databases$)/

type Table = { name: string; key: 'id' | 'site_id'; columns: string[] }

export type MoveReport = { siteId: string; from: string; to: string; rows: Record<string, number> }

export async function moveSite(
  env: object,
  siteId: string,
  to: string,
  now: number,
): Promise<MoveReport> {
  const bound = boundDatabases(env)
  const primary = primaryDatabase(env)
  const from = await bindingOfSite(primary, siteId)
  const source = bound.find((d) => d.binding === from)
  const target = bound.find((d) => d.binding === to)
  if (!source) throw new SiteDatabaseMissing(from)
  if (!target) {
    throw invalid(
      'unknown_database',
      `${to} is not a database binding of this Worker (${bound.map((d) => d.binding).join(', ')}).`,
    )
  }
  if (from === to) throw invalid('same_database', `The site is on ${to} already.`)
  const site = await source.db.$client
    .prepare('SELECT public_key AS publicKey FROM sites WHERE id = ?')
    .bind(siteId)
    .first<{ publicKey: string }>()
  if (!site) throw notFound('The site')

  const tables = await siteTables(source.db)
  // Rows an earlier, interrupted move left behind would collide with the copy.
  for (const table of tables) await deleteSiteRows(target.db, table, siteId)
  const rows: Record<string, number> = {}
  for (const table of tables) rows[table.name] = await copyRows(source.db, target.db, table, siteId)
  await placeSite(primary, siteId, to, now)
  forgetCachedSite(site.publicKey)
  for (const table of tables) await deleteSiteRows(source.db, table, siteId)
  return { siteId, from, to, rows }
}

/**
 * The tables holding a site's rows, the site's own row first and the totals that triggers keep
 * (metric_totals) after the rows that feed them, so copying them last overwrites what the
 * triggers summed on the way with the same totals.
 */
async function siteTables(db: Database): Promise<Table[]> {
  const names = await db.$client
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all<{ name: string }>()
  // D1 allows PRAGMA table_info as a statement, not pragma_table_info() inside a query.
  const byTable = new Map<string, { column: string; pk: number; type: string }[]>()
  for (const { name } of names.results) {
    if (NOT_SITE_DATA.test(name)) continue
    const info = await db.$client
      .prepare(`PRAGMA table_info("${name}")`)
      .all<{ name: string; pk: number; type: string }>()
    byTable.set(
      name,
      info.results.map((c) => ({ column: c.name, pk: c.pk, type: c.type.toUpperCase() })),
    )
  }
  const tables: Table[] = []
  for (const [name, cols] of byTable) {
    const key =
      name === 'sites' ? 'id' : cols.some((c) => c.column === 'site_id') ? 'site_id' : null
    if (!key) continue
    const keyColumns = cols.filter((c) => c.pk > 0)
    // An INTEGER PRIMARY KEY alone is the rowid (audit_log.seq): the target numbers its own rows.
    const rowid =
      keyColumns.length === 1 && keyColumns[0]?.type === 'INTEGER' ? keyColumns[0] : null
    tables.push({ name, key, columns: cols.filter((c) => c !== rowid).map((c) => c.column) })
  }
  const rank = (t: Table) => (t.name === 'sites' ? 0 : t.name === 'metric_totals' ? 2 : 1)
  return tables.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : 1))
}

async function copyRows(
  source: Database,
  target: Database,
  table: Table,
  siteId: string,
): Promise<number> {
  const list = table.columns.map((c) => `"${c}"`).join(', ')
  const insert = `INSERT OR REPLACE INTO "${table.name}" (${list}) VALUES (${table.columns.map(() => '?').join(', ')})`
  let after = 0
  let copied = 0
  for (;;) {
    const page = await source.$client
      .prepare(
        `SELECT rowid AS "__rowid", ${list} FROM "${table.name}"
         WHERE "${table.key}" = ? AND rowid > ? ORDER BY rowid LIMIT ${COPY_ROWS}`,
      )
      .bind(siteId, after)
      .all<Record<string, unknown>>()
    const rows = page.results
    if (rows.length === 0) return copied
    await target.$client.batch(
      rows.map((row) =>
        target.$client.prepare(insert).bind(...table.columns.map((c) => bindable(row[c]))),
      ),
    )
    copied += rows.length
    after = Number(rows[rows.length - 1]?.__rowid)
  }
}

/** D1 reads a BLOB as an array of bytes and binds one only as bytes. */
function bindable(value: unknown): unknown {
  return Array.isArray(value) ? new Uint8Array(value as number[]) : value
}

async function deleteSiteRows(db: Database, table: Table, siteId: string): Promise<void> {
  for (;;) {
    const result = await db.$client
      .prepare(
        `DELETE FROM "${table.name}" WHERE rowid IN
           (SELECT rowid FROM "${table.name}" WHERE "${table.key}" = ? LIMIT ${DELETE_ROWS})`,
      )
      .bind(siteId)
      .run()
    if (result.meta.changes === 0) return
  }
}
