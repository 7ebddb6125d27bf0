/**
 * An error and the errors it wraps, outermost first, a few deep: drizzle wraps D1's errors in its
 * own ("Failed query: …", with the SQL and parameters), the binding's error as `cause`. A few,
 * so a cyclic chain ends.
 *
 * @example
 * const innermost = errorCauses(err).at(-1)?.message
 */
export function errorCauses(err: unknown): Error[] {
  const chain: Error[] = []
  for (let e = err; e instanceof Error && chain.length < 4; e = e.cause) chain.push(e)
  return chain
}
