/**
 * Quality of probability forecasts of a binary outcome, defined as scikit-learn defines them
 * (roc_auc_score, average_precision_score, log_loss, brier_score_loss) so edgelift's figures and
 * the reference table compare like with like; test/unit/intent/metrics.test.ts checks them
 * against scikit-learn's own values. In-house: none of the mljs packages the project uses
 * (ml-matrix, ml-cart, ml-random-forest, ml-logistic-regression) scores probability forecasts.
 */

export type ForecastQuality = { auc: number; ap: number; logloss: number; brier: number }

/** Indices of `p` by descending score. */
function byScore(p: ArrayLike<number>): Uint32Array {
  return Uint32Array.from({ length: p.length }, (_, i) => i).sort(
    (a, b) => (p[b] as number) - (p[a] as number),
  )
}

/**
 * Area under the ROC curve: the chance that a random buyer outscores a random non-buyer, ties
 * counting half. NaN without both outcomes.
 */
export function rocAuc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const order = byScore(p)
  let positives = 0
  let negatives = 0
  let pairs = 0
  for (let i = 0; i < order.length;) {
    // A group of tied scores: its buyers beat every non-buyer below and tie with those inside.
    let j = i
    let groupPos = 0
    let groupNeg = 0
    while (j < order.length && p[order[j] as number] === p[order[i] as number]) {
      if (y[order[j] as number] === 1) groupPos++
      else groupNeg++
      j++
    }
    pairs += groupNeg * positives + (groupNeg * groupPos) / 2
    positives += groupPos
    negatives += groupNeg
    i = j
  }
  return positives && negatives ? pairs / (positives * negatives) : Number.NaN
}

/**
 * Average precision: the precision at each distinct score threshold, weighted by the recall
 * it adds (scikit-learn's step-wise sum, no interpolation). NaN without a buyer.
 */
export function averagePrecision(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const order = byScore(p)
  let total = 0
  for (let i = 0; i < y.length; i++) total += y[i] === 1 ? 1 : 0
  if (total === 0) return Number.NaN
  let hits = 0
  let seen = 0
  let sum = 0
  for (let i = 0; i < order.length;) {
    let j = i
    let groupHits = 0
    while (j < order.length && p[order[j] as number] === p[order[i] as number]) {
      if (y[order[j] as number] === 1) groupHits++
      j++
    }
    seen += j - i
    hits += groupHits
    sum += (groupHits / total) * (hits / seen)
    i = j
  }
  return sum
}

/** Mean negative log-likelihood, with probabilities clipped to [1e-15, 1 - 1e-15]. */
export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i] as number))
    sum -= y[i] === 1 ? Math.log(q) : Math.log(1 - q)
  }
  return sum / y.length
}

/** Mean squared difference between probability and outcome. */
export function brierScore(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < y.length; i++) sum += ((p[i] as number) - (y[i] === 1 ? 1 : 0)) ** 2
  return sum / y.length
}

/** All four, for a report. */
export function forecastQuality(y: ArrayLike<number>, p: ArrayLike<number>): ForecastQuality {
  return {
    auc: rocAuc(y, p),
    ap: averagePrecision(y, p),
    logloss: logLoss(y, p),
    brier: brierScore(y, p),
  }
}
