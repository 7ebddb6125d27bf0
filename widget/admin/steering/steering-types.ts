/** The wire shapes of `/v1/admin/recs/rules`, `/v1/admin/recs/preview` and the catalog search. */
import type { RecommendedItemShown } from '../../../shared/api-types.ts'

export const SLOT_NAMES = {
  personal: 'Recommended for a visitor (personal)',
  similar: 'Similar to a product (similar)',
  cart: 'Bought with a cart (cart)',
  trending: 'Trending (trending)',
} as const
export type Slot = keyof typeof SLOT_NAMES
export const SLOTS = Object.keys(SLOT_NAMES) as Slot[]
export type RuleSlot = Slot | 'all'
export type RuleAction = 'pin' | 'exclude' | 'boost'

export type CatalogEntry = RecommendedItemShown & { inStock: boolean }

export type Rule = { slot: RuleSlot; itemId: string; action: RuleAction; factor?: number }
export type RuleView = Rule & { item: CatalogEntry | null }

export type PreviewItem = RecommendedItemShown & { score: number; rule?: 'pin' | 'boost' }
export type Preview = {
  slot: Slot
  source: string
  fallback?: string
  modelVersion: string | null
  items: PreviewItem[]
}

/** A rule as `PUT /v1/admin/recs/rules` takes it: without the item the GET adds. */
export function ruleInput({ slot, itemId, action, factor }: Rule): Rule {
  return action === 'boost' ? { slot, itemId, action, factor } : { slot, itemId, action }
}
