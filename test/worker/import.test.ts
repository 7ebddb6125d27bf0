import { describe, expect, it } from 'vitest'
import { createSite, errorOf, expectRefused, rows } from './support/api.ts'
import { importText, visitorIdOf } from './support/recs.ts'

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'
const CSV = [
  HEADER,
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom',
  '536366,22633,"HAND WARMER UNION JACK, RED",6,12/1/2010 8:28,1.85,13313.0,United Kingdom',
  'C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527.0,United Kingdom',
  '536380,22961,JAM MAKING SET PRINTED,24,12/1/2010 9:41,1.45,,United Kingdom',
  '536381,not,enough,columns',
  '536382,22961,JAM MAKING SET PRINTED,abc,12/1/2010 9:45,1.45,15311.0,United Kingdom',
].join('\n')

type ImportBody = {
  imported: number
  duplicates: number
  skipped: { line: number; reason: string }[]
}

describe('POST /v1/admin/import/events?format=online-retail', () => {
  it('reads a day-first export with dates=day-first, and names its dates without it', async () => {
    const dayFirst = [
      HEADER,
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,1/12/2010 8:26,2.55,17850.0,United Kingdom',
      '536366,22633,HAND WARMER UNION JACK,6,13/12/2010 8:28,1.85,13313.0,United Kingdom',
    ].join('\n')
    const site = await createSite()
    const told = await importText(site, dayFirst, 'online-retail', 'text/csv', 'day-first')
    expect(await told.json()).toMatchObject({ imported: 2, skipped: [] })
    const stored = await rows<{ at: number }>(
      'SELECT at FROM events WHERE site_id = ? ORDER BY at',
      site.id,
    )
    expect(stored).toEqual([
      { at: Date.UTC(2010, 11, 1, 8, 26) },
      { at: Date.UTC(2010, 11, 13, 8, 28) },
    ])

    // Untold, line 2 would be stored on 12 January, and a corrected import would find it as a
    // duplicate: the whole request is refused, nothing written.
    const other = await createSite()
    const untold = await importText(other, dayFirst, 'online-retail', 'text/csv')
    expect(untold.status).toBe(400)
    expect(await errorOf(untold)).toMatchObject({
      code: 'date_order_mismatch',
      message: expect.stringMatching(/^Line 3 .* send dates=day-first .* Nothing was imported\.$/),
    })
    const [count] = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM events WHERE site_id = ?',
      other.id,
    )
    expect(count?.n).toBe(0)
  })

  it('imports purchases by customer, reports the other lines by number, and fills the catalog', async () => {
    const site = await createSite()
    const res = await importText(site, CSV, 'online-retail', 'text/csv')
    expect(res.status).toBe(200)
    const body = (await res.json()) as ImportBody
    expect(body.imported).toBe(3)
    expect(body.duplicates).toBe(0)
    expect(body.skipped.map((s) => s.line)).toEqual([5, 6, 7, 8])
    for (const s of body.skipped) expect(s.reason).toEqual(expect.any(String))
    const events = await rows<{
      visitor_id: string
      item_id: string
      at: number
      revenue_minor: number
    }>(
      `SELECT visitor_id, item_id, at, revenue_minor FROM events WHERE site_id = ? ORDER BY item_id`,
      site.id,
    )
    const c13313 = await visitorIdOf(site, 'c13313')
    const c17850 = await visitorIdOf(site, 'c17850')
    expect(events).toEqual([
      {
        visitor_id: c13313,
        item_id: '22633',
        at: Date.UTC(2010, 11, 1, 8, 28),
        revenue_minor: 1110,
      },
      {
        visitor_id: c17850,
        item_id: '71053',
        at: Date.UTC(2010, 11, 1, 8, 26),
        revenue_minor: 2034,
      },
      {
        visitor_id: c17850,
        item_id: '85123A',
        at: Date.UTC(2010, 11, 1, 8, 26),
        revenue_minor: 1530,
      },
    ])
    const catalog = await rows<{
      item_id: string
      title: string
      price_minor: number
      source: string
    }>(
      `SELECT item_id, title, price_minor, source FROM catalog_items WHERE site_id = ? ORDER BY item_id`,
      site.id,
    )
    expect(catalog.map((c) => [c.item_id, c.title, c.price_minor, c.source])).toEqual([
      ['22633', 'HAND WARMER UNION JACK, RED', 185, 'import'],
      ['71053', 'WHITE METAL LANTERN', 339, 'import'],
      ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 255, 'import'],
    ])
  })

  it('keeps the minor unit of the site’s currency: three decimals for KWD', async () => {
    const site = await createSite({ currency: 'KWD' })
    const csv = [HEADER, '536365,85123A,HEART,3,12/1/2010 8:26,0.411,17850.0,Kuwait'].join('\n')
    expect(await (await importText(site, csv, 'online-retail', 'text/csv')).json()).toMatchObject({
      imported: 1,
    })
    expect(
      await rows('SELECT revenue_minor, currency FROM events WHERE site_id = ?', site.id),
    ).toEqual([{ revenue_minor: 1233, currency: 'KWD' }])
  })

  it('changes nothing when the same file is imported again', async () => {
    const site = await createSite()
    await importText(site, CSV, 'online-retail', 'text/csv')
    const again = (await (
      await importText(site, CSV, 'online-retail', 'text/csv')
    ).json()) as ImportBody
    expect(again).toMatchObject({ imported: 0, duplicates: 3 })
    const [count] = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM events WHERE site_id = ?',
      site.id,
    )
    expect(count?.n).toBe(3)
  })
})

