/**
 * What `POST /v1/admin/import/events` reads: events as sent (`ndjson`), the UCI Online Retail CSV,
 * and objects of the R2 event archive (`archive`, stored rows). Apart so the Node CLI names them
 * without type-checking the Worker's import code.
 */
export const IMPORT_FORMATS = ['ndjson', 'online-retail', 'archive'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
