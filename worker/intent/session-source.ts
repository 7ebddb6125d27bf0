/**
 * The two ways intent serving and training receive sessions, as the types of session-features.ts:
 * taken as parameters so the model side can also be run on sessions built directly (tests, the
 * benchmark).
 */
import type { currentSessionFeatures, labelledSessions } from './session-features.ts'

export type { LabelledSession as LabelledSiteSession } from './session-features.ts'
export type { RequestContext as SessionContext } from './session-features.ts'

/** The features of the visitor's session open at `now`, or null when they have none. */
export type CurrentSessionFeatures = typeof currentSessionFeatures

/** The site's ended sessions between two times, with their outcome. */
export type LabelledSessions = typeof labelledSessions
