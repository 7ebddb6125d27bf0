/**
 * Items shown on the page, per slot. A page with several slots (a `personal` one that falls back
 * to trending beside a `trending` one, `similar` beside `cart`) would otherwise show the same
 * products twice, so each slot asks for more than it shows (`fetchCount`) and keeps the first
 * items no other slot on the page shows yet. A slot the page removes (a single-page app changing
 * route) gives its items back.
 */

const shown = new Map<object, Set<string>>()

/** How many items a slot showing `n` asks for: enough spare to drop what others show. */
export function fetchCount(n: number): number {
  return Math.min(50, n * 2)
}

/** The first `n` of `itemIds` that no other slot shows, now recorded as shown by `slot`. */
export function claimItems(slot: object, itemIds: readonly string[], n: number): string[] {
  const taken = new Set<string>()
  for (const [other, ids] of shown) if (other !== slot) for (const id of ids) taken.add(id)
  const mine = itemIds.filter((id) => !taken.has(id)).slice(0, n)
  shown.set(slot, new Set(mine))
  return mine
}

/** The slot left the page: its items may be shown by others again. */
export function releaseItems(slot: object): void {
  shown.delete(slot)
}
