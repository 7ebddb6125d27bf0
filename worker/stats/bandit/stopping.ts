// When to recommend stopping a bandit: one variation's probability of being best stays at or
// above a threshold. "Stays" means at each of the last `updates` updates, not one crossing: the
// probability is recomputed at every update, and in an A/A test a single update's figure
// crosses 95% by chance far more often than 5% of the time over a month of hourly updates.

export type StoppingRule = {
  /** P(best) a variation must reach, 0.95 by default (a setting). */
  threshold: number
  /** Consecutive updates at which it must be at or above the threshold. */
  updates: number
}

export const DEFAULT_STOPPING_RULE: StoppingRule = { threshold: 0.95, updates: 3 }

/**
 * The index of the variation the rule names as the winner, or null.
 * @param history P(best) per variation at each update, oldest first.
 * @example stoppingWinner([[0.5, 0.5], [0.03, 0.97], [0.02, 0.98], [0.04, 0.96]]) // 1
 */
export function stoppingWinner(
  history: readonly (readonly number[])[],
  rule: StoppingRule = DEFAULT_STOPPING_RULE,
): number | null {
  if (history.length < rule.updates || rule.updates < 1) return null
  const recent = history.slice(-rule.updates)
  const latest = recent.at(-1) ?? []
  for (let i = 0; i < latest.length; i++) {
    if (recent.every((update) => (update[i] ?? 0) >= rule.threshold)) return i
  }
  return null
}
