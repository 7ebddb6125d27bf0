/**
 * JSON objects whose keys a caller names freely (event `props`). A key
 * such as `__proto__` is no ordinary property: zod leaves it out of the record it builds (assigning
 * it would set the copy's prototype), so the field would be accepted and silently lost, and
 * `constructor` or `prototype` shadow what code expects every object to have. Such keys are
 * refused, like any other invalid field, so the caller learns what was not stored.
 */
import { z } from 'zod'

/** Names that reach an object's prototype machinery rather than its own properties. */
const RESERVED = ['__proto__', 'constructor', 'prototype']
const MESSAGE = 'must not be __proto__, constructor or prototype'

/**
 * A record of `value`s under `key`s, refusing the reserved names.
 *
 * @example plainRecord(z.string().min(1).max(64), z.string())
 */
export function plainRecord<V extends z.ZodType>(key: z.ZodString, value: V) {
  return z
    .unknown()
    .superRefine((input, ctx) => {
      // zod's record skips an own `__proto__` (JSON.parse makes one) before checking keys.
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__'))
        ctx.addIssue({ code: 'custom', message: MESSAGE, path: ['__proto__'] })
    })
    .pipe(
      z.record(
        key.refine((k) => !RESERVED.includes(k), MESSAGE),
        value,
      ),
    )
}
