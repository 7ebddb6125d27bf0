/**
 * The identifier rules of the public contract (docs/api.md, "Identifiers"), shared by the Worker's
 * validation and the widget so both refuse the same things.
 */

/** 1-128 printable ASCII characters without spaces: a merchant's user id or edgelift's own. */
export const VISITOR_ID = /^[\x21-\x7e]{1,128}$/

/** Experiment, variation and item keys. */
export const KEY = /^[A-Za-z0-9_.:-]{1,64}$/

/** Client-made event ids: the idempotency key of exactly-once ingestion. */
export const EVENT_ID = /^[A-Za-z0-9_-]{8,64}$/

/** The random visitor id edgelift makes: 128 bits as 32 lower-case hex digits. */
export const RANDOM_VISITOR_ID = /^[0-9a-f]{32}$/
