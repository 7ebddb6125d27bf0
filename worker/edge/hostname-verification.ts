/**
 * Which store hostname claims are proven, checking them, and re-checking them on a schedule.
 * A claim serves (proxy-site.ts) only while proven. A proof that fails keeps serving through
 * PROOF_FAILURES_ALLOWED - 1 failed re-checks in a row (a resolver's bad day must not take a store
 * down) and stops at the next. Proving a name for one site ends any other site's proof of it in
 * the same batch: whoever runs the name's DNS has just chosen.
 */
import { sql } from 'drizzle-orm'
import type { HostnameProof } from '../../shared/api-types.ts'
import { batch, type Database, type Statement } from '../db/database.ts'
import { proofRecordName, proofToken, type TxtResolver } from './hostname-proof.ts'
import { forgetProxySites } from './proxy-site.ts'

export const PROOF_FAILURES_ALLOWED = 3
/** Proven names are checked again after this long (the cron runs daily). */
const RECHECK_AFTER_MS = 20 * 3600_000
/** Claims the cron re-checks in one run at most: each is one DNS look-up. */
const RECHECKS_PER_RUN = 200

type ClaimRow = {
  hostname: string
  site_id: string
  verified_at: number | null
  checked_at: number | null
  check_error: string | null
}

/** Every hostname the site claims, with its proof's state and the record that would prove it. */
export async function hostnameProofs(db: Database, siteId: string): Promise<HostnameProof[]> {
  const rows = await db.all<ClaimRow>(sql`
    SELECT hostname, site_id, verified_at, checked_at, check_error FROM site_hostnames
    WHERE site_id = ${siteId} ORDER BY hostname`)
  const value = await proofToken(siteId)
  return rows.map((row) => ({
    hostname: row.hostname,
    record: { name: proofRecordName(row.hostname), value },
    verified: row.verified_at !== null,
    verifiedAt: row.verified_at,
    checkedAt: row.checked_at,
    error: row.check_error,
  }))
}

/** Checks every hostname the site claims now (the dashboard's "Check now"), and records it. */
export async function proveSiteHostnames(
  db: Database,
  resolve: TxtResolver,
  siteId: string,
  now: number,
): Promise<HostnameProof[]> {
  const rows = await db.all<ClaimRow>(sql`
    SELECT hostname, site_id, verified_at, checked_at, check_error FROM site_hostnames
    WHERE site_id = ${siteId}`)
  await recordChecks(db, await Promise.all(rows.map((row) => check(resolve, row))), now)
  return hostnameProofs(db, siteId)
}

/** The cron's pass: claims not checked for a day, proven ones first, at most RECHECKS_PER_RUN. */
export async function recheckHostnames(
  db: Database,
  resolve: TxtResolver,
  now: number,
): Promise<{ checked: number; proven: number }> {
  const rows = await db.all<ClaimRow>(sql`
    SELECT hostname, site_id, verified_at, checked_at, check_error FROM site_hostnames
    WHERE checked_at IS NULL OR checked_at < ${now - RECHECK_AFTER_MS}
    ORDER BY verified_at IS NULL, checked_at LIMIT ${RECHECKS_PER_RUN}`)
  const results = await Promise.all(rows.map((row) => check(resolve, row)))
  await recordChecks(db, results, now)
  return { checked: results.length, proven: results.filter((r) => r.error === null).length }
}

/**
 * Marks the site's claims of `hostnames` proven without DNS: for the operator's own tools (the
 * `npm run proxy` CLI on its machine, with the database in hand), never for an API caller.
 */
export async function proveByOperator(
  db: Database,
  siteId: string,
  hostnames: readonly string[],
  now: number,
): Promise<void> {
  await recordChecks(
    db,
    hostnames.map((hostname) => ({ hostname, siteId, error: null })),
    now,
  )
}

type CheckResult = { hostname: string; siteId: string; error: string | null }

async function check(resolve: TxtResolver, row: ClaimRow): Promise<CheckResult> {
  const name = proofRecordName(row.hostname)
  const expected = await proofToken(row.site_id)
  try {
    const texts = await resolve(name)
    const error = texts.includes(expected)
      ? null
      : texts.length === 0
        ? `No TXT record ${name} was found.`
        : `The TXT record ${name} does not hold ${expected}.`
    return { hostname: row.hostname, siteId: row.site_id, error }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return {
      hostname: row.hostname,
      siteId: row.site_id,
      error: `The DNS look-up failed: ${reason}`,
    }
  }
}

async function recordChecks(db: Database, results: CheckResult[], now: number): Promise<void> {
  if (results.length === 0) return
  const statements: Statement[] = []
  for (const { hostname, siteId, error } of results) {
    if (error === null) {
      statements.push(
        sql`UPDATE site_hostnames SET verified_at = NULL,
          check_error = 'Another site proved this hostname.'
          WHERE hostname = ${hostname} AND site_id <> ${siteId} AND verified_at IS NOT NULL`,
        sql`UPDATE site_hostnames SET verified_at = ${now}, checked_at = ${now},
          check_error = NULL, failed_checks = 0
          WHERE hostname = ${hostname} AND site_id = ${siteId}`,
      )
    } else {
      statements.push(sql`UPDATE site_hostnames SET checked_at = ${now}, check_error = ${error},
        failed_checks = failed_checks + 1,
        verified_at = CASE WHEN failed_checks + 1 >= ${PROOF_FAILURES_ALLOWED}
          THEN NULL ELSE verified_at END
        WHERE hostname = ${hostname} AND site_id = ${siteId}`)
    }
  }
  try {
    await batch(db, statements)
  } finally {
    forgetProxySites()
  }
}
