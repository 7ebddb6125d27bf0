/**
 * Serving `GET /v1/recs`: candidates from the slot's own source (the visitor's vector refined by
 * what they did since training, see online-vector.ts; the precomputed personal or similar lists;
 * trending), then the business rules — never out of stock,
 * never the current or an excluded item, never (personal) what the visitor bought — and
 * fallbacks, so a site with a catalog always gets items and `source` says who served them.
 * The merchant's rules (rules.ts) steer every source alike: pinned items first, excluded ones
 * never, boosted ones re-ranked.
 */
import { sql } from 'drizzle-orm'
import { randomHex } from '../../crypto/hex.ts'
import { batch, type Database } from '../../db/database.ts'
import {
  itemsByIds,
  someItems,
  toItem,
  type CatalogItem,
  type ItemRow,
} from '../../catalog/catalog-store.ts'
import { scoreItems, type FoldInOptions } from './fold-in.ts'
import { purchasedItemsQuery } from '../train/interaction-store.ts'
import { activeModel, type ActiveModel } from './model-cache.ts'
import { onlineVector, recentInteractions, type RecentEvent } from './online-vector.ts'
import { recentPopularity } from './recent-popularity.ts'
import { applyBoosts, NO_RULES } from './rules.ts'
import { siteRules } from './rules-store.ts'
import type { Slot } from '../slots.ts'

export { SLOTS, type Slot } from '../slots.ts'
export type Source = 'svd' | 'online' | 'similar' | 'trending'

export type RecsRequest = {
  slot: Slot
  visitorId?: string
  items: string[]
  exclude: string[]
  n: number
  /** How recent interactions refine the personal slot; null serves the precomputed lists only. */
  online: FoldInOptions | null
}
export type RecommendedItem = Omit<CatalogItem, 'inStock'> & {
  score: number
  /** The merchant's rule that placed the item: pinned first, or re-ranked by a boost. */
  rule?: 'pin' | 'boost'
}
export type RecsAnswer = {
  recId: string
  slot: Slot
  source: Source
  modelVersion: string | null
  items: RecommendedItem[]
  /** Why the slot's own source did not serve, when it did not. */
  fallback?: string
}

type Candidates = {
  source: Source
  scored: [string, number][]
  fallback?: string
  /** The candidates' catalog rows when they came with the list (saves a round trip). */
  catalog?: Map<string, CatalogItem>
}

/** Extra candidates fetched beyond `n`, so filtering out stock and exclusions still leaves n. */
const HEADROOM = 30

export async function recommend(
  db: Database,
  siteId: string,
  request: RecsRequest,
): Promise<RecsAnswer> {
  const [model, rules] = await Promise.all([activeModel(db, siteId), siteRules(db, siteId)])
  const steer = rules.get(request.slot) ?? NO_RULES
  const banned = new Set([...request.exclude, ...request.items, ...steer.excluded])
  const own = await ownCandidates(db, siteId, model, request, banned)
  const chosen: RecommendedItem[] = []
  // After the slot's own reads, which ban what the visitor bought: a pin is never shown in place
  // of a business rule.
  if (steer.pins.length > 0) await placePins(db, siteId, steer.pins, request.n, banned, chosen)
  // Trending is read only when the slot's own source leaves places empty.
  const sources = own
    ? [own, () => trendingCandidates(db, siteId, model)]
    : [() => trendingCandidates(db, siteId, model)]
  let source: Source | undefined
  let fallback = own?.fallback
  for (const next of sources) {
    if (chosen.length >= request.n) break
    const candidates = typeof next === 'function' ? await next() : next
    const fresh = applyBoosts(candidates.scored, steer.boosts)
      .filter(([id]) => !banned.has(id))
      .slice(0, request.n + HEADROOM)
    const catalog =
      candidates.catalog ??
      (await itemsByIds(
        db,
        siteId,
        fresh.map(([id]) => id),
      ))
    for (const [id, score] of fresh) {
      const item = catalog.get(id)
      if (!item || !item.inStock || chosen.length >= request.n) continue
      const { inStock: _, ...shown } = item
      chosen.push({ ...shown, score, ...(steer.boosts.has(id) && { rule: 'boost' as const }) })
      banned.add(id)
      source ??= candidates.source
    }
    if (chosen.length >= request.n) break
    if (!source && candidates === own) fallback ??= 'no_candidates_in_stock'
  }
  if (chosen.length < request.n) await fillFromCatalog(db, siteId, request.n, banned, chosen)
  return {
    recId: newRecId(request.slot),
    slot: request.slot,
    source: source ?? 'trending',
    modelVersion: model?.version ?? null,
    items: chosen,
    ...(fallback && { fallback }),
  }
}

async function ownCandidates(
  db: Database,
  siteId: string,
  model: ActiveModel | null,
  request: RecsRequest,
  banned: Set<string>,
): Promise<Candidates | undefined> {
  if (request.slot === 'trending') return undefined
  if (!model) {
    // Trending serves instead, but what the visitor bought stays out of their personal slot.
    if (request.slot === 'personal' && request.visitorId)
      banPurchased(await db.all(purchasedItemsQuery(siteId, request.visitorId)), banned)
    return { source: 'trending', scored: [], fallback: 'no_model_yet' }
  }
  if (request.slot === 'personal') {
    if (!request.visitorId) return { source: 'svd', scored: [], fallback: 'no_visitor' }
    return personalCandidates(db, siteId, model, request, request.visitorId, banned)
  }
  if (request.items.length === 0) return { source: 'similar', scored: [], fallback: 'no_item' }
  const lists = await listsFor(db, siteId, model.version, 'similar', request.items)
  if (lists.size === 0) {
    const known = await itemsByIds(db, siteId, request.items)
    return {
      source: 'similar',
      scored: [],
      fallback: known.size ? 'item_not_in_model' : 'item_not_in_catalog',
    }
  }
  // A cart's candidates: every cart item's neighbours, scores summed, so items bought with
  // several of them rank first.
  const summed = new Map<string, number>()
  for (const list of lists.values())
    for (const [id, score] of list) summed.set(id, (summed.get(id) ?? 0) + score)
  return { source: 'similar', scored: [...summed].sort((a, b) => b[1] - a[1]) }
}

