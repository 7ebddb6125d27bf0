import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { upsertItemsStatements } from '../../../worker/catalog/catalog-store.ts'
import { jsonChunks } from '../../../worker/db/json-chunks.ts'

const bytes = (text: string) => new TextEncoder().encode(text).length

describe('jsonChunks', () => {
  it('splits rows into JSON arrays under the byte limit, keeping every row in order', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ i, text: 'é'.repeat(i) }))
    const chunks = jsonChunks(rows, 1_000)
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks) expect(bytes(chunk)).toBeLessThanOrEqual(1_000)
    expect(chunks.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(rows)
  })

  it('counts UTF-8 bytes, not characters', () => {
    const rows = ['€'.repeat(100), '€'.repeat(100)]
    // 2 × 302 bytes of JSON, but only 2 × 102 characters.
    expect(jsonChunks(rows, 500)).toHaveLength(2)
  })

  it('makes no chunk of no rows, and one of a single row', () => {
    expect(jsonChunks([])).toEqual([])
    expect(jsonChunks([{ a: 1 }], 5)).toEqual(['[{"a":1}]'])
  })
})

describe('upsertItemsStatements', () => {
  it('splits rows over D1’s 2,000,000-byte string limit into parameters under it', () => {
    const long = (id: number, what: string) =>
      `https://shop.example/${what}/${id}/${'x'.repeat(900)}`
    const items = Array.from({ length: 1_000 }, (_, i) => ({
      itemId: `SKU-${i}`,
      title: 'T'.repeat(300),
      url: long(i, 'p'),
      image: long(i, 'img'),
      category: 'C'.repeat(100),
      price: 9.99,
    }))
    const statements = upsertItemsStatements('site', 'GBP', items, 'catalog', 0)
    const dialect = new SQLiteAsyncDialect()
    const jsonParams = statements.flatMap((s) =>
      dialect
        .sqlToQuery(s)
        .params.filter((p): p is string => typeof p === 'string' && p[0] === '['),
    )
    expect(jsonParams).toHaveLength(statements.length)
    const total = jsonParams.reduce((sum, p) => sum + bytes(p), 0)
    // About the size of a 1,000-item upload at the route's 2 MiB body cap.
    expect(total).toBeGreaterThan(2_000_000)
    for (const p of jsonParams) expect(bytes(p)).toBeLessThan(2_000_000)
    const ids = jsonParams.flatMap((p) =>
      (JSON.parse(p) as { itemId: string }[]).map((r) => r.itemId),
    )
    expect(ids).toEqual(items.map((i) => i.itemId))
  })
})
