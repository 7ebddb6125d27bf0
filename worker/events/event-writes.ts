/**
 * The statements that store a batch of events and keep the assignment rows in step. The whole batch
 * travels as one JSON parameter read with `json_each`, which keeps every statement far below D1's
 * 100 bound parameters however large the batch is.
 *
 * Exactly-once rests on two properties:
 * - the events insert is keyed by (site, id) with ON CONFLICT DO NOTHING, so a replay stores nothing;
 * - assignment rows are *derived* from stored events, never incremented: first exposure is an
 *   insert-if-absent from the stored exposure, and conversion state (and each metric's state, in
 *   `assignment_metrics`) is recomputed from the visitor's stored events. Re-running any of them
 *   after a replay, or concurrently, gives the same rows, so no lock is needed.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { StoredEvent } from './stored-event.ts'

/** Inserts new events; answers the ids that were actually inserted. */
export function insertEvents(siteId: string, receivedAt: number, rows: StoredEvent[]) {
  return sql`
    INSERT INTO events (site_id, id, type, visitor_id, client_ts, received_at, at, clock_skewed,
      experiment, phase, variation, item_id, items, revenue_minor, currency, order_id, name, rec_id,
      props, path, title, page_kind, referrer, utm)
    SELECT ${siteId}, e.value ->> 'id', e.value ->> 'type', e.value ->> 'visitorId',
      e.value ->> 'clientTs', ${receivedAt}, e.value ->> 'at', e.value ->> 'clockSkewed',
      e.value ->> 'experiment', e.value ->> 'phase', e.value ->> 'variation', e.value ->> 'itemId',
      e.value ->> 'items', e.value ->> 'revenueMinor', e.value ->> 'currency', e.value ->> 'orderId',
      e.value ->> 'name', e.value ->> 'recId', e.value ->> 'props', e.value ->> 'path',
      e.value ->> 'title', e.value ->> 'pageKind', e.value ->> 'referrer', e.value ->> 'utm'
    FROM json_each(${JSON.stringify(rows)}) AS e
    -- A visitor forgotten while this batch was in flight is still not stored.
    WHERE NOT EXISTS (SELECT 1 FROM forgotten_visitors f
      WHERE f.site_id = ${siteId} AND f.visitor_hash = e.value ->> 'visitorHash')
    ON CONFLICT DO NOTHING
    RETURNING id`
}

/**
 * Records first exposures from the stored exposure events of these ids, with the traits of the
 * visitor's audience decision. An experiment with an audience counts only visitors decided into
 * it: an exposure without that decision (outside the audience, or never assigned by
 * `/v1/assign`) is stored as an event but makes no assignment row.
 */
export function deriveAssignments(siteId: string, exposureIds: string[]) {
  return sql`
    INSERT INTO assignments (site_id, experiment_key, phase, visitor_id, variation, exposed_at,
      intent_band, device, returning_visitor, source)
    SELECT e.site_id, e.experiment, e.phase, e.visitor_id, e.variation, e.at,
      d.intent_band, d.device, d.returning_visitor, d.source
    FROM events e
      JOIN experiments x ON x.site_id = e.site_id AND x.key = e.experiment
      LEFT JOIN audience_decisions d ON d.site_id = e.site_id AND d.visitor_id = e.visitor_id
        AND d.experiment_key = e.experiment AND d.phase = e.phase
    WHERE e.site_id = ${siteId} AND e.type = 'exposure'
      AND e.id IN (SELECT value FROM json_each(${JSON.stringify(exposureIds)}))
      AND (x.audience IS NULL OR d.included = 1)
    ON CONFLICT DO UPDATE SET exposed_at = min(exposed_at, excluded.exposed_at)`
}

/**
 * Everything derived per assignment for these visitors after their events are stored: conversion
 * state, then each metric's state. In this order, in one batch. New events only ever add, so a
 * row is only raised: a returning visitor whose older events were archived (event-archive.ts)
 * keeps the conversions those events made.
 */
export function recomputeVisitorState(
  siteId: string,
  siteCurrency: string,
  visitorIds: string[],
): SQL[] {
  const rows = sql`a.visitor_id IN (SELECT value FROM json_each(${JSON.stringify(visitorIds)}))`
  return [
    recompute(siteId, siteCurrency, rows, RAISE_ONLY),
    recomputeMetrics(siteId, siteCurrency, rows, RAISE_ONLY),
  ]
}

/** Whether a recompute may only raise a row (new events) or sets it afresh (a changed definition). */
type Update = { raiseOnly: boolean }
const RAISE_ONLY: Update = { raiseOnly: true }
const AFRESH: Update = { raiseOnly: false }
/** Later than any stored time (8.64e15 ms is the largest a Date holds): stands in for "none". */
const NO_TIME = sql.raw('9000000000000000')

/**
 * The metric rows of every visitor of an experiment, after its metrics changed: the old rows go
 * (a removed metric, a changed definition under the same key) and the new ones are derived.
 */
export function recomputeExperimentMetrics(
  siteId: string,
  siteCurrency: string,
  experimentKey: string,
): SQL[] {
  return [
    sql`DELETE FROM assignment_metrics WHERE site_id = ${siteId}
      AND experiment_key = ${experimentKey}`,
    recomputeMetrics(siteId, siteCurrency, sql`a.experiment_key = ${experimentKey}`, AFRESH),
  ]
}

