// ml-cart and ml-logistic-regression ship no types; these are the parts the intent baselines
// (scripts/lib/intent-baselines.ts) use, as their sources define them.
declare module 'ml-cart' {
  import type { Matrix } from 'ml-matrix'
  export type CartOptions = { gainFunction?: 'gini'; minNumSamples?: number; maxDepth?: number }
  type CartNode = { classify(row: number[]): Matrix }
  export class DecisionTreeClassifier {
    constructor(options?: CartOptions)
    root: CartNode
    train(x: number[][], y: number[]): void
  }
}

declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix'
  /** One-vs-all: the classifier of class i answers the chance of "not i". */
  type TwoClasses = { testScores(x: Matrix): number[] }
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number })
    classifiers: TwoClasses[]
    train(x: Matrix, y: Matrix): void
  }
}