describe('an import the database fails part-way through', () => {
  it('writes nothing at all: no event, no catalog item', async () => {
    const site = await createSite()
    const lines = Array.from(
      { length: 2_500 },
      (_, i) =>
        `5${String(i).padStart(5, '0')},ITEM${i % 40},THING ${i % 40},1,12/1/2010 8:26,1.5,${10_000 + (i % 300)}.0,United Kingdom`,
    )
    // The file's last invoice: the database refuses any batch that writes it.
    lines.push('599999,LAST,LAST THING,1,12/1/2010 9:00,2.5,99999.0,United Kingdom')
    const { env } = await import('cloudflare:workers')
    const { database } = await import('../../worker/db/database.ts')
    const { findSiteByPublicKey } = await import('../../worker/sites/site-store.ts')
    const { importHistory } = await import('../../worker/events/import-history.ts')
    const found = await findSiteByPublicKey(database(env.DB), site.publicKey)
    if (!found) throw new Error('test site not found')
    const failing = database(refusingBatchesWith(env.DB, '599999'))
    await expect(
      importHistory(failing, found, [HEADER, ...lines].join('\n'), 'online-retail', Date.now()),
    ).rejects.toThrow(/refused/)
    for (const table of ['events', 'catalog_items']) {
      const [count] = await rows<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE site_id = ?`,
        site.id,
      )
      expect(count?.n, table).toBe(0)
    }
    const retried = await importHistory(
      database(env.DB),
      found,
      [HEADER, ...lines].join('\n'),
      'online-retail',
      Date.now(),
    )
    expect(retried).toMatchObject({ imported: 2_501, duplicates: 0 })
  })
})

/** D1 that fails every batch with a statement bound to `marker`, as a storage failure would. */
function refusingBatchesWith(d1: D1Database, marker: string): D1Database {
  const marked = new WeakSet<D1PreparedStatement>()
  return new Proxy(d1, {
    get(target, key) {
      if (key === 'prepare') {
        return (query: string) => ({
          bind(...params: unknown[]) {
            const statement = target.prepare(query).bind(...params)
            if (params.some((p) => String(p).includes(marker))) marked.add(statement)
            return statement
          },
        })
      }
      if (key === 'batch') {
        return (statements: D1PreparedStatement[]) =>
          statements.some((s) => marked.has(s))
            ? Promise.reject(new Error('D1_ERROR: refused by the test'))
            : target.batch(statements)
      }
      const value: unknown = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('POST /v1/admin/import/events?format=ndjson', () => {
  it('imports events with past timestamps, derives ids for rows without one, and reports bad lines', async () => {
    const site = await createSite()
    const past = Date.UTC(2024, 0, 15)
    const ndjson = [
      JSON.stringify({ type: 'view', visitorId: 'v1', itemId: 'A', ts: past }),
      '{not json',
      JSON.stringify({ type: 'purchase', visitorId: 'v1', revenue: -3 }),
      JSON.stringify({ type: 'exposure', visitorId: 'v1', experiment: 'x' }),
      JSON.stringify({
        id: 'explicit-id-1',
        type: 'click',
        visitorId: 'v2',
        itemId: 'B',
        ts: past,
      }),
      '',
    ].join('\n')
    const body = (await (await importText(site, ndjson, 'ndjson')).json()) as ImportBody
    expect(body.imported).toBe(2)
    expect(body.skipped).toEqual([
      { line: 2, reason: 'malformed_json' },
      { line: 3, reason: 'invalid_revenue' },
      { line: 4, reason: 'exposures_cannot_be_imported' },
    ])
    const stored = await rows<{ id: string; at: number }>(
      `SELECT id, at FROM events WHERE site_id = ? ORDER BY id`,
      site.id,
    )
    expect(stored.map((s) => s.at)).toEqual([past, past])
    expect(stored.map((s) => s.id)).toContain('explicit-id-1')
    const again = (await (await importText(site, ndjson, 'ndjson')).json()) as ImportBody
    expect(again).toMatchObject({ imported: 0, duplicates: 2 })
  })

  it('refuses an unknown format (400), a wrong content type (415) and a body over 10 MB (413)', async () => {
    const site = await createSite()
    const unknown = await importText(site, '{}', 'xml')
    expect(unknown.status).toBe(400)
    expect((await errorOf(unknown)).code).toBe('invalid_format')
    const wrongType = await importText(site, 'a,b', 'online-retail', 'application/pdf')
    await expectRefused(wrongType, 415, 'unsupported_media_type')
    const huge = await importText(site, 'x'.repeat(10 * 1024 * 1024 + 1), 'ndjson')
    await expectRefused(huge, 413, 'body_too_large')
    const [count] = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM events WHERE site_id = ?',
      site.id,
    )
    expect(count?.n).toBe(0)
  })
})
