/**
 * What alerts watch, and the entry points that look: `noteResults` after a results read,
 * `noteBanditRecommendation` for a bandit's stopping recommendation alone (a results read and
 * the cron see it in the bandit's results), and `watchSites` from the cron, which looks at every
 * running experiment and the training state of each site with receivers, then sends what is
 * queued (so a failed delivery is retried by the next cron).
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

/** Experiments the cron looks at per site; the rest wait for a results read or the next run. */
const CRON_EXPERIMENTS = 20
/** Sites the cron looks at per run. */
const CRON_SITES = 100

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

/** The cron's look at every site with receivers; answers what it sent. */
export async function watchSites(db: Database, options: AlertOptions) {
  const sites = await db.all<AlertSite>(sql`
    SELECT id, name, currency FROM sites WHERE alerts <> '[]' ORDER BY id LIMIT ${CRON_SITES}`)
  const report: { siteId: string; delivered: number; failed: number }[] = []
  for (const site of sites) {
    try {
      const observations: Observation[] = [await trainingObservation(db, site, options.now)]
      for (const exp of (await runningExperiments(db, site.id)).slice(0, CRON_EXPERIMENTS)) {
        const results = await currentResults(db, site, exp, options.now)
        if (results) observations.push(...resultsObservations(site, results, options.now))
      }
      const sent = await noteAndSend(db, site, observations, options)
      if (sent) report.push({ siteId: site.id, ...sent })
    } catch (err) {
      console.error('alerts: site not watched', site.id, err)
    }
  }
  return report
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
