/**
 * What an admin may send as an experiment's `audience`. Unknown bands, devices or sources are
 * refused rather than dropped: an audience that silently lost a condition would include visitors
 * the merchant meant to leave out. An empty list is refused too, since it would include nobody.
 */
import { z } from 'zod'
import { INTENT_BANDS } from '../../shared/api-types.ts'
import { DEVICES, TRAFFIC_SOURCES, VISITOR_KINDS, type Audience } from '../../shared/audience.ts'

function distinctList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.enum(values))
    .min(1, 'list at least one, or leave the condition out to include everybody')
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, { message: 'values must be unique' })
}

export const audienceSchema = z
  .strictObject({
    intentBands: distinctList(INTENT_BANDS).optional(),
    devices: distinctList(DEVICES).optional(),
    visitors: z.enum(VISITOR_KINDS).optional(),
    sources: distinctList(TRAFFIC_SOURCES).optional(),
  })
  // An audience without conditions is everybody, which the API spells null.
  .transform((a): Audience | null => (Object.keys(a).length === 0 ? null : a))
  .nullable()
