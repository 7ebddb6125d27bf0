/**
 * A site's steering rules in D1: replaced as a whole in one batch (all of it or none), read by the
 * admin with their items' catalog entries, and read for serving through a per-isolate cache that
 * is re-read at most every few seconds, so applying rules usually costs no D1 round trip.
 */
import { sql } from 'drizzle-orm'
import { itemsByIds, type CatalogItem } from '../../catalog/catalog-store.ts'
import { IsolateCache } from '../../cache/isolate-cache.ts'
import { batch, type Database } from '../../db/database.ts'
import { compileRules, type Rule, type RuleAction, type RuleSlot, type SiteRules } from './rules.ts'

/** How long an isolate serves rules it read: the longest a change takes to reach every isolate. */
export const RULES_TTL_MS = 5_000

type RuleRow = { slot: string; item_id: string; action: string; factor: number | null }

const cache = new IsolateCache<SiteRules>({ ttlMs: RULES_TTL_MS, maxEntries: 1000 })

/** The site's rules compiled per slot, cached in the isolate for RULES_TTL_MS. */
export async function siteRules(db: Database, siteId: string): Promise<SiteRules> {
  const hit = cache.get(siteId)
  if (hit) return hit
  const rules = compileRules(await storedRules(db, siteId))
  cache.set(siteId, rules)
  return rules
}

async function storedRules(db: Database, siteId: string): Promise<Rule[]> {
  const rows = await db.all<RuleRow>(sql`
    SELECT slot, item_id, action, factor FROM rec_rules WHERE site_id = ${siteId} ORDER BY position`)
  return rows.map((r) => ({
    slot: r.slot as RuleSlot,
    itemId: r.item_id,
    action: r.action as RuleAction,
    ...(r.factor !== null && { factor: r.factor }),
  }))
}

/** A rule as the admin reads it: with its item's catalog entry (null once the item is gone). */
export type RuleView = Rule & { item: CatalogItem | null }

/** The site's rules in the merchant's order, each with its item. */
export async function readRules(db: Database, siteId: string): Promise<RuleView[]> {
  const rules = await storedRules(db, siteId)
  const catalog = await itemsByIds(db, siteId, [...new Set(rules.map((r) => r.itemId))])
  return rules.map((rule) => ({ ...rule, item: catalog.get(rule.itemId) ?? null }))
}

export type ReplaceOutcome = { replaced: true } | { replaced: false; unknownItems: string[] }

/**
 * Replaces the site's rules with `rules`, or changes nothing when one names an item that is not
 * in this site's catalog (another site's items included: item ids are per site).
 */
export async function replaceRules(
  db: Database,
  siteId: string,
  rules: Rule[],
): Promise<ReplaceOutcome> {
  const ids = [...new Set(rules.map((r) => r.itemId))]
  const known = await itemsByIds(db, siteId, ids)
  const unknownItems = ids.filter((id) => !known.has(id))
  if (unknownItems.length > 0) return { replaced: false, unknownItems }
  const rows = rules.map((r, position) => ({
    slot: r.slot,
    itemId: r.itemId,
    action: r.action,
    factor: r.factor ?? null,
    position,
  }))
  // At most 200 short rules: one JSON parameter, far under D1's limit on one.
  await batch(db, [
    sql`DELETE FROM rec_rules WHERE site_id = ${siteId}`,
    ...(rows.length > 0
      ? [
          sql`INSERT INTO rec_rules (site_id, slot, item_id, action, factor, position)
            SELECT ${siteId}, j.value ->> 'slot', j.value ->> 'itemId', j.value ->> 'action',
              j.value ->> 'factor', j.value ->> 'position'
            FROM json_each(${JSON.stringify(rows)}) AS j`,
        ]
      : []),
  ])
  cache.delete(siteId)
  return { replaced: true }
}
