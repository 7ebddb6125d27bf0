/**
 * What alerts watch, and the entry points that look: `noteResults` after a results read,
 * `noteBanditRecommendation` for a bandit's stopping recommendation alone (a results read and
 * the cron see it in the bandit's results), and `watchSites` from the cron, which looks at the
 * running experiments and the training state of the sites with receivers, a bounded number per
 * run in turn, then sends what is queued (so a failed delivery is retried by the next cron).
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import type { Experiment } from '../experiments/experiment.ts'
import { listPhases } from '../experiments/experiment-store.ts'
import { runningExperiments } from '../experiments/running-experiments.ts'
import { experimentResults } from '../results/experiment-results.ts'
import type { ExperimentResults } from '../../shared/results-types.ts'
import type { BanditResultsSection } from '../../shared/api-types.ts'
import type { Alert } from './alert.ts'
import { alertReceivers } from './alert-settings.ts'
import { observe, type Observation } from './alert-states.ts'
import { deliverAlerts, type DeliveryReport } from './deliver-alerts.ts'

export type AlertSite = { id: string; name: string; currency: string }
export type AlertOptions = { now: number; allowLoopback: boolean; timeoutMs?: number }
export type WatchOptions = AlertOptions & { maxSites?: number; budgetMs?: number }

/** Experiments the cron looks at per site; the rest wait for a results read or the next run. */
const CRON_EXPERIMENTS = 20
/** Sites the cron looks at per run and database at most; the next run goes on from there. */
const CRON_SITES = 500
/** The cron's time for alerts per run and database; the sites not reached wait for the next. */
const CRON_WATCH_BUDGET_MS = 60_000
const WATCH_JOB = 'alerts'

/**
 * An experiment phase's states: its sample ratio, and each treatment's sequential test or, for a
 * bandit (whose pooled rates mix its periods), its engine's stopping recommendation instead.
 */
export function resultsObservations(
  site: AlertSite,
  results: ExperimentResults & { bandit?: BanditResultsSection },
  now: number,
): Observation[] {
  const base = { siteId: site.id, siteName: site.name, experiment: results.experiment, at: now }
  const phase = results.phase
  const observations: Observation[] = []
  if (results.srm.ok !== null) {
    const failing = results.srm.ok === false
    observations.push({
      subject: `srm:${results.experiment}:${phase}`,
      state: failing ? 'failing' : 'ok',
      alert: failing
        ? alert(base, phase, {
            kind: 'srm_failed',
            message: `${results.experiment} (phase ${phase}): the split does not match its weights (sample ratio mismatch, p = ${results.srm.pValue?.toPrecision(2)}). Fix tracking before trusting its results.`,
          })
        : null,
    })
  }
  if (results.bandit) {
    const winner = results.bandit.recommendedWinner
    const reason =
      winner === null
        ? ''
        : `${winner} has been the best variation with probability ${results.bandit.stopThreshold} or more`
    observations.push(
      banditObservation(
        site,
        { experiment: results.experiment, phase, stop: winner !== null, reason },
        now,
      ),
    )
    return observations
  }
  for (const v of results.variations.slice(1)) {
    const p = v.vsControl?.sequentialPValueAdjusted
    const lift = v.vsControl?.lift
    if (p === null || p === undefined || lift === null || lift === undefined) continue
    const decided = p < results.settings.alpha
    const state = !decided ? 'open' : lift > 0 ? 'winner' : 'loser'
    const word = lift > 0 ? 'better' : 'worse'
    observations.push({
      subject: `sequential:${results.experiment}:${phase}:${v.key}`,
      state,
      alert: decided
        ? alert(base, phase, {
            kind: state === 'winner' ? 'sequential_winner' : 'sequential_loser',
            variation: v.key,
            message: `${results.experiment} (phase ${phase}): ${v.key} is ${word} than control (${(lift * 100).toFixed(1)}%, sequential p = ${p.toPrecision(2)}): safe to decide.`,
          })
        : null,
    })
  }
  return observations
}

/** After a results read: queue what changed and send it. */
export async function noteResults(
  db: Database,
  site: AlertSite,
  results: ExperimentResults & { bandit?: BanditResultsSection },
  options: AlertOptions,
): Promise<DeliveryReport | null> {
  return noteAndSend(db, site, resultsObservations(site, results, options.now), options)
}

/**
 * A bandit's stopping recommendation on its own, outside a results read (which notes it with the
 * rest): an alert goes out when it changes to "stop".
 *
 * @example
 * await noteBanditRecommendation(db, site, { experiment: 'hero', phase: 1, stop: true,
 *   reason: 'b has a 97% chance to be best' }, { now: Date.now(), allowLoopback: false })
 */
export async function noteBanditRecommendation(
  db: Database,
  site: AlertSite,
  bandit: BanditState,
  options: AlertOptions,
): Promise<DeliveryReport | null> {
  return noteAndSend(db, site, [banditObservation(site, bandit, options.now)], options)
}

