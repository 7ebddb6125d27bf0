/** How a zod failure reads to a caller: the one formatter for refusals (400s and rejected events). */
import type { z } from 'zod'

/**
 * One readable sentence for the first issue: `variations.1.weight: Too big: expected ...`. An
 * issue about the whole value is named `subject` when given (`event: Invalid input`).
 */
export function describeIssue(error: z.ZodError, subject?: string): string {
  const issue = error.issues[0]
  if (!issue) return 'The input is invalid.'
  const path = issue.path.map(String).join('.') || subject
  return path ? `${path}: ${issue.message}` : issue.message
}
