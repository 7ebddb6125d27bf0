/** The logistic function: a log-odds as a probability. One place for the trees, the online layer and scoring. */
export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit))
}
