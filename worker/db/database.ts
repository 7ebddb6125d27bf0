/**
 * The drizzle handle over the D1 binding, typed with the one schema, and a batch that accepts raw
 * SQL with parameters: drizzle 0.45's D1 `batch()` cannot bind parameters of `db.run(sql...)`, so
 * statements are compiled by drizzle and batched on D1 itself (one transaction either way).
 */
import type { SQL } from 'drizzle-orm'
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1'
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import * as schema from './schema.ts'

export type Database = DrizzleD1Database<typeof schema> & { $client: D1Database }

export function database(d1: D1Database): Database {
  return drizzle(d1, { schema })
}

const dialect = new SQLiteAsyncDialect()

/** Something that compiles to one SQL statement: a `sql` template or a drizzle query builder. */
export type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } }

/** Compiles a statement for D1. */
export function prepare(db: Database, statement: Statement): D1PreparedStatement {
  const query = 'toSQL' in statement ? statement.toSQL() : dialect.sqlToQuery(statement)
  return db.$client.prepare(query.sql).bind(...query.params)
}

/** Runs statements in one D1 batch: in order, in one transaction, all or nothing. */
export function batch(db: Database, statements: Statement[]): Promise<D1Result[]> {
  return db.$client.batch(statements.map((s) => prepare(db, s)))
}
