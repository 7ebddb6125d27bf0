/**
 * The API names the field a 400 is about as a JSON path (`variations.1.url: must be …`,
 * `allowedOrigins.0: …`), which is right for a program and wrong for a person looking at a form
 * whose rows are numbered from 1. These rewrite such a sentence with the form's own words.
 */
import { ApiFailure } from '../api/client.ts'

/** The form's name for a field path, or undefined to keep the API's sentence as it is. */
export type FieldLabels = (path: string[]) => string | undefined

/** zod's stock sentences for the limits the forms can hit, said plainly. */
const PLAIN: [RegExp, string][] = [
  [/^Too small: expected string to have >=1 characters?$/, 'is required'],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'must be at most $1 characters'],
]

/** `failure` with its `path: sentence` message in the form's words, when the form knows the path. */
export function readableFailure(failure: ApiFailure, labels: FieldLabels): ApiFailure {
  if (failure.status !== 400) return failure
  const match = /^([A-Za-z0-9_.]+): (.*)$/s.exec(failure.message)
  const label = match?.[1] ? labels(match[1].split('.')) : undefined
  if (!match || !label) return failure
  let sentence = match[2] ?? ''
  for (const [pattern, plain] of PLAIN) sentence = sentence.replace(pattern, plain)
  return new ApiFailure(failure.status, failure.code, `${label} ${sentence}.`.replace(/\.\.$/, '.'))
}

/** Row `index` (from 0) of a list, as the form numbers it (from 1). */
export const row = (index: string | undefined): number => Number(index ?? 0) + 1
