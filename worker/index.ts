/**
 * edgelift's Worker: assembles the public API (site public key), the admin API (secret admin key)
 * and the error envelope. Routes are thin; the domain modules they call know nothing about HTTP.
 */
import { Hono } from 'hono'
import { runScheduledJobs } from './scheduled-jobs.ts'
import type { AppEnv } from './app-env.ts'
import { envelope, onError } from './http/on-error.ts'
import { refuseSecretInUrl, requireAdminKey, withDatabase } from './middleware/auth.ts'
import { answerPreflight, readableRefusals } from './middleware/cors.ts'
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
  .use('/v1/events', readableRefusals, publicChain)
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
    ctx.waitUntil(runScheduledJobs(controller.cron, env, Date.now()))
  },
} satisfies ExportedHandler<Env>
