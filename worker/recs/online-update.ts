/**
 * Online refinement at ingestion: each new view, click, add-to-cart and purchase takes SGD steps
 * on the visitor's factor vector against the active model's fixed item factors (fold-in), so a
 * new visitor's `personal` list adapts within a few clicks.
 *
 * Concurrency: each vector row carries a `revision`. A write lands only on the revision it read
 * (compare-and-set); a writer that lost the race re-reads and re-applies its steps, so
 * concurrent events for one visitor never lose or corrupt an update. A retrain bumps every
 * revision, so a step computed against the old model cannot land on the new vectors.
 */
import { sql } from 'drizzle-orm'
import { batch, type Database } from '../db/database.ts'
import { foldInVisitor, startVector, type FoldInOptions } from './fold-in.ts'
import { activeModel, type ActiveModel } from './model-cache.ts'
import type { InteractionType } from './types.ts'

export type OnlineInteraction = { visitorId: string; itemId: string; type: InteractionType }
/** `folded`: interactions folded in (each takes `steps` SGD steps); `skipped`: non-finite ones. */
export type OnlineUpdateResult = {
  visitors: number
  folded: number
  skipped: number
  retries: number
}

/** Enough for a burst of concurrent events of one visitor; each retry waits a little longer. */
const MAX_ATTEMPTS = 10

type VectorRow = { visitor_id: string; version: string; vector: string; revision: number }

export async function applyOnlineUpdates(
  db: Database,
  siteId: string,
  interactions: OnlineInteraction[],
  options: FoldInOptions,
  now: number,
): Promise<OnlineUpdateResult> {
  const result: OnlineUpdateResult = { visitors: 0, folded: 0, skipped: 0, retries: 0 }
  if (interactions.length === 0) return result
  const model = await activeModel(db, siteId)
  if (!model) return result
  const byVisitor = new Map<string, OnlineInteraction[]>()
  for (const i of interactions) {
    if (!model.itemIndex.has(i.itemId)) continue
    const list = byVisitor.get(i.visitorId) ?? []
    list.push(i)
    byVisitor.set(i.visitorId, list)
  }
  let pending = [...byVisitor.keys()]
  for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
    if (attempt > 0) {
      result.retries += pending.length
      // Jittered backoff, so writers that collided do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt))
    }
    const rows = await readVectors(db, siteId, pending)
    const writes = pending.map((visitorId) => {
      const row = rows.get(visitorId)
      const folded = fold(model, row, byVisitor.get(visitorId) ?? [], options)
      result.skipped += folded.skipped
      return { visitorId, row, vector: folded.vector, folded: folded.folded }
    })
    const landed = await writeVectors(db, siteId, model.version, writes, now)
    const lost: string[] = []
    for (const w of writes) {
      if (landed.has(w.visitorId)) {
        result.visitors++
        result.folded += w.folded
      } else lost.push(w.visitorId)
    }
    pending = lost
  }
  if (pending.length > 0)
    console.warn(
      `online update gave up on ${pending.length} visitor(s) after ${MAX_ATTEMPTS} attempts`,
    )
  if (result.skipped > 0)
    console.warn(`online update skipped ${result.skipped} non-finite step(s) for site ${siteId}`)
  return result
}

async function readVectors(
  db: Database,
  siteId: string,
  visitorIds: string[],
): Promise<Map<string, VectorRow>> {
  const rows = await db.all<VectorRow>(sql`
    SELECT visitor_id, version, vector, revision FROM visitor_vectors
    WHERE site_id = ${siteId} AND visitor_id IN (SELECT value FROM json_each(${JSON.stringify(visitorIds)}))`)
  return new Map(rows.map((r) => [r.visitor_id, r]))
}

function fold(
  model: ActiveModel,
  row: VectorRow | undefined,
  list: OnlineInteraction[],
  options: FoldInOptions,
) {
  // A vector of an older model lives in another factor space: start afresh.
  let vector: ArrayLike<number> =
    row && row.version === model.version
      ? (JSON.parse(row.vector) as number[])
      : startVector(model.rank)
  let folded = 0
  let skipped = 0
  for (const interaction of list) {
    const itemIndex = model.itemIndex.get(interaction.itemId) ?? -1
    const weight = model.foldInTargets[interaction.type]
    const next = foldInVisitor(vector, model.factors, model.rank, { itemIndex, weight }, options)
    if (next.updated) {
      vector = next.vector
      folded++
    } else skipped++
  }
  return { vector: Array.from(vector, (x) => Math.round(x * 1e6) / 1e6), folded, skipped }
}

type VectorWrite = {
  visitorId: string
  row: VectorRow | undefined
  vector: number[]
  folded: number
}

/**
 * Writes all vectors and answers the visitors whose write landed. New rows are inserted unless
 * another writer inserted them first; known rows take the upsert's update only if their revision
 * is still the one read (compare-and-set). Visitors not returned lost a race and are retried.
 * Both statements resolve each row by its primary key, so the JSON batch is read once whatever
 * the table's size (an UPDATE ... FROM json_each may re-read it for every row).
 */
async function writeVectors(
  db: Database,
  siteId: string,
  version: string,
  writes: VectorWrite[],
  now: number,
): Promise<Set<string>> {
  const fresh = writes
    .filter((w) => !w.row)
    .map((w) => ({ id: w.visitorId, v: w.vector, n: w.folded }))
  const known = writes
    .filter((w) => w.row)
    .map((w) => ({ id: w.visitorId, v: w.vector, n: w.folded, rev: w.row?.revision ?? 0 }))
  const [inserted, updated] = await batch(db, [
    sql`INSERT INTO visitor_vectors (site_id, visitor_id, version, vector, updates, revision, updated_at)
      SELECT ${siteId}, j.value ->> 'id', ${version}, json(j.value -> 'v'), j.value ->> 'n', 1, ${now}
      FROM json_each(${JSON.stringify(fresh)}) j WHERE true
      ON CONFLICT DO NOTHING RETURNING visitor_id`,
    sql`INSERT INTO visitor_vectors (site_id, visitor_id, version, vector, updates, revision, updated_at)
      SELECT ${siteId}, j.value ->> 'id', ${version}, json(j.value -> 'v'), j.value ->> 'n',
        j.value ->> 'rev', ${now}
      FROM json_each(${JSON.stringify(known)}) j WHERE true
      ON CONFLICT (site_id, visitor_id) DO UPDATE SET version = excluded.version,
        vector = excluded.vector,
        updates = CASE WHEN visitor_vectors.version = excluded.version THEN visitor_vectors.updates
          ELSE 0 END + excluded.updates,
        revision = visitor_vectors.revision + 1, updated_at = excluded.updated_at
      WHERE visitor_vectors.revision = excluded.revision
      RETURNING visitor_id`,
  ])
  const landed = new Set<string>()
  for (const r of [...(inserted?.results ?? []), ...(updated?.results ?? [])]) {
    landed.add((r as { visitor_id: string }).visitor_id)
  }
  return landed
}
