/**
 * The purchase-intent feature vector. The first seventeen features carry the names and meanings
 * of the public Online Shoppers Purchasing Intention data set (Sakar et al. 2019), so a model
 * trained on it and one trained on a site's own sessions read the same columns; the last five are
 * what edgelift knows and Google Analytics does not. A feature the source cannot give (the five
 * extras in the public data) is absent: NaN in the vector, and the trees send it down the branch
 * training learned for missing values.
 */

/** The data set's columns, in its order. */
export const DATASET_FEATURES = [
  'Administrative',
  'Administrative_Duration',
  'Informational',
  'Informational_Duration',
  'ProductRelated',
  'ProductRelated_Duration',
  'BounceRates',
  'ExitRates',
  'PageValues',
  'SpecialDay',
  'Month',
  'OperatingSystems',
  'Browser',
  'Region',
  'TrafficType',
  'VisitorType',
  'Weekend',
] as const

/** edgelift's own behaviour features, optional (absent in the public data). */
export const EXTRA_FEATURES = [
  'AddToCarts',
  'DistinctItems',
  'RecClicks',
  'PastPurchases',
  'DaysSinceLastPurchase',
] as const

/** Every feature, in vector order. */
export const INTENT_FEATURES = [...DATASET_FEATURES, ...EXTRA_FEATURES] as const

export type IntentFeature = (typeof INTENT_FEATURES)[number]

/** The data set's visitor types, coded 0, 1, 2 in the vector. */
export const VISITOR_TYPES = ['Returning_Visitor', 'New_Visitor', 'Other'] as const
export type VisitorType = (typeof VISITOR_TYPES)[number]

type DatasetNumbers = Omit<
  Record<(typeof DATASET_FEATURES)[number], number>,
  'VisitorType' | 'Weekend'
>

/**
 * One session's features. Counts and seconds are per page kind (`Administrative` = account,
 * cart and checkout pages; `Informational` = content; `ProductRelated` = product and category);
 * `Month` is 1-12; the integer codes (OperatingSystems, Browser, Region, TrafficType) are opaque
 * categories the trees split on as numbers.
 */
export type IntentSession = DatasetNumbers & {
  VisitorType: VisitorType
  Weekend: boolean
} & Partial<Record<(typeof EXTRA_FEATURES)[number], number>>

/** Position of each feature in the vector. */
export const FEATURE_INDEX = Object.fromEntries(INTENT_FEATURES.map((name, i) => [name, i])) as {
  [K in IntentFeature]: number
}

/**
 * The session as the model reads it: one number per feature in INTENT_FEATURES order, NaN for an
 * absent optional feature or a non-finite value.
 *
 * @example
 * const x = featureVector(session)
 * x[FEATURE_INDEX.PageValues] // session.PageValues
 */
export function featureVector(session: IntentSession): Float64Array {
  const x = new Float64Array(INTENT_FEATURES.length)
  for (let i = 0; i < INTENT_FEATURES.length; i++) {
    const name = INTENT_FEATURES[i] as IntentFeature
    const raw =
      name === 'VisitorType'
        ? VISITOR_TYPES.indexOf(session.VisitorType)
        : name === 'Weekend'
          ? Number(session.Weekend)
          : session[name]
    x[i] = typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw : Number.NaN
  }
  return x
}
