/**
 * Storing a trained model in D1. Everything is written under the new version beside the active
 * one, and the site's status switches to it last, so serving never sees half a model; older
 * versions are deleted afterwards. Bulk rows travel as JSON parameters in chunks well below
 * D1's 2 MB limits.
 */
import { sql } from 'drizzle-orm'
import { sha256Hex } from '../../crypto/hex.ts'
import { batch, type Database, type Statement } from '../../db/database.ts'
import { jsonChunks } from '../../db/json-chunks.ts'
import type { TrainedModel } from './train.ts'

/** Items per factor chunk: 1,000 x rank 64 x 4 bytes = 256 KB a row. */
const FACTOR_CHUNK = 1000

export async function saveModel(
  db: Database,
  siteId: string,
  model: TrainedModel,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const { version, rank } = model
  const statements: Statement[] = [
    sql`INSERT INTO rec_models (site_id, version, trained_at, rank, items, visitors, metrics, fold_in_targets)
      VALUES (${siteId}, ${version}, ${model.trainedAt}, ${rank}, ${model.items.length},
        ${model.visitors.length}, ${JSON.stringify(model.metrics)}, ${JSON.stringify(model.foldInTargets)})`,
  ]
  for (let start = 0, chunk = 0; start < model.items.length; start += FACTOR_CHUNK, chunk++) {
    const end = Math.min(model.items.length, start + FACTOR_CHUNK)
    const factors = floatBytes(model.factors, start * rank, end * rank)
    const scales = floatBytes(model.itemScales, start, end)
    statements.push(sql`INSERT INTO rec_factor_chunks (site_id, version, chunk, item_ids, factors, item_scales)
      VALUES (${siteId}, ${version}, ${chunk}, ${JSON.stringify(model.items.slice(start, end))},
        ${factors}, ${scales})`)
  }
  const lists: [string, string, [string, number][]][] = [
    ['trending', '', model.trending.map((s) => [s.itemId, round(s.score)])],
    ...model.visitorTopN.map((v): [string, string, [string, number][]] => [
      'personal',
      v.visitorId,
      v.items.map((s) => [s.itemId, round(s.score)]),
    ]),
    ...model.similar.map((v): [string, string, [string, number][]] => [
      'similar',
      v.itemId,
      v.items.map((s) => [s.itemId, round(s.score)]),
    ]),
  ]
  for (const part of jsonChunks(lists)) {
    statements.push(sql`INSERT INTO rec_lists (site_id, version, kind, subject, items)
      SELECT ${siteId}, ${version}, j.value ->> 0, j.value ->> 1, json(j.value -> 2)
      FROM json_each(${part}) j`)
  }
  const vectors = model.visitors.map((visitorId, row) => [
    visitorId,
    Array.from(model.visitorFactors.subarray(row * rank, (row + 1) * rank), round),
  ])
  // A new model has a new factor space: every known visitor restarts from the trained vector. The
  // vectors are overwritten in place, so they are written with the switch: before it, serving
  // would meet vectors of a model not yet active and start those visitors from nothing.
  const switchVectors: Statement[] = []
  for (const part of jsonChunks(vectors)) {
    switchVectors.push(sql`INSERT INTO visitor_vectors (site_id, visitor_id, version, vector, updated_at)
      SELECT ${siteId}, j.value ->> 0, ${version}, json(j.value -> 1), ${model.trainedAt}
      FROM json_each(${part}) j WHERE true
      ON CONFLICT (site_id, visitor_id) DO UPDATE SET version = excluded.version,
        vector = excluded.vector, updated_at = excluded.updated_at`)
  }
  // Written in batches of a few statements so progress can be reported; the switch comes last.
  const step = 20
  for (let i = 0; i < statements.length; i += step) {
    await batch(db, statements.slice(i, i + step))
    onProgress?.(Math.min(statements.length, i + step), statements.length)
  }
  await batch(db, [
    sql`INSERT INTO rec_status (site_id, active_version, training_started_at, last_error, updated_at)
      VALUES (${siteId}, ${version}, NULL, NULL, ${Date.now()})
      ON CONFLICT (site_id) DO UPDATE SET active_version = excluded.active_version,
        training_started_at = NULL, last_error = NULL, updated_at = excluded.updated_at`,
    sql`DELETE FROM rec_lists WHERE site_id = ${siteId} AND version <> ${version}`,
    sql`DELETE FROM rec_factor_chunks WHERE site_id = ${siteId} AND version <> ${version}`,
    sql`DELETE FROM rec_models WHERE site_id = ${siteId} AND version <> ${version}`,
    ...switchVectors,
    ...(await forgottenSinceLoaded(siteId, version, model.visitors)),
  ])
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
