/**
 * Storing a trained model in D1. Everything is written under the new version beside the active
 * one, the visitors' new vectors included (staged as `vector` rows of rec_lists), and one batch
 * then switches the site's status to it and copies the vectors into place, so serving never sees
 * half a model and a run that dies while writing leaves the active one untouched; older versions
 * are deleted in that batch. Bulk rows travel as JSON parameters in chunks well below D1's 2 MB
 * limits, made as they are written, so a large model is never held as JSON all at once.
 */
import { sql } from 'drizzle-orm'
import { sha256Hex } from '../../crypto/hex.ts'
import { batch, type Database, type Statement } from '../../db/database.ts'
import { jsonChunks, lazyJsonChunks } from '../../db/json-chunks.ts'
import { listAt, listCount, type RankedLists } from '../ranked-lists.ts'
import type { TrainedModel } from './train.ts'

/** Items per factor chunk: 1,000 x rank 128 x 4 bytes = 512 KB a row. */
const FACTOR_CHUNK = 1000
/** Statements per batch while staging: a few MB of parameters, and progress between them. */
const STATEMENTS_PER_BATCH = 20

export async function saveModel(
  db: Database,
  siteId: string,
  model: TrainedModel,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const { version } = model
  // Rows: the model, factors per item, trending, a list per visitor and item, a vector per visitor.
  const total = 2 + 2 * model.items.length + 2 * model.visitors.length
  let pending: Statement[] = []
  for (const { statement, rows } of stagedStatements(siteId, model)) {
    pending.push(statement)
    if (pending.length === STATEMENTS_PER_BATCH) {
      await batch(db, pending)
      pending = []
      onProgress?.(Math.min(rows, total - 1), total)
    }
  }
  if (pending.length > 0) await batch(db, pending)
  onProgress?.(total, total)
  await batch(db, [
    sql`INSERT INTO rec_status (site_id, active_version, training_started_at, last_error, updated_at)
      VALUES (${siteId}, ${version}, NULL, NULL, ${Date.now()})
      ON CONFLICT (site_id) DO UPDATE SET active_version = excluded.active_version,
        training_started_at = NULL, last_error = NULL, updated_at = excluded.updated_at`,
    sql`DELETE FROM rec_lists WHERE site_id = ${siteId} AND version <> ${version}`,
    sql`DELETE FROM rec_factor_chunks WHERE site_id = ${siteId} AND version <> ${version}`,
    sql`DELETE FROM rec_models WHERE site_id = ${siteId} AND version <> ${version}`,
    // A new model has a new factor space: every known visitor restarts from the trained vector.
    sql`INSERT INTO visitor_vectors (site_id, visitor_id, version, vector, updated_at)
      SELECT site_id, subject, version, items, ${model.trainedAt} FROM rec_lists
      WHERE site_id = ${siteId} AND version = ${version} AND kind = 'vector'
      ON CONFLICT (site_id, visitor_id) DO UPDATE SET version = excluded.version,
        vector = excluded.vector, updated_at = excluded.updated_at`,
    sql`DELETE FROM rec_lists WHERE site_id = ${siteId} AND kind = 'vector'`,
    ...(await forgottenSinceLoaded(siteId, version, model.visitors)),
  ])
}

/** Every statement written before the switch, each with the rows written once it has run. */
function* stagedStatements(
  siteId: string,
  model: TrainedModel,
): Generator<{ statement: Statement; rows: number }> {
  const { version, rank } = model
  let rows = 1
  yield {
    rows,
    statement: sql`INSERT INTO rec_models (site_id, version, trained_at, rank, items, visitors, metrics, fold_in_targets)
      VALUES (${siteId}, ${version}, ${model.trainedAt}, ${rank}, ${model.items.length},
        ${model.visitors.length}, ${JSON.stringify(model.metrics)}, ${JSON.stringify(model.foldInTargets)})`,
  }
  for (let start = 0, chunk = 0; start < model.items.length; start += FACTOR_CHUNK, chunk++) {
    const end = Math.min(model.items.length, start + FACTOR_CHUNK)
    const factors = floatBytes(model.factors, start * rank, end * rank)
    const scales = floatBytes(model.itemScales, start, end)
    rows += end - start
    yield {
      rows,
      statement: sql`INSERT INTO rec_factor_chunks (site_id, version, chunk, item_ids, factors, item_scales)
        VALUES (${siteId}, ${version}, ${chunk}, ${JSON.stringify(model.items.slice(start, end))},
          ${factors}, ${scales})`,
    }
  }
  const counted = function* <T>(source: Iterable<T>): Generator<T> {
    for (const row of source) {
      rows++
      yield row
    }
  }
  for (const part of lazyJsonChunks(counted(listRows(model)))) {
    yield {
      rows,
      statement: sql`INSERT INTO rec_lists (site_id, version, kind, subject, items)
        SELECT ${siteId}, ${version}, j.value ->> 0, j.value ->> 1, json(j.value -> 2)
        FROM json_each(${part}) j`,
    }
  }
}

/** `[kind, subject, items]` of every list, then each visitor's vector as a `vector` row. */
function* listRows(model: TrainedModel): Generator<[string, string, unknown[]]> {
  yield ['trending', '', model.trending.map((s) => [s.itemId, round(s.score)])]
  yield* lists('personal', model.visitorTopN, model.visitors, model.items)
  yield* lists('similar', model.similar, model.items, model.items)
  const { rank } = model
  for (let row = 0; row < model.visitors.length; row++) {
    const vector = model.visitorFactors.subarray(row * rank, (row + 1) * rank)
    yield ['vector', model.visitors[row] ?? '', Array.from(vector, round)]
  }
}

function* lists(
  kind: string,
  ranked: RankedLists,
  subjects: readonly string[],
  items: readonly string[],
): Generator<[string, string, unknown[]]> {
  for (let s = 0; s < listCount(ranked); s++) {
    const list = listAt(ranked, s, items).map((e) => [e.itemId, round(e.score)])
    yield [kind, subjects[s] ?? '', list]
  }
}

/**
 * A visitor forgotten while the model trained was in the interactions it loaded, and just had a
 * vector and a list written again. Run in the switch's batch, these statements delete them in the
 * same transaction. Only a hash of a forgotten id is kept, so the model's ids travel with theirs.
 */
async function forgottenSinceLoaded(
  siteId: string,
  version: string,
  visitors: string[],
): Promise<Statement[]> {
  const hashed = await Promise.all(visitors.map(async (id) => [id, await sha256Hex(id)]))
  return jsonChunks(hashed).flatMap((part) => {
    const forgotten = sql`SELECT j.value ->> 0 FROM json_each(${part}) j
      JOIN forgotten_visitors f ON f.site_id = ${siteId} AND f.visitor_hash = j.value ->> 1`
    return [
      sql`DELETE FROM visitor_vectors WHERE site_id = ${siteId} AND visitor_id IN (${forgotten})`,
      sql`DELETE FROM rec_lists WHERE site_id = ${siteId} AND version = ${version}
        AND kind = 'personal' AND subject IN (${forgotten})`,
    ]
  })
}

/** The bytes of `values[start, end)`, copied (D1 binds a whole view's buffer otherwise). */
function floatBytes(values: Float32Array, start: number, end: number): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset + start * 4, (end - start) * 4).slice()
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6
}
