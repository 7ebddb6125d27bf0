/** Measuring several sides of a comparison in the same run. */

/**
 * Runs every measurement once per round, in the order given, for `rounds` rounds, and answers
 * each one's results. Interleaved, so a noisy neighbour on the shared machine hits every side
 * alike rather than whichever ran during the noise.
 *
 * @example
 * const { bare, assign } = await interleavedRounds(3, { bare: () => load(a), assign: () => load(b) })
 */
export async function interleavedRounds<K extends string, T>(
  rounds: number,
  measurements: Record<K, () => Promise<T>>,
): Promise<Record<K, T[]>> {
  const entries = Object.entries(measurements) as [K, () => Promise<T>][]
  const results = Object.fromEntries(entries.map(([name]) => [name, []])) as unknown as Record<
    K,
    T[]
  >
  for (let round = 0; round < rounds; round++) {
    for (const [name, measure] of entries) results[name].push(await measure())
  }
  return results
}
