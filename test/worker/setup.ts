// Applies the D1 migrations (the same files `wrangler d1 migrations apply` uses) before the suites.
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
