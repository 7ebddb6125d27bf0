import { describe, expect, it } from 'vitest'
import { call, createSite, expectRefused, rows, type TestSite } from './support/api.ts'
import { importText } from './support/recs.ts'

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'
const LINE =
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom'
const NDJSON = JSON.stringify({
  type: 'view',
  visitorId: 'v1',
  itemId: 'A',
  ts: Date.UTC(2024, 0, 1),
})

/** Nothing of the import was written: no event and no catalog item. */
async function expectNothingWritten(site: TestSite) {
  for (const table of ['events', 'catalog_items']) {
    const [count] = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM ${table} WHERE site_id = ?`,
      site.id,
    )
    expect(count?.n, table).toBe(0)
  }
}

function importBytes(site: TestSite, body: BodyInit, format: string, contentType: string) {
  return call(`/v1/admin/import/events?format=${format}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': contentType },
    body,
  })
}

describe('POST /v1/admin/import/events', () => {
  it.each(['dmy', 'DAY-FIRST', ''])('answers 400 invalid_dates to dates=%j', async (dates) => {
    const site = await createSite()
    const res = await importText(site, `${HEADER}\n${LINE}`, 'online-retail', 'text/csv', dates)
    await expectRefused(res, 400, 'invalid_dates')
    await expectNothingWritten(site)
  })

  it.each([
    ['ndjson', NDJSON, 'application/pdf'],
    ['ndjson', NDJSON, 'text/csv'],
    ['online-retail', `${HEADER}\n${LINE}`, 'application/json'],
    ['online-retail', `${HEADER}\n${LINE}`, 'application/x-ndjson'],
  ])('answers 415 unsupported_media_type to format=%s sent as %s', async (format, text, type) => {
    const site = await createSite()
    await expectRefused(await importText(site, text, format, type), 415, 'unsupported_media_type')
    await expectNothingWritten(site)
  })

  it('answers 413 body_too_large to a body over 10 MB, by Content-Length', async () => {
    const site = await createSite()
    const huge = `${NDJSON}\n${' '.repeat(10 * 1024 * 1024)}`
    await expectRefused(await importText(site, huge, 'ndjson'), 413, 'body_too_large')
    await expectNothingWritten(site)
  })

  it('answers 413 body_too_large to a streamed body over 10 MB without Content-Length', async () => {
    const site = await createSite()
    let pulled = 0
    const line = new TextEncoder().encode(`${HEADER}\n`)
    const chunk = new TextEncoder().encode(
      `${LINE}\n`.repeat(Math.ceil((1024 * 1024) / LINE.length)),
    )
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 20 MB on offer; the Worker must stop asking soon after 10 MB.
        if (pulled === 0) controller.enqueue(line)
        if (pulled >= 20) return controller.close()
        pulled++
        controller.enqueue(chunk)
      },
    })
    const res = await importBytes(site, body, 'online-retail', 'text/csv')
    await expectRefused(res, 413, 'body_too_large')
    expect(pulled).toBeLessThan(14)
    await expectNothingWritten(site)
  })

  it.each([
    ['online-retail', 'text/csv', `${HEADER}\n${LINE.replace('WHITE', 'WHITE #')}`],
    ['ndjson', 'application/x-ndjson', `${NDJSON}\n${NDJSON.replace('"v1"', '"v#"')}`],
  ])(
    'answers 400 invalid_encoding to format=%s that is not UTF-8, and writes nothing',
    async (format, type, text) => {
      const site = await createSite()
      // One Latin-1 byte (0xA3, "£") where "#" stands.
      const [head, tail] = text.split('#')
      const encoder = new TextEncoder()
      const bytes = new Uint8Array([...encoder.encode(head), 0xa3, ...encoder.encode(tail)])
      await expectRefused(await importBytes(site, bytes, format, type), 400, 'invalid_encoding')
      await expectNothingWritten(site)
    },
  )
})
