/**
 * Catalog items in D1. Upserts travel as JSON parameters read with json_each, so a 1,000-item
 * upload is one or a few statements in one batch, written whole or not at all.
 */
import { sql, type SQL } from 'drizzle-orm'
import { toMajorUnits, toMinorUnits } from '../../shared/currencies.ts'
import type { RecommendedItemShown } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import { jsonChunks } from '../db/json-chunks.ts'
import type { CatalogItemInput } from './catalog-schema.ts'

export type CatalogSource = 'catalog' | 'view' | 'import'

/** Sources an admin wrote (an upload, an import); a `view` is what any page claimed. */
export const VERIFIED_SOURCES: CatalogSource[] = ['catalog', 'import']

/** An item as served in recommendation lists. */
export type CatalogItem = RecommendedItemShown & { inStock: boolean }

/** A row to upsert; prices in major units as on the wire. */
export type CatalogRow = Omit<CatalogItemInput, 'url' | 'inStock'> & {
  url?: string
  inStock?: boolean
}

/**
 * Inserts or updates items, in as many statements as D1's string limit needs (run them in one
 * batch). A `catalog` upload overwrites anything; `view` and `import` rows never overwrite an
 * admin's upload, and fill only what they know.
 */
export function upsertItemsStatements(
  siteId: string,
  siteCurrency: string,
  rows: CatalogRow[],
  source: CatalogSource,
  now: number,
): SQL[] {
  const stored = rows.map((r) => {
    const currency = r.currency ?? siteCurrency
    return {
      itemId: r.itemId,
      title: r.title,
      url: r.url ?? null,
      image: r.image ?? null,
      priceMinor: r.price === undefined ? null : toMinorUnits(r.price, currency),
      currency: r.price === undefined ? null : currency,
      category: r.category ?? null,
      // Unknown availability counts as in stock: the item was just sold or viewed.
      inStock: r.inStock === false ? 0 : 1,
    }
  })
  return jsonChunks(stored).map((json) => upsertJson(siteId, json, source, now))
}

function upsertJson(siteId: string, json: string, source: CatalogSource, now: number): SQL {
  const guard = source === 'catalog' ? sql`` : sql`WHERE catalog_items.source <> 'catalog'`
  return sql`
    INSERT INTO catalog_items (site_id, item_id, title, url, image, price_minor, currency, category,
      in_stock, source, updated_at)
    SELECT ${siteId}, j.value ->> 'itemId', j.value ->> 'title', j.value ->> 'url',
      j.value ->> 'image', j.value ->> 'priceMinor', j.value ->> 'currency', j.value ->> 'category',
      j.value ->> 'inStock', ${source}, ${now}
    FROM json_each(${json}) AS j WHERE true
    ON CONFLICT (site_id, item_id) DO UPDATE SET
      title = excluded.title,
      url = coalesce(excluded.url, catalog_items.url),
      image = coalesce(excluded.image, catalog_items.image),
      price_minor = coalesce(excluded.price_minor, catalog_items.price_minor),
      currency = coalesce(excluded.currency, catalog_items.currency),
      category = coalesce(excluded.category, catalog_items.category),
      in_stock = excluded.in_stock,
      source = CASE WHEN catalog_items.source = 'catalog' THEN 'catalog' ELSE excluded.source END,
      updated_at = excluded.updated_at
    ${guard}`
}

/** A catalog row as SQL answers it (snake_case columns). */
export type ItemRow = {
  item_id: string
  title: string
  url: string | null
  image: string | null
  price_minor: number | null
  currency: string | null
  in_stock: number
}

/** The catalog entries of these items (missing ones are left out). */
export async function itemsByIds(
  db: Database,
  siteId: string,
  itemIds: string[],
): Promise<Map<string, CatalogItem>> {
  if (itemIds.length === 0) return new Map()
  const rows = await db.all<ItemRow>(sql`
    SELECT item_id, title, url, image, price_minor, currency, in_stock FROM catalog_items
    WHERE site_id = ${siteId} AND item_id IN (SELECT value FROM json_each(${JSON.stringify(itemIds)}))`)
  return new Map(rows.map((r) => [r.item_id, toItem(r)]))
}

/** The items whose catalog entry an admin wrote: trending trusts their visitors fully. */
export async function verifiedItemIds(db: Database, siteId: string): Promise<Set<string>> {
  const rows = await db.all<{ item_id: string }>(sql`
    SELECT item_id FROM catalog_items WHERE site_id = ${siteId}
      AND source IN (SELECT value FROM json_each(${JSON.stringify(VERIFIED_SOURCES)}))`)
  return new Set(rows.map((r) => r.item_id))
}

/** How many items the site's catalog has, and how many are in stock. */
export async function catalogSize(
  db: Database,
  siteId: string,
): Promise<{ items: number; inStock: number }> {
  const [row] = await db.all<{ items: number; in_stock: number }>(sql`
    SELECT count(*) AS items, total(in_stock) AS in_stock FROM catalog_items WHERE site_id = ${siteId}`)
  return { items: row?.items ?? 0, inStock: row?.in_stock ?? 0 }
}

/**
 * Any in-stock items, those an admin wrote first, then newest first: the last fallback when
 * nothing better is known. A page's view makes the newest entry, so without the first rule one
 * planted view would lead every list of a store with no model yet.
 */
export async function someItems(db: Database, siteId: string, limit: number): Promise<string[]> {
  const rows = await db.all<{ item_id: string }>(sql`
    SELECT item_id FROM catalog_items WHERE site_id = ${siteId} AND in_stock = 1
    ORDER BY source IN (SELECT value FROM json_each(${JSON.stringify(VERIFIED_SOURCES)})) DESC,
      updated_at DESC, item_id
    LIMIT ${limit}`)
  return rows.map((r) => r.item_id)
}

/**
 * Up to `limit` items whose id or title contains `text` (case-insensitive for ASCII), in stock
 * first, then by title: what the dashboard offers when a merchant picks a product.
 */
export async function searchItems(
  db: Database,
  siteId: string,
  text: string,
  limit: number,
): Promise<CatalogItem[]> {
  // LIKE's own wildcards in what was typed are matched literally.
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = await db.all<ItemRow>(sql`
    SELECT item_id, title, url, image, price_minor, currency, in_stock FROM catalog_items
    WHERE site_id = ${siteId}
      AND (item_id LIKE ${pattern} ESCAPE '\\' OR title LIKE ${pattern} ESCAPE '\\')
    ORDER BY in_stock DESC, title, item_id LIMIT ${limit}`)
  return rows.map(toItem)
}

/** A catalog row as served. */
export function toItem(r: ItemRow): CatalogItem {
  return {
    itemId: r.item_id,
    title: r.title,
    url: r.url,
    image: r.image,
    price:
      r.price_minor === null || r.currency === null
        ? null
        : toMajorUnits(r.price_minor, r.currency),
    currency: r.currency,
    inStock: r.in_stock === 1,
  }
}