/**
 * Recomputes conversion state of these visitors' assignment rows from their stored events after
 * first exposure, within the assignment's phase: the goal events convert, and revenue is what
 * they bought (purchases, whatever the goal; for a custom goal also the revenue its events
 * carry), in the site's currency (or none given). A goal of add_to_cart still reports the
 * revenue its variations bring.
 */
/** Conversion state for every visitor of an experiment, after its goal changed. */
export function recomputeExperimentConversions(
  siteId: string,
  siteCurrency: string,
  experimentKey: string,
) {
  return recompute(siteId, siteCurrency, sql`a.experiment_key = ${experimentKey}`, AFRESH)
}

function recompute(siteId: string, siteCurrency: string, rows: SQL, update: Update) {
  // Within the assignment's phase: after the first exposure, before the phase ended (a stopped
  // experiment, or new weights that re-split visitors into the next phase).
  const after = sql`FROM events e, experiments x, experiment_phases p
    WHERE x.site_id = a.site_id AND x.key = a.experiment_key
      AND p.site_id = a.site_id AND p.experiment_key = a.experiment_key AND p.phase = a.phase
      AND e.site_id = a.site_id AND e.visitor_id = a.visitor_id AND e.at >= a.exposed_at
      AND (p.ended_at IS NULL OR e.at < p.ended_at)`
  const isGoal = sql`e.type = x.goal_event AND (x.goal_event <> 'custom' OR e.name = x.goal_name)`
  const convertedAt = sql`(SELECT min(e.at) ${after} AND ${isGoal})`
  const conversions = sql`(SELECT count(*) ${after} AND ${isGoal})`
  const revenue = sql`(SELECT coalesce(sum(e.revenue_minor), 0) ${after}
        AND (e.type = 'purchase' OR (x.goal_event = 'custom' AND ${isGoal}))
        AND coalesce(e.currency, ${siteCurrency}) = ${siteCurrency})`
  if (update.raiseOnly) {
    return sql`
    UPDATE assignments AS a SET
      converted_at = nullif(min(coalesce(a.converted_at, ${NO_TIME}),
        coalesce(${convertedAt}, ${NO_TIME})), ${NO_TIME}),
      conversions = max(a.conversions, ${conversions}),
      revenue_minor = max(a.revenue_minor, ${revenue})
    WHERE a.site_id = ${siteId} AND ${rows}`
  }
  return sql`
    UPDATE assignments AS a SET
      converted_at = ${convertedAt},
      conversions = ${conversions},
      revenue_minor = ${revenue}
    WHERE a.site_id = ${siteId} AND ${rows}`
}

/**
 * Each metric's state of the selected assignment rows (metrics are in `experiments.metrics`, see
 * MetricDefinition), from the visitor's events within the phase after first exposure, as for
 * conversions: a `conversion` counts its event, the revenue kinds sum purchase revenue in the
 * site's currency (or none given) and count the purchases, `bounce` marks a visitor engaged (1)
 * once they do more than view one page (a product page sends both a `view` and a `page_view`).
 * A visitor with no matching event gets no row: results count them from `assignments`. Events only ever add, so a row is only ever inserted or raised.
 */
function recomputeMetrics(siteId: string, siteCurrency: string, rows: SQL, update: Update) {
  const kind = sql`m.value ->> 'kind'`
  const matches = sql`CASE ${kind}
      WHEN 'conversion' THEN e.type = m.value ->> 'event'
        AND (e.type <> 'custom' OR e.name = m.value ->> 'name')
      WHEN 'bounce' THEN e.type <> 'exposure'
      ELSE e.type = 'purchase' AND coalesce(e.currency, ${siteCurrency}) = ${siteCurrency} END`
  return sql`
    INSERT INTO assignment_metrics (site_id, experiment_key, phase, metric, visitor_id, variation,
      value, events)
    SELECT a.site_id, a.experiment_key, a.phase, m.value ->> 'key', a.visitor_id, a.variation,
      CASE ${kind}
        WHEN 'conversion' THEN count(*)
        WHEN 'bounce' THEN (sum(e.type = 'view') >= 2 OR sum(e.type = 'page_view') >= 2
          OR sum(e.type NOT IN ('view', 'page_view')) >= 1)
        ELSE total(e.revenue_minor) END,
      count(*)
    FROM assignments a
      JOIN experiments x ON x.site_id = a.site_id AND x.key = a.experiment_key
      JOIN json_each(x.metrics) m
      JOIN experiment_phases p ON p.site_id = a.site_id AND p.experiment_key = a.experiment_key
        AND p.phase = a.phase
      JOIN events e ON e.site_id = a.site_id AND e.visitor_id = a.visitor_id
        AND e.at >= a.exposed_at AND (p.ended_at IS NULL OR e.at < p.ended_at)
    WHERE a.site_id = ${siteId} AND ${rows} AND ${matches}
    GROUP BY a.experiment_key, a.phase, a.visitor_id, m.value ->> 'key'
    ON CONFLICT DO UPDATE SET variation = excluded.variation, ${
      update.raiseOnly
        ? sql`value = max(value, excluded.value), events = max(events, excluded.events)`
        : sql`value = excluded.value, events = excluded.events`
    }`
}
