/**
 * What `PUT /v1/admin/recs/rules` accepts: the whole set of a site's steering rules, each pinning,
 * excluding or boosting one catalog item in one slot or in all of them.
 */
import { z } from 'zod'
import { KEY } from '../../../shared/identifiers.ts'
import { RULE_SLOTS } from './rules.ts'

/** Rules a site may keep: enough for a merchandiser, few enough to apply on every read. */
export const MAX_RULES = 200
export const MIN_BOOST = 0.1
export const MAX_BOOST = 10

const target = {
  slot: z.enum(RULE_SLOTS, { message: `slot must be one of ${RULE_SLOTS.join(', ')}` }),
  itemId: z.string().regex(KEY, 'itemId must be 1-64 characters of A-Z a-z 0-9 _ . : -'),
}

const ruleSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ ...target, action: z.literal('pin') }),
    z.strictObject({ ...target, action: z.literal('exclude') }),
    z.strictObject({
      ...target,
      action: z.literal('boost'),
      factor: z
        .number({ message: `factor must be a number from ${MIN_BOOST} to ${MAX_BOOST}` })
        .min(MIN_BOOST, `factor must be from ${MIN_BOOST} to ${MAX_BOOST}`)
        .max(MAX_BOOST, `factor must be from ${MIN_BOOST} to ${MAX_BOOST}`),
    }),
  ],
  { message: 'action must be pin, exclude or boost' },
)

export const rulesSchema = z.strictObject({
  rules: z
    .array(ruleSchema)
    .max(MAX_RULES, `at most ${MAX_RULES} rules`)
    .superRefine((rules, ctx) => {
      const seen = new Set<string>()
      rules.forEach((rule, index) => {
        const key = `${rule.slot}\n${rule.itemId}`
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'itemId'],
            message: `${rule.itemId} already has a rule in ${rule.slot}: one rule per item and slot`,
          })
        }
        seen.add(key)
      })
    }),
})

export type RulesInput = z.output<typeof rulesSchema>
