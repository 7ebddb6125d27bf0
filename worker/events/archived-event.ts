/**
 * The archive's line format: one stored event row per NDJSON line, every column but the site (an
 * archive is imported into the site that imports it, never into one a line names). Writing a row
 * and reading its line back gives the same row, so an archived day re-imports exactly
 * (`npm run import -- --format archive`).
 */
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { EVENT_ID, KEY, VISITOR_ID } from '../../shared/identifiers.ts'
import { EVENT_TYPES, MAX_PATH, MAX_REFERRER, MAX_TITLE, PAGE_KINDS } from './event-schema.ts'

const time = z.number().int().min(0).max(8.64e15)
const text = (max: number) => z.string().max(max).nullable()

/** A stored row as its archive line holds it; validated again on import like any outside input. */
export const archivedEventSchema = z.strictObject({
  id: z.string().regex(EVENT_ID),
  type: z.enum(EVENT_TYPES),
  visitorId: z.string().regex(VISITOR_ID),
  clientTs: time.nullable(),
  receivedAt: time,
  at: time,
  clockSkewed: z.union([z.literal(0), z.literal(1)]),
  experiment: z.string().regex(KEY).nullable(),
  phase: z.number().int().min(0).max(1_000_000).nullable(),
  variation: z.number().int().min(0).max(1000).nullable(),
  itemId: z.string().regex(KEY).nullable(),
  items: text(64 * 1024),
  revenueMinor: z.number().int().min(0).max(1e15).nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  orderId: text(256),
  name: text(256),
  recId: text(256),
  props: text(16 * 1024),
  // A page view's columns; lines archived before events had them import with none.
  path: text(MAX_PATH).default(null),
  title: text(MAX_TITLE).default(null),
  pageKind: z.enum(PAGE_KINDS).nullable().default(null),
  referrer: text(MAX_REFERRER).default(null),
  utm: text(4 * 1024).default(null),
})

export type ArchivedEvent = z.output<typeof archivedEventSchema>

/** The columns of `events` in the order of ArchivedEvent's keys. */
export const ARCHIVED_COLUMNS = sql`id, type, visitor_id AS visitorId, client_ts AS clientTs,
  received_at AS receivedAt, at, clock_skewed AS clockSkewed, experiment, phase, variation,
  item_id AS itemId, items, revenue_minor AS revenueMinor, currency, order_id AS orderId, name,
  rec_id AS recId, props, path, title, page_kind AS pageKind, referrer, utm`

/** Inserts archived rows as they were stored; answers the ids that were not already there. */
export function insertArchivedEvents(
  siteId: string,
  rows: (ArchivedEvent & { visitorHash: string })[],
) {
  return sql`
    INSERT INTO events (site_id, id, type, visitor_id, client_ts, received_at, at, clock_skewed,
      experiment, phase, variation, item_id, items, revenue_minor, currency, order_id, name, rec_id,
      props, path, title, page_kind, referrer, utm)
    SELECT ${siteId}, e.value ->> 'id', e.value ->> 'type', e.value ->> 'visitorId',
      e.value ->> 'clientTs', e.value ->> 'receivedAt', e.value ->> 'at', e.value ->> 'clockSkewed',
      e.value ->> 'experiment', e.value ->> 'phase', e.value ->> 'variation', e.value ->> 'itemId',
      e.value ->> 'items', e.value ->> 'revenueMinor', e.value ->> 'currency', e.value ->> 'orderId',
      e.value ->> 'name', e.value ->> 'recId', e.value ->> 'props', e.value ->> 'path',
      e.value ->> 'title', e.value ->> 'pageKind', e.value ->> 'referrer', e.value ->> 'utm'
    FROM json_each(${JSON.stringify(rows)}) AS e
    -- A visitor forgotten since the archive was written stays forgotten.
    WHERE NOT EXISTS (SELECT 1 FROM forgotten_visitors f
      WHERE f.site_id = ${siteId} AND f.visitor_hash = e.value ->> 'visitorHash')
    ON CONFLICT DO NOTHING
    RETURNING id`
}
