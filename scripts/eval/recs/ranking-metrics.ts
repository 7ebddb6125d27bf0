/**
 * Offline ranking metrics at a cut-off k, all with binary relevance:
 * - precision@k = hits / k; recall@k = hits / |relevant|;
 * - NDCG@k = Σ 1/log2(rank + 1) over hits, divided by the same sum for an ideal ranking of
 *   min(k, |relevant|) hits (Järvelin & Kekäläinen 2002);
 * - AP@k = Σ precision@i over hit positions i, divided by min(k, |relevant|) (the usual top-k
 *   variant, as in Kaggle's apk), averaged into MAP;
 * - catalog coverage = distinct items shown in anyone's top-k / catalog size.
 * Per-visitor values are averaged over visitors with at least one relevant item.
 */

/** One visitor's ranked list and the items that turned out relevant. */
export type RankingCase<T> = { ranked: readonly T[]; relevant: ReadonlySet<T> }

/** Averages over the evaluated visitors. */
export type RankingMetrics = {
  ndcg: number
  precision: number
  recall: number
  map: number
  coverage: number
  /** Number of visitors averaged over. */
  users: number
}

/** Hits among the first k. */
function hits<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  let count = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i] as T)) count++
  return count
}

/** precision@k = hits in the top k / k. */
export function precisionAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  return k > 0 ? hits(ranked, relevant, k) / k : 0
}

/** recall@k = hits in the top k / number of relevant items (0 when none are relevant). */
export function recallAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  return relevant.size > 0 ? hits(ranked, relevant, k) / relevant.size : 0
}

/** NDCG@k with binary gains. */
export function ndcgAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  let dcg = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (relevant.has(ranked[i] as T)) dcg += 1 / Math.log2(i + 2)
  }
  let ideal = 0
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2)
  return ideal > 0 ? dcg / ideal : 0
}

/** AP@k: mean of precision at each hit position, over min(k, |relevant|). */
export function averagePrecisionAtK<T>(
  ranked: readonly T[],
  relevant: ReadonlySet<T>,
  k: number,
): number {
  let found = 0
  let sum = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (relevant.has(ranked[i] as T)) sum += ++found / (i + 1)
  }
  const denominator = Math.min(k, relevant.size)
  return denominator > 0 ? sum / denominator : 0
}

/**
 * Averages the metrics over cases with at least one relevant item.
 *
 * @example
 * evaluateRankings([{ ranked: ['a', 'b'], relevant: new Set(['b']) }], 2, 10)
 * // { ndcg: 0.63, precision: 0.5, recall: 1, map: 0.5, coverage: 0.2, users: 1 }
 */
export function evaluateRankings<T>(
  cases: Iterable<RankingCase<T>>,
  k: number,
  catalogSize: number,
): RankingMetrics {
  const shown = new Set<T>()
  const total = { ndcg: 0, precision: 0, recall: 0, map: 0 }
  let users = 0
  for (const { ranked, relevant } of cases) {
    if (relevant.size === 0) continue
    users++
    const top = ranked.slice(0, k)
    for (const item of top) shown.add(item)
    total.ndcg += ndcgAtK(top, relevant, k)
    total.precision += precisionAtK(top, relevant, k)
    total.recall += recallAtK(top, relevant, k)
    total.map += averagePrecisionAtK(top, relevant, k)
  }
  const mean = (x: number): number => (users > 0 ? x / users : 0)
  return {
    ndcg: mean(total.ndcg),
    precision: mean(total.precision),
    recall: mean(total.recall),
    map: mean(total.map),
    coverage: catalogSize > 0 ? shown.size / catalogSize : 0,
    users,
  }
}
