/**
 * A merchant's steering of recommendations, as serving applies it: per slot, the pinned items (in
 * the merchant's order, shown first), the excluded ones (never shown, from any source) and the
 * boosts (a score multiplier). Rules for `all` apply to every slot; a slot's own rule for an item
 * wins over the site-wide one.
 */
import { SLOTS, type Slot } from '../slots.ts'

export const RULE_SLOTS = ['all', ...SLOTS] as const
export type RuleSlot = (typeof RULE_SLOTS)[number]
export type RuleAction = 'pin' | 'exclude' | 'boost'

export type Rule = {
  slot: RuleSlot
  itemId: string
  action: RuleAction
  /** A boost's multiplier. */
  factor?: number
}

export type SlotRules = {
  pins: string[]
  excluded: ReadonlySet<string>
  boosts: ReadonlyMap<string, number>
}

/** A site's rules compiled once per slot, so a read only looks them up. */
export type SiteRules = ReadonlyMap<Slot, SlotRules>

export const NO_RULES: SlotRules = { pins: [], excluded: new Set(), boosts: new Map() }

/** Each slot's rules, from the site's list in the merchant's order. */
export function compileRules(rules: Rule[]): SiteRules {
  const compiled = new Map<Slot, SlotRules>()
  if (rules.length === 0) return compiled
  for (const slot of SLOTS) {
    const own = new Map(rules.filter((r) => r.slot === slot).map((r) => [r.itemId, r]))
    const wide = rules.filter((r) => r.slot === 'all' && !own.has(r.itemId))
    // The slot's own pins first, then the site-wide ones, each in the merchant's order.
    const effective = [...own.values(), ...wide]
    compiled.set(slot, {
      pins: effective.filter((r) => r.action === 'pin').map((r) => r.itemId),
      excluded: new Set(effective.filter((r) => r.action === 'exclude').map((r) => r.itemId)),
      boosts: new Map(
        effective.filter((r) => r.action === 'boost').map((r) => [r.itemId, r.factor ?? 1]),
      ),
    })
  }
  return compiled
}

/**
 * A score raised (factor above 1) or lowered (below 1) by a boost: a positive score is multiplied
 * by the factor and a negative one divided by it, so a boost moves an item the same way whatever
 * the sign of the dot product it starts from.
 *
 * @example boostedScore(0.4, 2) // 0.8
 * @example boostedScore(-0.4, 2) // -0.2
 */
export function boostedScore(score: number, factor: number): number {
  return score >= 0 ? score * factor : score / factor
}

/** Candidates re-ranked by the slot's boosts (stable for equal scores); the same array without any. */
export function applyBoosts(
  scored: [string, number][],
  boosts: ReadonlyMap<string, number>,
): [string, number][] {
  if (boosts.size === 0) return scored
  return scored
    .map(([id, score]): [string, number] => {
      const factor = boosts.get(id)
      return [id, factor === undefined ? score : boostedScore(score, factor)]
    })
    .sort((a, b) => b[1] - a[1])
}
