/**
 * Shared shapes of the recommendation modules: what goes in (interactions) and what comes out
 * (scored item lists). Plain data only, so the same values cross D1, JSON and the CLI unchanged.
 */

/** The behavioural events that feed recommendations, weakest signal first. */
export type InteractionType = 'view' | 'click' | 'add_to_cart' | 'purchase'

/** All interaction types, in the order of `InteractionType`. */
export const INTERACTION_TYPES: readonly InteractionType[] = [
  'view',
  'click',
  'add_to_cart',
  'purchase',
]

/** One thing a visitor did with an item. `at` is epoch milliseconds. */
export type Interaction = {
  visitorId: string
  itemId: string
  type: InteractionType
  at: number
  /** Units bought; informative only (bulk buyers would otherwise dominate the matrix). */
  quantity?: number
}

/** An item with the score that ranked it; higher is better. */
export type ScoredItem = { itemId: string; score: number }

/** An item index with its score, before indices are mapped back to item ids. */
export type ScoredIndex = { index: number; score: number }

/** Progress of a long batch job, for logs and the admin status route. */
export type Progress = { stage: string; done: number; total: number }

/** Receives progress reports; must be cheap, it is called inside hot loops' outer level. */
export type ProgressCallback = (progress: Progress) => void
