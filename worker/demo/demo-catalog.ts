/** The demo store reads its shelves from the demo site's catalog, like a real store's database. */
import { sql } from 'drizzle-orm'
import { toMajorUnits } from '../../shared/currencies.ts'
import type { Database } from '../db/database.ts'

export const DEMO_SITE_ID = 'site_demo'

export type DemoProduct = {
  sku: string
  title: string
  price: number
  currency: string
  inStock: boolean
}

type Row = {
  item_id: string
  title: string
  price_minor: number | null
  currency: string | null
  in_stock: number
}

function toProduct(r: Row): DemoProduct {
  const currency = r.currency ?? 'GBP'
  return {
    sku: r.item_id,
    title: r.title,
    price: r.price_minor === null ? 0 : toMajorUnits(r.price_minor, currency),
    currency,
    inStock: r.in_stock === 1,
  }
}

export async function demoProducts(db: Database, limit: number): Promise<DemoProduct[]> {
  const rows = await db.all<Row>(sql`
    SELECT item_id, title, price_minor, currency, in_stock FROM catalog_items
    WHERE site_id = ${DEMO_SITE_ID} ORDER BY title LIMIT ${limit}`)
  return rows.map(toProduct)
}

export async function demoProduct(db: Database, sku: string): Promise<DemoProduct | null> {
  const [row] = await db.all<Row>(sql`
    SELECT item_id, title, price_minor, currency, in_stock FROM catalog_items
    WHERE site_id = ${DEMO_SITE_ID} AND item_id = ${sku}`)
  return row ? toProduct(row) : null
}
