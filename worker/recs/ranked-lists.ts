/**
 * Many short ranked lists (a list per visitor, per item) in three flat typed arrays instead of an
 * object per entry: 8 bytes an entry where `{ itemId, score }` objects take ~50, which is what
 * lets a store with tens of thousands of visitors train inside a Worker.
 */
import type { ScoredIndex, ScoredItem } from './types.ts'

/** Subject s's entries are `[start[s], start[s + 1])` of `items` (item indices) and `scores`. */
export type RankedLists = { start: Uint32Array; items: Uint32Array; scores: Float32Array }

/** Collects lists subject by subject, each at most `perSubject` long. */
export function rankedListsBuilder(subjects: number, perSubject: number) {
  const start = new Uint32Array(subjects + 1)
  const items = new Uint32Array(subjects * Math.max(0, perSubject))
  const scores = new Float32Array(items.length)
  let subject = 0
  let end = 0
  return {
    /** Appends the next subject's list (best first). */
    add(list: readonly ScoredIndex[]): void {
      for (const { index, score } of list.slice(0, perSubject)) {
        items[end] = index
        scores[end++] = score
      }
      start[++subject] = end
    },
    finish(): RankedLists {
      for (let s = subject; s < subjects; s++) start[s + 1] = end
      // Lists are mostly full: a copy of the exact length is made only when they are not.
      if (end === items.length) return { start, items, scores }
      return { start, items: items.slice(0, end), scores: scores.slice(0, end) }
    },
  }
}

/** How many subjects the lists have. */
export function listCount(lists: RankedLists): number {
  return lists.start.length - 1
}

/** Subject s's list with item ids. */
export function listAt(lists: RankedLists, s: number, itemIds: readonly string[]): ScoredItem[] {
  const out: ScoredItem[] = []
  for (let p = lists.start[s] ?? 0; p < (lists.start[s + 1] ?? 0); p++) {
    out.push({ itemId: itemIds[lists.items[p] ?? 0] ?? '', score: lists.scores[p] ?? 0 })
  }
  return out
}
