/**
 * What an import answers: rows imported and already there, and the lines it skipped, each counted
 * by reason and the first MAX_LISTED listed with their line number. Both import paths
 * (import-history.ts, import-archive.ts) report through it.
 */

/** Skipped lines listed one by one; the rest are only counted. */
const MAX_LISTED = 1000

export type ImportResult = {
  imported: number
  duplicates: number
  skipped: { line: number; reason: string }[]
  /** Skipped lines in all; `skipped` lists the first MAX_LISTED. */
  skippedCount: number
  /** Every skipped line counted by reason. */
  skippedByReason: Record<string, number>
}

/** An empty report, and the one way to record a skipped line in it. */
export function importReport(): {
  result: ImportResult
  skip: (line: number, reason: string) => void
} {
  const result: ImportResult = {
    imported: 0,
    duplicates: 0,
    skipped: [],
    skippedCount: 0,
    skippedByReason: {},
  }
  const skip = (line: number, reason: string) => {
    result.skippedCount++
    result.skippedByReason[reason] = (result.skippedByReason[reason] ?? 0) + 1
    if (result.skipped.length < MAX_LISTED) result.skipped.push({ line, reason })
  }
  return { result, skip }
}
