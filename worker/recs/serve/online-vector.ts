/**
 * Online refinement, computed where it is read. Each view, click, add-to-cart and purchase a
 * visitor made since the active model was trained takes SGD steps on their factor vector against
 * the model's fixed item factors (fold-in, fold-in.ts), starting from the vector training gave
 * them (or zeros for a new visitor), in the order the events happened.
 *
 * Why at read time and not by writing a vector per event: the stored events already are the
 * visitor's history, written exactly once, so the vector is a pure function of them. Nothing is
 * written twice (on D1 a row written costs a thousand rows read, and writes all go to one primary),
 * ingestion stays as fast as without online learning, and concurrent events of one visitor cannot
 * lose or corrupt an update because there is no update to race: whatever order requests land in,
 * the next read folds every stored event once. A forgotten visitor's events are gone, and so is
 * everything learned from them.
 *
 * Only the last MAX_FOLDED interactions are read: each step shrinks the older vector by
 * (1 − η·λ), 0.8 with the defaults, so the 51st-newest one would weigh under 0.8⁵⁰ ≈ 1.4e-5.
 * Only events that happened since training are read, so the read is a range of the
 * (site, visitor, type, at) index however long the visitor's history: a history imported after
 * training with past dates waits for the next training, which is the batch job's business anyway.
 */
import { sql } from 'drizzle-orm'
import { foldInVisitor, startVector, type FoldInOptions } from './fold-in.ts'
import type { ActiveModel } from './model-cache.ts'
import { INTERACTION_TYPES, type InteractionType } from '../types.ts'

export const MAX_FOLDED = 50

/** An event row as `recentInteractions` reads it, newest first. */
export type RecentEvent = { type: string; item_id: string | null; items: string | null }

/** The visitor's interaction events since `since` (the model's training), newest first. */
export function recentInteractions(siteId: string, visitorId: string, since: number) {
  return sql`
    SELECT type, item_id, items FROM events
    WHERE site_id = ${siteId} AND visitor_id = ${visitorId}
      AND type IN (SELECT value FROM json_each(${JSON.stringify(INTERACTION_TYPES)}))
      AND at >= ${since} AND received_at >= ${since}
    ORDER BY at DESC, id DESC LIMIT ${MAX_FOLDED}`
}

export type OnlineVector = {
  vector: Float32Array
  /** Interactions folded in; 0 means the vector is the trained one (or zeros). */
  folded: number
  /** Steps thrown away as non-finite. */
  skipped: number
}

/**
 * The visitor's vector after folding in `recent` (newest first, as read) on top of `trained`, the
 * vector training stored for them, if it belongs to this model.
 */
export function onlineVector(
  model: ActiveModel,
  trained: { vector: string; version: string } | undefined,
  recent: RecentEvent[],
  options: FoldInOptions,
): OnlineVector {
  let vector =
    trained && trained.version === model.version
      ? Float32Array.from(JSON.parse(trained.vector) as number[])
      : startVector(model.rank)
  let folded = 0
  let skipped = 0
  for (let i = recent.length - 1; i >= 0; i--) {
    const event = recent[i]
    if (!event) continue
    const weight = model.foldInTargets[event.type as InteractionType]
    for (const itemId of itemsOf(event)) {
      const itemIndex = model.itemIndex.get(itemId)
      // Items the model has never seen carry no factors to learn from.
      if (itemIndex === undefined) continue
      const next = foldInVisitor(vector, model.factors, model.rank, { itemIndex, weight }, options)
      if (next.updated) {
        vector = next.vector
        folded++
      } else skipped++
    }
  }
  return { vector, folded, skipped }
}

function itemsOf(event: RecentEvent): string[] {
  if (event.item_id) return [event.item_id]
  if (!event.items) return []
  return (JSON.parse(event.items) as { itemId: string }[]).map((line) => line.itemId)
}
