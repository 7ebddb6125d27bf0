/**
 * The active model of a site, cached in the isolate: item factors are loaded once per model
 * version, and the active version is re-read at most every few seconds, so serving costs a
 * dot-product, not a D1 read of the whole model.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { ByteBudgetCache } from '../../cache/byte-budget-cache.ts'
import { IsolateCache } from '../../cache/isolate-cache.ts'
import type { InteractionWeights } from '../train/interactions.ts'

export type ActiveModel = {
  version: string
  trainedAt: number
  rank: number
  items: string[]
  itemIndex: Map<string, number>
  factors: Float32Array
  /** Each item's score multiplier (exposure compensation, train.ts). */
  itemScales: Float32Array
  foldInTargets: InteractionWeights
}

type Blob = ArrayBuffer | number[]

const STATUS_TTL_MS = 5_000
/** Models kept per isolate: a third of its 128 MB, whatever the number of sites. */
export const MODEL_CACHE_BYTES = 40 * 1024 * 1024
const versions = new IsolateCache<string | null>({ ttlMs: STATUS_TTL_MS, maxEntries: 1000 })
const models = new ByteBudgetCache<ActiveModel>(MODEL_CACHE_BYTES, modelBytes)

/** A model's memory: its floats, and about 100 bytes an item for its id and index entry. */
function modelBytes(model: ActiveModel): number {
  return model.factors.byteLength + model.itemScales.byteLength + model.items.length * 100
}

/** The site's active model, or null before the first training. */
export async function activeModel(db: Database, siteId: string): Promise<ActiveModel | null> {
  const version = await activeVersion(db, siteId)
  if (!version) return null
  const cached = models.get(siteId)
  if (cached?.version === version) return cached
  const [meta] = await db.all<{ trained_at: number; rank: number; fold_in_targets: string }>(sql`
    SELECT trained_at, rank, fold_in_targets FROM rec_models WHERE site_id = ${siteId} AND version = ${version}`)
  if (!meta) return null
  const chunks = await db.all<{ item_ids: string; factors: Blob; item_scales: Blob | null }>(sql`
    SELECT item_ids, factors, item_scales FROM rec_factor_chunks
    WHERE site_id = ${siteId} AND version = ${version} ORDER BY chunk`)
  const items: string[] = []
  const factorParts: Float32Array[] = []
  const scaleParts: Float32Array[] = []
  for (const chunk of chunks) {
    const ids = JSON.parse(chunk.item_ids) as string[]
    items.push(...ids)
    factorParts.push(floats(chunk.factors))
    // A model trained before scales were stored ranks by the plain dot product.
    scaleParts.push(
      chunk.item_scales ? floats(chunk.item_scales) : new Float32Array(ids.length).fill(1),
    )
  }
  const factors = concat(factorParts, items.length * meta.rank)
  const itemScales = concat(scaleParts, items.length)
  const model: ActiveModel = {
    version,
    trainedAt: meta.trained_at,
    rank: meta.rank,
    items,
    itemIndex: new Map(items.map((id, i) => [id, i])),
    factors,
    itemScales,
    foldInTargets: JSON.parse(meta.fold_in_targets) as InteractionWeights,
  }
  models.set(siteId, model)
  return model
}

/** A D1 blob of little-endian Float32s. */
function floats(blob: Blob): Float32Array {
  const bytes = blob instanceof ArrayBuffer ? new Uint8Array(blob) : Uint8Array.from(blob)
  // Copy into an aligned buffer: a view into D1's result may start at any byte offset.
  return new Float32Array(bytes.slice().buffer)
}

function concat(parts: Float32Array[], length: number): Float32Array {
  const out = new Float32Array(length)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** The active model version (cached for a few seconds), or null. */
export async function activeVersion(db: Database, siteId: string): Promise<string | null> {
  if (versions.has(siteId)) return versions.get(siteId) ?? null
  const [row] = await db.all<{ active_version: string | null }>(sql`
    SELECT active_version FROM rec_status WHERE site_id = ${siteId}`)
  const version = row?.active_version ?? null
  versions.set(siteId, version)
  return version
}

/** Forget the cached version after this isolate trained a new model. */
export function forgetActiveVersion(siteId: string): void {
  versions.delete(siteId)
}