async function personalCandidates(
  db: Database,
  siteId: string,
  model: ActiveModel,
  request: RecsRequest,
  visitorId: string,
  banned: Set<string>,
): Promise<Candidates> {
  // One round trip for everything the personal slot needs before it can rank.
  const [listRows, purchased, vectorRows, recentRows] = await batch(db, [
    // The precomputed list with its items' catalog rows, so the common case needs no second read.
    sql`SELECT j.value ->> 0 AS list_item, j.value ->> 1 AS score, c.item_id, c.title, c.url,
        c.image, c.price_minor, c.currency, c.in_stock
      FROM rec_lists r, json_each(r.items) j
      LEFT JOIN catalog_items c ON c.site_id = r.site_id AND c.item_id = j.value ->> 0
      WHERE r.site_id = ${siteId} AND r.version = ${model.version} AND r.kind = 'personal'
        AND r.subject = ${visitorId}
      ORDER BY j.key`,
    purchasedItemsQuery(siteId, visitorId),
    ...(request.online
      ? [
          sql`SELECT vector, version FROM visitor_vectors WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
          recentInteractions(siteId, visitorId, model.trainedAt),
        ]
      : []),
  ])
  banPurchased(purchased?.results ?? [], banned)
  const recent = (recentRows?.results ?? []) as RecentEvent[]
  if (request.online && recent.length > 0) {
    const trained = vectorRows?.results[0] as { vector: string; version: string } | undefined
    const online = onlineVector(model, trained, recent, request.online)
    if (online.skipped > 0)
      console.warn(`online fold-in skipped ${online.skipped} non-finite step(s) for site ${siteId}`)
    if (online.folded > 0) {
      const exclude = new Set<number>()
      for (const id of banned) {
        const index = model.itemIndex.get(id)
        if (index !== undefined) exclude.add(index)
      }
      const scored = scoreItems(online.vector, model, exclude, request.n + HEADROOM)
      return { source: 'online', scored: scored.map((s) => [model.items[s.index] ?? '', s.score]) }
    }
  }
  const list = (listRows?.results ?? []) as (ItemRow & { list_item: string; score: number })[]
  if (list.length === 0) return { source: 'svd', scored: [], fallback: 'visitor_unknown' }
  const catalog = new Map<string, CatalogItem>()
  for (const row of list) if (row.item_id !== null) catalog.set(row.item_id, toItem(row))
  return { source: 'svd', scored: list.map((r) => [r.list_item, r.score]), catalog }
}

/** The pinned items that are in the catalog, in stock and not banned, in the merchant's order. */
async function placePins(
  db: Database,
  siteId: string,
  pins: string[],
  n: number,
  banned: Set<string>,
  chosen: RecommendedItem[],
): Promise<void> {
  const wanted = pins.filter((id) => !banned.has(id))
  const catalog = await itemsByIds(db, siteId, wanted)
  for (const id of wanted) {
    const item = catalog.get(id)
    if (!item || !item.inStock || chosen.length >= n) continue
    const { inStock: _, ...shown } = item
    chosen.push({ ...shown, score: 0, rule: 'pin' })
    banned.add(id)
  }
}

function banPurchased(purchased: unknown[], banned: Set<string>): void {
  for (const row of purchased) banned.add((row as { item_id: string }).item_id)
}

async function trendingCandidates(
  db: Database,
  siteId: string,
  model: ActiveModel | null,
): Promise<Candidates> {
  if (model) {
    const lists = await listsFor(db, siteId, model.version, 'trending', [''])
    const list = lists.get('')
    if (list && list.length > 0) return { source: 'trending', scored: list }
  }
  return { source: 'trending', scored: await recentPopularity(db, siteId) }
}

async function listsFor(
  db: Database,
  siteId: string,
  version: string,
  kind: string,
  subjects: string[],
): Promise<Map<string, [string, number][]>> {
  const rows = await db.all<{ subject: string; items: string }>(sql`
    SELECT subject, items FROM rec_lists WHERE site_id = ${siteId} AND version = ${version} AND kind = ${kind}
      AND subject IN (SELECT value FROM json_each(${JSON.stringify(subjects)}))`)
  return new Map(rows.map((r) => [r.subject, JSON.parse(r.items) as [string, number][]]))
}

/** Last resort: any in-stock catalog items, so a known catalog always yields a list. */
async function fillFromCatalog(
  db: Database,
  siteId: string,
  n: number,
  banned: Set<string>,
  chosen: RecommendedItem[],
) {
  const ids = (await someItems(db, siteId, n + banned.size + HEADROOM)).filter(
    (id) => !banned.has(id),
  )
  const catalog = await itemsByIds(db, siteId, ids)
  for (const id of ids) {
    const item = catalog.get(id)
    if (!item || chosen.length >= n) continue
    const { inStock: _, ...shown } = item
    chosen.push({ ...shown, score: 0 })
    banned.add(id)
  }
}

/** A list's id: the slot, so clicks can be attributed per slot, and 80 random bits. */
export function newRecId(slot: Slot): string {
  return `${slot}-${randomHex(10)}`
}
