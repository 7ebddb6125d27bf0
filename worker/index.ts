/**
 * edgelift's Worker: assembles the public API (site public key), the admin API (secret admin key)
 * and the error envelope. Routes are thin; the domain modules they call know nothing about HTTP.
 */
import { Hono } from 'hono'
import type { AppEnv } from './app-env.ts'
import { boundDatabases } from './db/site-databases.ts'
import { updateDueBandits } from './experiments/bandit-schedule.ts'
import { archiveExpiredEvents } from './events/scheduled-archive.ts'
import { trainChangedSites } from './recs/train/scheduled-training.ts'
import { workerTrainingLimit } from './recs/serve/online-config.ts'
import { envelope, onError } from './http/on-error.ts'
import { refuseSecretInUrl, requireAdminKey, withDatabase } from './middleware/auth.ts'
import { answerPreflight } from './middleware/cors.ts'
import { adminChain } from './middleware/admin-chain.ts'
import { publicChain } from './middleware/public-chain.ts'
import { adminBehaviourRoute } from './routes/admin/behaviour.ts'
import { adminCatalogRoute } from './routes/admin/catalog.ts'
import { adminHealthRoute } from './routes/admin/health.ts'
import { adminIntentRoute } from './routes/admin/intent.ts'
import { adminProxyRoute } from './routes/admin/proxy.ts'
import { adminRecsRoute } from './routes/admin/recs.ts'
import { adminRecsRulesRoute } from './routes/admin/recs-rules.ts'
import { adminSiteRoute } from './routes/admin/site.ts'
import { adminTeamRoute } from './routes/admin/team.ts'
import { adminShopifyRoute } from './routes/admin/shopify.ts'
import { adminExportsRoute } from './routes/admin/exports.ts'
import { adminAlertsRoute } from './routes/admin/alerts.ts'
import { watchSites } from './alerts/watch.ts'
import { loopbackAllowed } from './alerts/alert-settings.ts'
import { adminExperimentsRoute } from './routes/admin/experiments.ts'
import { adminResultsRoute } from './routes/admin/results.ts'
import { adminSampleSizeRoute } from './routes/admin/sample-size.ts'
import { adminImportHistoryRoute } from './routes/admin/import-history.ts'
import { assignRoute } from './routes/assign.ts'
import { eventsRoute } from './routes/events.ts'
import { intentRoute } from './routes/intent.ts'
import { recsRoute } from './routes/recs.ts'
import { visitorsRoute } from './routes/visitors.ts'
import { webhooksRoute } from './routes/webhooks.ts'
import { openApiRoute } from './routes/openapi.ts'
import { benchRoutes } from './routes/bench.ts'
import { demoRoutes } from './demo/demo-routes.ts'
import { dashboardHostsOnly, edgeProxy, withDashboardPolicy } from './edge/edge-middleware.ts'
import { dohResolver } from './edge/hostname-proof.ts'
import { recheckHostnames } from './edge/hostname-verification.ts'
import { intentSgdOptions } from './intent/online-config.ts'
import { runIntentCron } from './intent/scheduled-intent.ts'
import { labelledSessions } from './intent/session-features.ts'

/** wrangler.toml's frequent crons; every other cron is the nightly one. */
const INTENT_LEARNING_CRON = '*/15 * * * *'
/** Bandit updates due: each bandit keeps its own `updateHours` within this cadence. */
const BANDIT_CRON = '*/5 * * * *'

const adminApi = new Hono<AppEnv>()
  .use(requireAdminKey, adminChain)
  .route('/', adminExperimentsRoute)
  .route('/', adminResultsRoute)
  .route('/', adminSampleSizeRoute)
  .route('/', adminCatalogRoute)
  .route('/', adminSiteRoute)
  .route('/', adminRecsRoute)
  .route('/', adminImportHistoryRoute)
  .route('/', adminRecsRulesRoute)
  .route('/', adminProxyRoute)
  .route('/', adminTeamRoute)
  .route('/', adminHealthRoute)
  .route('/', adminBehaviourRoute)
  .route('/', adminIntentRoute)
  .route('/', adminShopifyRoute)
  .route('/', adminExportsRoute)
  .route('/', adminAlertsRoute)

export const app = new Hono<AppEnv>()
  .use(withDatabase)
  // Store pages behind the proxy are the merchant's, not ours: they pass before any API rule.
  .use(edgeProxy)
  .use(refuseSecretInUrl)
  .get('/v1/health', (c) => c.json({ ok: true }))
  .route('/', openApiRoute)
  .route('/', demoRoutes)
  .route('/', benchRoutes)
  .route('/v1/admin', adminApi)
  // Server to server, signed by Shopify: no browser origin or public rate limit applies.
  .route('/', webhooksRoute)
  .use('/v1/*', answerPreflight)
  .route('/', visitorsRoute)
  .use('/v1/assign', publicChain)
  .use('/v1/events', publicChain)
  .use('/v1/recs', publicChain)
  .use('/v1/intent', publicChain)
  .route('/', assignRoute)
  .route('/', eventsRoute)
  .route('/', recsRoute)
  .route('/', intentRoute)
  // The dashboard, on edgelift's own hostnames only (wrangler.toml runs the Worker first for
  // /admin). Its pages are client-routed: any /admin path that is not a file gets the shell.
  .use('/admin', dashboardHostsOnly)
  .use('/admin/*', dashboardHostsOnly)
  .get('/admin/*', async (c) => {
    const file = await c.env.ASSETS.fetch(c.req.raw)
    const page =
      file.status === 404 ? await c.env.ASSETS.fetch(new URL('/admin/', c.req.url)) : file
    return withDashboardPolicy(page)
  })

app.onError(onError)
app.notFound((c) =>
  c.json(envelope('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404),
)

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const now = Date.now()
    // Every database's sites, each database's jobs side by side (db/site-databases.ts).
    for (const { binding, db } of boundDatabases(env)) {
      const log = (what: string) => (report: unknown) => console.log(what, binding, report)
      if (controller.cron === BANDIT_CRON) {
        ctx.waitUntil(updateDueBandits(db, now).then(log('bandit updates')))
        continue
      }
      // Every 15 minutes the intent model learns from ended sessions; nightly it also retrains.
      const nightly = controller.cron !== INTENT_LEARNING_CRON
      const sgd = intentSgdOptions(env)
      ctx.waitUntil(
        runIntentCron(db, { sgd, sessions: labelledSessions, train: nightly }).then(
          log('scheduled intent'),
        ),
      )
      if (!nightly) continue
      const training = trainChangedSites(db, workerTrainingLimit(env)).then(
        log('scheduled training'),
      )
      ctx.waitUntil(training)
      // After training, so a run that failed in this invocation is told of in it.
      ctx.waitUntil(
        training
          .then(() => watchSites(db, { now, allowLoopback: loopbackAllowed(env) }))
          .then(log('alerts')),
      )
      ctx.waitUntil(archiveExpiredEvents(db, env.ARCHIVE, now).then(log('events archived')))
      ctx.waitUntil(
        recheckHostnames(db, dohResolver(env.HOSTNAME_DOH_URL), now).then(
          log('hostname proofs re-checked'),
        ),
      )
    }
  },
} satisfies ExportedHandler<Env>
