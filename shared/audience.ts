/**
 * Experiment audiences: which visitors an experiment includes, by the traits edgelift knows of
 * them when they first meet it. Wire types and constant lists only, shared by the Worker (which
 * validates and applies them) and the dashboard (which edits and shows them).
 */

/** The purchase-intent bands an audience may name, lowest first. */
export const AUDIENCE_BANDS = ['low', 'medium', 'high'] as const
export type AudienceBand = (typeof AUDIENCE_BANDS)[number]

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
  intentBands?: AudienceBand[]
  devices?: Device[]
  visitors?: VisitorKind
  sources?: TrafficSourceKind[]
}

/**
 * What edgelift knows of a visitor when they first meet an experiment, stored with the decision
 * so it sticks. `intentBand` is null while the visitor's intent cannot be scored yet.
 */
export type VisitorTraits = {
  intentBand: AudienceBand | null
  device: Device
  visitor: VisitorKind
  source: TrafficSourceKind
}

/** The dimensions results can be broken down by. */
export const BREAKDOWNS = ['intent', 'device'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]