type BanditState = { experiment: string; phase: number; stop: boolean; reason: string }

function banditObservation(site: AlertSite, bandit: BanditState, now: number): Observation {
  const base = { siteId: site.id, siteName: site.name, experiment: bandit.experiment, at: now }
  return {
    subject: `bandit:${bandit.experiment}:${bandit.phase}`,
    state: bandit.stop ? 'stop' : 'continue',
    alert: bandit.stop
      ? alert(base, bandit.phase, {
          kind: 'bandit_stop',
          message: `${bandit.experiment} (phase ${bandit.phase}): the bandit recommends stopping: ${bandit.reason}`,
        })
      : null,
  }
}

/** The site's training state: failed while its last run's error stands. */
export async function trainingObservation(
  db: Database,
  site: AlertSite,
  now: number,
): Promise<Observation> {
  const row = await db.get<{ last_error: string | null } | undefined>(
    sql`SELECT last_error FROM rec_status WHERE site_id = ${site.id}`,
  )
  const error = row?.last_error ?? null
  return {
    subject: 'training',
    state: error === null ? 'ok' : 'failed',
    alert:
      error === null
        ? null
        : {
            kind: 'training_failed' as const,
            siteId: site.id,
            siteName: site.name,
            message: `Training recommendations failed: ${error.slice(0, 300)}`,
            at: now,
          },
  }
}

/**
 * The cron's look at the sites with receivers, in id order from where the last run stopped and
 * round again to where it began, until `maxSites` are seen or `budgetMs` is spent; answers what
 * it sent. The next run goes on after the last site seen, so every site is reached in turn.
 */
export async function watchSites(db: Database, options: WatchOptions) {
  const started = Date.now()
  const budgetMs = options.budgetMs ?? CRON_WATCH_BUDGET_MS
  const report: { siteId: string; delivered: number; failed: number }[] = []
  let last: string | null = null
  for (const site of await sitesInTurn(db, options.maxSites ?? CRON_SITES)) {
    if (last !== null && Date.now() - started > budgetMs) break
    last = site.id
    try {
      const sent = await watchSite(db, site, options)
      if (sent) report.push({ siteId: site.id, ...sent })
    } catch (err) {
      console.error('alerts: site not watched', site.id, err)
    }
  }
  if (last !== null) {
    await db.run(sql`INSERT INTO cron_cursors (job, cursor, updated_at)
      VALUES (${WATCH_JOB}, ${last}, ${options.now})
      ON CONFLICT (job) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`)
  }
  return report
}

/** Up to `limit` sites with receivers: those after the cursor, then from the first on. */
async function sitesInTurn(db: Database, limit: number): Promise<AlertSite[]> {
  const row = await db.get<{ cursor: string } | undefined>(
    sql`SELECT cursor FROM cron_cursors WHERE job = ${WATCH_JOB}`,
  )
  const cursor = row?.cursor ?? ''
  const after = await db.all<AlertSite>(sql`SELECT id, name, currency FROM sites
    WHERE alerts <> '[]' AND id > ${cursor} ORDER BY id LIMIT ${limit}`)
  if (after.length === limit || cursor === '') return after
  const before = await db.all<AlertSite>(sql`SELECT id, name, currency FROM sites
    WHERE alerts <> '[]' AND id <= ${cursor} ORDER BY id LIMIT ${limit - after.length}`)
  return [...after, ...before]
}

/** One site's training state and running experiments, noted and sent. */
async function watchSite(db: Database, site: AlertSite, options: AlertOptions) {
  const observations: Observation[] = [await trainingObservation(db, site, options.now)]
  for (const exp of (await runningExperiments(db, site.id)).slice(0, CRON_EXPERIMENTS)) {
    const results = await currentResults(db, site, exp, options.now)
    if (results) observations.push(...resultsObservations(site, results, options.now))
  }
  return noteAndSend(db, site, observations, options)
}

async function currentResults(db: Database, site: AlertSite, exp: Experiment, now: number) {
  const phase = (await listPhases(db, site.id, exp.key)).find((p) => p.phase === exp.phase)
  return phase ? experimentResults(db, site, exp, phase, now) : null
}

async function noteAndSend(
  db: Database,
  site: AlertSite,
  observations: Observation[],
  options: AlertOptions,
): Promise<DeliveryReport | null> {
  const receivers = await alertReceivers(db, site.id, options.allowLoopback)
  if (receivers.length === 0) return null
  await observe(db, site.id, receivers, observations, options.now)
  return deliverAlerts(db, site.id, options)
}

function alert(
  base: { siteId: string; siteName: string; experiment: string; at: number },
  phase: number,
  fields: Pick<Alert, 'kind' | 'message'> & { variation?: string },
): Alert {
  return { ...base, phase, ...fields }
}
