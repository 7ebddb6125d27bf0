/**
 * Steering recommendations from the admin: `GET/PUT /v1/admin/recs/rules` read and replace the
 * site's pin, exclude and boost rules (all of them at once, or nothing), and
 * `GET /v1/admin/recs/preview` answers any slot for any visitor or product as a shopper would get
 * it, rules applied, without counting as an impression.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { invalid } from '../../domain-error.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { recommend } from '../../recs/serve/recommend.ts'
import { rulesSchema } from '../../recs/serve/rules-schema.ts'
import { readRules, replaceRules } from '../../recs/serve/rules-store.ts'
import { recsQuery, recsRequest } from '../recs.ts'

// 200 rules of about 100 bytes each, with room to spare.
const MAX_RULES_BYTES = 64 * 1024

/** A list's query as the public route takes it, less the public key the admin key replaces. */
export const previewQuery = recsQuery.omit({ site: true }).strict()

export const adminRecsRulesRoute = new Hono<AppEnv>()
  .get('/recs/rules', async (c) => c.json({ rules: await readRules(c.var.db, c.var.site.id) }))
  .put('/recs/rules', async (c) => {
    const { rules } = parseOr400(
      rulesSchema,
      await readJsonBody(c.req.raw, MAX_RULES_BYTES),
      'rules',
    )
    const outcome = await replaceRules(c.var.db, c.var.site.id, rules)
    if (!outcome.replaced) {
      const shown = outcome.unknownItems.slice(0, 5).join(', ')
      const more =
        outcome.unknownItems.length > 5 ? ` and ${outcome.unknownItems.length - 5} more` : ''
      throw invalid(
        'unknown_items',
        `Not in this site's catalog: ${shown}${more}. Rules can only name the site's own items.`,
      )
    }
    return c.json({ rules: await readRules(c.var.db, c.var.site.id) })
  })
  .get('/recs/preview', async (c) => {
    const query = parseOr400(previewQuery, c.req.query(), 'query')
    return c.json(await recommend(c.var.db, c.var.site.id, recsRequest(query, c.env)))
  })
