/**
 * The Worker a merchant would otherwise run in front of their store: fetch the origin, return
 * its response, nothing else. In workerd through Miniflare like the benchmarked Worker, so the
 * proxy benchmark compares like with like: the runtime and the extra hop cost both the same.
 */
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { unstable_readConfig } from 'wrangler'
import type { WorkerdServer } from './workerd-server.ts'

const SCRIPT = `export default {
  async fetch(request, env) {
    const url = new URL(request.url)
    return fetch(env.ORIGIN + url.pathname + url.search, { headers: request.headers })
  },
}`

export async function startPassThroughWorker(origin: string, port: number): Promise<WorkerdServer> {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: SCRIPT,
      compatibilityDate: unstable_readConfig({ config: 'wrangler.toml' }).compatibility_date,
      bindings: { ORIGIN: origin },
      host: '127.0.0.1',
      port,
    }),
  )
  const url = (await mf.ready).origin
  return { url, stop: () => mf.dispose() }
}
