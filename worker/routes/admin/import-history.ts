/**
 * `POST /v1/admin/import/events[?format=ndjson|online-retail][&dates=month-first|day-first]`:
 * backfills a store's order history (NDJSON events, or an Online Retail style CSV) so
 * recommendations have something to learn from before the widget has gathered any.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { invalid } from '../../domain-error.ts'
import { importHistory, IMPORT_FORMATS, type ImportFormat } from '../../events/import-history.ts'
import { mediaType, readTextBody } from '../../http/read-body.ts'
import { DATE_ORDERS, type DateOrder } from '../../import/timestamps.ts'

const MAX_IMPORT_BYTES = 10 * 1024 * 1024

export const adminImportHistoryRoute = new Hono<AppEnv>().post('/import/events', async (c) => {
  const format =
    c.req.query('format') ?? (mediaType(c.req.raw) === 'text/csv' ? 'online-retail' : 'ndjson')
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw invalid(
      'invalid_format',
      `format must be one of ${IMPORT_FORMATS.join(', ')}, not ${format}.`,
    )
  }
  const dates = c.req.query('dates') ?? 'month-first'
  if (!(DATE_ORDERS as readonly string[]).includes(dates)) {
    throw invalid('invalid_dates', `dates must be one of ${DATE_ORDERS.join(', ')}, not ${dates}.`)
  }
  const accepted =
    format === 'online-retail'
      ? ['text/csv', 'text/plain']
      : ['application/x-ndjson', 'application/json', 'text/plain']
  const text = await readTextBody(c.req.raw, MAX_IMPORT_BYTES, accepted)
  const result = await importHistory(
    c.var.db,
    c.var.site,
    text,
    format as ImportFormat,
    Date.now(),
    dates as DateOrder,
  )
  return c.json(result)
})
