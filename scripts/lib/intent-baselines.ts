/// <reference path="../ml-modules.d.ts" />
/**
 * The purchase-intent evaluation's baselines, from the mljs family as the issue asks: logistic
 * regression (ml-logistic-regression, on standardised features with an intercept column, since it
 * fits neither itself) and a CART decision tree (ml-cart, its leaf class shares as probabilities).
 * Neither is tuned on the test months: the logistic fit has no setting but its step count, and
 * the tree takes the settings scikit-learn's CV chose inside Feb-Jul. Only the data set's columns are used: edgelift's extra features are
 * absent from it, and neither library takes a missing value.
 */
import { DecisionTreeClassifier } from 'ml-cart'
import LogisticRegression from 'ml-logistic-regression'
import { Matrix } from 'ml-matrix'
import { DATASET_FEATURES, featureVector } from '../../worker/intent/features.ts'
import type { LabelledSession } from '../../worker/intent/online-shoppers-csv.ts'

/** Trains on `train` and returns a function giving each test session's purchase probability. */
export type Baseline = (train: LabelledSession[]) => (test: LabelledSession[]) => number[]

const WIDTH = DATASET_FEATURES.length

function rowsOf(rows: LabelledSession[]): number[][] {
  return rows.map((r) => Array.from(featureVector(r.session).subarray(0, WIDTH)))
}

/** Gradient-descent steps of the logistic baseline (its log loss changes < 1e-4 past them). */
export const LOGISTIC_STEPS = 300

export const logisticBaseline: Baseline = (train) => {
  const x = rowsOf(train)
  const mean = Array.from(
    { length: WIDTH },
    (_, j) => x.reduce((s, r) => s + (r[j] ?? 0), 0) / x.length,
  )
  const sd = mean.map((m, j) => {
    const v = x.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / x.length
    return v > 0 ? Math.sqrt(v) : 1
  })
  const design = (rows: number[][]) =>
    new Matrix(rows.map((r) => [1, ...r.map((v, j) => (v - (mean[j] ?? 0)) / (sd[j] ?? 1))]))
  // The library sums the gradient over rows; 1/n makes each step a mean-gradient step of 1.
  const model = new LogisticRegression({ numSteps: LOGISTIC_STEPS, learningRate: 1 / x.length })
  model.train(design(x), Matrix.columnVector(train.map((r) => r.bought)))
  const notZero = model.classifiers[0]
  if (!notZero) throw new Error('logistic baseline: no classifier trained')
  return (test) => notZero.testScores(design(rowsOf(test)))
}

/**
 * The decision tree baseline with a given depth and smallest node (ml-cart's minNumSamples).
 * ml-cart re-splits every row at every candidate threshold (about a minute for one depth-5 tree
 * on Feb-Jul on this machine), too slow to cross-validate here, so its settings are the ones
 * scikit-learn's 5-fold CV inside Feb-Jul chose for its tuned tree (scripts/fixtures/intent_reference.py).
 */
export function decisionTreeBaseline(maxDepth: number, minNumSamples: number): Baseline {
  return (train) => {
    const tree = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth, minNumSamples })
    tree.train(
      rowsOf(train),
      train.map((r) => r.bought),
    )
    return (test) =>
      rowsOf(test).map((row) => {
        const distribution = tree.root.classify(row)
        // A leaf that saw only non-buyers has a one-column distribution.
        return distribution.columns > 1 ? distribution.get(0, 1) : 0
      })
  }
}

/**
 * scikit-learn's CV inside Feb-Jul chose max_depth 8 and min_samples_leaf 50 for its tuned tree
 * (test/fixtures/intent/sklearn-reference.json); ml-cart has no leaf-size floor, so its nearest
 * setting stops splitting nodes of 50 rows or fewer.
 */
export const DECISION_TREE = { maxDepth: 8, minNumSamples: 50 }
