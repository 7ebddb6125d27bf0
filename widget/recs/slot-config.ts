/**
 * What a recommendations slot asks for, read from the merchant's markup:
 * `<div data-edgelift="recs" data-slot="similar" data-item="SKU" data-n="8" data-title="...">`.
 * Invalid values fall back to safe defaults instead of failing the slot.
 */
import { KEY } from '../../shared/identifiers.ts'

export const SLOTS = ['personal', 'similar', 'trending', 'cart'] as const
export type Slot = (typeof SLOTS)[number]

export type SlotConfig = {
  slot: Slot
  /** The items the slot is about: one for `similar`, the cart's for `cart` (`data-item="A,B"`). */
  items: string[]
  /** How many to show, 1-50 (the API's range); 8 by default. */
  n: number
  title?: string
}

/**
 * The slot's configuration, or null for an unknown `data-slot` (a typo must not silently show
 * another list). Without `data-slot` a slot is `personal`; without `data-item` it is about
 * `pageItem`, the product the page describes, when there is one.
 */
export function readSlotConfig(data: DOMStringMap, pageItem?: string): SlotConfig | null {
  const slot = (data.slot ?? 'personal') as Slot
  if (!SLOTS.includes(slot)) return null
  const items = (data.item ?? pageItem ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => KEY.test(id))
  const n = Math.min(50, Math.max(1, Number.parseInt(data.n ?? '', 10) || 8))
  return { slot, items, n, title: data.title?.trim() || undefined }
}
