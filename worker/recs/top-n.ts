/**
 * Bounded top-N selection over scores. Every recommender here ranks thousands of items to keep a
 * handful; a size-N min-heap does that in O(items · log N) without sorting the whole catalog.
 */

import type { ScoredIndex } from './types.ts'

/**
 * Returns the `n` highest-scoring indices, best first. Skips indices in `exclude` and scores that
 * are not finite. Ties break toward the lower index so results are deterministic.
 *
 * @example
 * topN(Float64Array.of(0.1, 0.9, 0.5), 2) // [{ index: 1, score: 0.9 }, { index: 2, score: 0.5 }]
 */
export function topN(
  scores: ArrayLike<number>,
  n: number,
  exclude?: ReadonlySet<number>,
): ScoredIndex[] {
  const heap: ScoredIndex[] = []
  if (n <= 0) return heap
  for (let index = 0; index < scores.length; index++) {
    const score = scores[index] ?? Number.NaN
    // Once the heap is full most scores are below its worst: turned away before the exclusions
    // are looked up (a later index with an equal score ranks below it too).
    if (heap.length === n && score <= (heap[0] as ScoredIndex).score) continue
    if (!Number.isFinite(score) || exclude?.has(index)) continue
    if (heap.length < n) {
      heap.push({ index, score })
      siftUp(heap, heap.length - 1)
    } else if (worse(heap[0] as ScoredIndex, { index, score })) {
      heap[0] = { index, score }
      siftDown(heap, 0)
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.index - b.index)
}

/** True when `a` ranks below `b`: a lower score, or an equal score at a higher index. */
function worse(a: ScoredIndex, b: ScoredIndex): boolean {
  return a.score < b.score || (a.score === b.score && a.index > b.index)
}

function siftUp(heap: ScoredIndex[], at: number): void {
  let child = at
  while (child > 0) {
    const parent = (child - 1) >> 1
    const c = heap[child] as ScoredIndex
    const p = heap[parent] as ScoredIndex
    if (!worse(c, p)) return
    heap[child] = p
    heap[parent] = c
    child = parent
  }
}

function siftDown(heap: ScoredIndex[], at: number): void {
  let parent = at
  for (;;) {
    const left = 2 * parent + 1
    const right = left + 1
    let smallest = parent
    if (left < heap.length && worse(heap[left] as ScoredIndex, heap[smallest] as ScoredIndex)) {
      smallest = left
    }
    if (right < heap.length && worse(heap[right] as ScoredIndex, heap[smallest] as ScoredIndex)) {
      smallest = right
    }
    if (smallest === parent) return
    const tmp = heap[parent] as ScoredIndex
    heap[parent] = heap[smallest] as ScoredIndex
    heap[smallest] = tmp
    parent = smallest
  }
}
