// Test projects: pure modules in Node, the Worker inside workerd (with D1), the widget in happy-dom.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { freePort } from './bench/lib/dev-server.ts'

// The loopback DNS-over-HTTPS resolver of the workerd suites (test/support/doh-server.ts): its
// port is chosen here, since the Worker's variables are fixed before the global setup runs.
process.env.EDGELIFT_TEST_DOH_PORT ??= String(await freePort())
const TEST_DOH_URL = `http://127.0.0.1:${process.env.EDGELIFT_TEST_DOH_PORT}/dns-query`

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // test/build: what `npm run build` ships; test/cli: the Node CLIs that need no server
          // (both type-checked with node types, tsconfig.e2e.json).
          include: ['test/unit/**/*.test.ts', 'test/build/**/*.test.ts', 'test/cli/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
          // Property tests and CLI runs (a Node start is about 2 s on two busy cores) pass 5 s
          // when CI shares the cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One wrangler dev and one browser at a time, after the other projects: on two cores,
          // the workerd tests running alongside slowed /v1/assign past the widget's 1 s wait.
          // Vitest runs a one-worker project of group 0 in its sequential group, after the
          // numbered groups, so the other projects are group 1 (measured: e2e starts last).
          fileParallelism: false,
          sequence: { groupOrder: 0 },
          // A page's first render waits on wrangler dev and the browser sharing two busy cores:
          // vitest's default 1 s poll budget was met locally and missed in CI (measured there).
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        test: {
          name: 'widget',
          include: ['test/widget/**/*.test.ts', 'test/widget/**/*.test.tsx'],
          environment: 'happy-dom',
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // A second database beside wrangler.toml's DB: sites on either (db/site-databases.ts).
              d1Databases: { DB: 'edgelift', DB_2: 'edgelift-2' },
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('migrations'),
                // The dashboard and API's hostname in the workerd suites (test/worker/support/api.ts).
                EDGELIFT_HOSTNAMES: 'edge.test',
                HOSTNAME_DOH_URL: TEST_DOH_URL,
                // Alert tests post to a receiver on loopback (test/support/alert-receiver.ts).
                ALERTS_ALLOW_LOOPBACK: 'on',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['test/worker/setup.ts'],
          globalSetup: ['test/support/origin-global-setup.ts'],
          sequence: { groupOrder: 1 },
          // Each test sends several requests through one workerd, on two cores shared with the
          // unit and widget projects: in CI a five-request test ran past vitest's default 5 s.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
})
