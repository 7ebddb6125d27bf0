/**
 * The Worker in workerd through Miniflare's API, without wrangler dev's local forwarding hop
 * (which alone caps a do-nothing route near 1,400 req/s on this machine, a cost production does
 * not have). It shares a `startDevServer`'s local D1 (same persistence layout), so a benchmark
 * can seed through wrangler dev and measure here. The bundle is what `wrangler deploy` uploads.
 */
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { unstable_readConfig } from 'wrangler'
import { wrangler } from '../../scripts/lib/wrangler.ts'

const BUNDLE = '.wrangler/bench/bundle'

export type WorkerdServer = { url: string; stop(): Promise<void> }

export async function startWorkerd(
  persistTo: string,
  port: number,
  vars: Record<string, string> = {},
): Promise<WorkerdServer> {
  wrangler(['deploy', '--dry-run', '--outdir', BUNDLE], { quiet: true })
  const config = unstable_readConfig({ config: 'wrangler.toml' })
  const database = config.d1_databases[0]
  if (!database?.database_id) throw new Error('wrangler.toml has no D1 database')
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath: `${BUNDLE}/index.js`,
      modulesRoot: BUNDLE,
      compatibilityDate: config.compatibility_date,
      // Local D1 files are named after the id, so this is the database wrangler dev uses.
      d1Databases: { [database.binding]: database.database_id },
      resourcePersistencePath: `${persistTo}/v3`,
      bindings: { ...config.vars, BENCH_ROUTES: 'on', ...vars },
      host: '127.0.0.1',
      port,
    }),
  )
  const url = (await mf.ready).origin
  return { url, stop: () => mf.dispose() }
}
