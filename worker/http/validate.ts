/**
 * Validation at the edge of the system: a zod schema either yields a typed value or a 400 in the
 * envelope, naming the first offending field so the caller can fix it.
 */
import type { z } from 'zod'
import { describeIssue } from '../validation/describe-issue.ts'
import { invalid } from '../domain-error.ts'

/** `value` parsed by `schema`, or a 400 `invalid_<what>` naming the first problem. */
export function parseOr400<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw invalid(`invalid_${what}`, describeIssue(result.error))
}
