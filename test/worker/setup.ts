// Applies the D1 migrations (the same files `wrangler d1 migrations apply` uses) before the suites,
// to both databases sites live on in the tests (vitest.config.ts).
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
await applyD1Migrations(env.DB_2, env.TEST_MIGRATIONS)
