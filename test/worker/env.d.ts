declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
    /** The second site database of the workerd suites (vitest.config.ts). */
    DB_2: D1Database
  }
}
