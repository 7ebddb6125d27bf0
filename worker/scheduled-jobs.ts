/**
 * What each cron trigger of wrangler.toml runs, on every bound site database
 * (db/site-databases.ts): bandit updates every 5 minutes; the intent model's online learning and
 * alerts every 15; nightly, intent and recommendation training, alerts, the event archive and
 * hostname proofs.
 * Recommendation training is CPU work, so the databases train one after another within one
 * budget for the invocation; the lighter jobs run side by side.
 */
import { loopbackAllowed } from './alerts/alert-settings.ts'
import { watchSites } from './alerts/watch.ts'
import type { Database } from './db/database.ts'
import { boundDatabases } from './db/site-databases.ts'
import { BANDIT_CRON, INTENT_LEARNING_CRON } from './cron-triggers.ts'
import { dohResolver } from './edge/hostname-proof.ts'
import { recheckHostnames } from './edge/hostname-verification.ts'
import { archiveExpiredEvents } from './events/scheduled-archive.ts'
import { updateDueBandits } from './experiments/bandit-schedule.ts'
import { intentSgdOptions } from './intent/online-config.ts'
import { runIntentCron } from './intent/scheduled-intent.ts'
import { labelledSessions } from './intent/session-features.ts'
import { workerTrainingLimit } from './recs/serve/online-config.ts'
import { CRON_TRAINING_BUDGET_MS, trainChangedSites } from './recs/train/scheduled-training.ts'

type Job = { name: string; binding: string; run: () => Promise<unknown> }

/** Runs the cron's jobs; one that fails is logged and never stops the others. */
export async function runScheduledJobs(cron: string, env: Env, now: number): Promise<void> {
  const databases = boundDatabases(env)
  const jobs = databases.flatMap(({ binding, db }) => jobsOf(cron, env, binding, db, now))
  const training =
    cron === BANDIT_CRON || cron === INTENT_LEARNING_CRON
      ? Promise.resolve()
      : trainThenWatch(databases, env, now)
  await Promise.all([...jobs.map(logged), training])
}

function jobsOf(cron: string, env: Env, binding: string, db: Database, now: number): Job[] {
  if (cron === BANDIT_CRON) {
    return [{ name: 'bandit updates', binding, run: () => updateDueBandits(db, now) }]
  }
  // Every 15 minutes the intent model learns from ended sessions; nightly it also retrains.
  const nightly = cron !== INTENT_LEARNING_CRON
  const intent: Job = {
    name: 'scheduled intent',
    binding,
    run: () =>
      runIntentCron(db, { sgd: intentSgdOptions(env), sessions: labelledSessions, train: nightly }),
  }
  // Alerts are looked for every 15 minutes, and nightly after training (trainThenWatch).
  if (!nightly) return [intent, alertsJob(env, binding, db, now)]
  return [
    intent,
    { name: 'events archived', binding, run: () => archiveExpiredEvents(db, env.ARCHIVE, now) },
    {
      name: 'hostname proofs re-checked',
      binding,
      run: () => recheckHostnames(db, dohResolver(env.HOSTNAME_DOH_URL), now),
    },
  ]
}

/**
 * Recommendation training, one database after another in what is left of the budget, each
 * followed by its alerts (so a run that failed in this invocation is told of in it), whether or
 * not its training ran.
 */
async function trainThenWatch(
  databases: readonly { binding: string; db: Database }[],
  env: Env,
  now: number,
): Promise<void> {
  const started = Date.now()
  for (const { binding, db } of databases) {
    const budgetMs = Math.max(0, CRON_TRAINING_BUDGET_MS - (Date.now() - started))
    await logged({
      name: 'scheduled training',
      binding,
      run: () => trainChangedSites(db, workerTrainingLimit(env), { budgetMs }),
    })
    await logged(alertsJob(env, binding, db, now))
  }
}

function alertsJob(env: Env, binding: string, db: Database, now: number): Job {
  return {
    name: 'alerts',
    binding,
    run: () => watchSites(db, { now, allowLoopback: loopbackAllowed(env) }),
  }
}

async function logged(job: Job): Promise<void> {
  try {
    console.log(job.name, job.binding, await job.run())
  } catch (err) {
    console.error(`${job.name} failed`, job.binding, err)
  }
}
