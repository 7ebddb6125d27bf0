/**
 * Experiment audiences: which visitors an experiment includes, by the traits edgelift knows of
 * them when they first meet it. Wire types and constant lists only, shared by the Worker (which
 * validates and applies them) and the dashboard (which edits and shows them).
 */

import type { IntentBand } from './api-types.ts'

export const DEVICES = ['mobile', 'tablet', 'desktop'] as const
export type Device = (typeof DEVICES)[number]

export const VISITOR_KINDS = ['new', 'returning'] as const
export type VisitorKind = (typeof VISITOR_KINDS)[number]

export const TRAFFIC_SOURCES = ['direct', 'search', 'social', 'email', 'paid', 'referral'] as const
export type TrafficSourceKind = (typeof TRAFFIC_SOURCES)[number]

/**
 * Who an experiment includes; every listed condition must hold, and a missing one includes
 * everybody. `null` on an experiment means no audience: every visitor.
 * @example { intentBands: ['medium'], devices: ['mobile'] } // hesitant shoppers on phones
 */
export type Audience = {
  intentBands?: IntentBand[]
  devices?: Device[]
  visitors?: VisitorKind
  sources?: TrafficSourceKind[]
}

/**
 * What edgelift knows of a visitor when they first meet an experiment, stored with the decision
 * so it sticks. `intentBand` is null while the visitor's intent cannot be scored yet, `source`
 * while no page of their session is stored (the first page's view is still on its way).
 */
export type VisitorTraits = {
  intentBand: IntentBand | null
  device: Device
  visitor: VisitorKind
  source: TrafficSourceKind | null
}

/** The dimensions results can be broken down by. */
export const BREAKDOWNS = ['intent', 'device'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/** One variation's conversion figures within a breakdown cell, with the cell's own intervals. */
export type BreakdownVariation = {
  key: string
  visitors: number
  conversions: number
  rate: number | null
  rateCI: [number, number] | null
  /** Against the control in the same cell; null for the control and where undefined. */
  lift: number | null
  liftCI: [number, number] | null
  pValue: number | null
}

/**
 * `breakdown` of `GET /v1/admin/experiments/{key}/results?breakdown=intent|device`: the phase's
 * visitors split by the trait they were assigned with. `unknown` holds visitors assigned without
 * that trait (exposures recorded by the edge proxy; intent not yet scored).
 */
export type ResultsBreakdown = {
  by: Breakdown
  cells: { cell: string; variations: BreakdownVariation[] }[]
}
