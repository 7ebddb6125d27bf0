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
    const page = await fetch(env.ORIGIN + url.pathname + url.search, { headers: request.headers })
    if (!env.REWRITE) return page
    return new HTMLRewriter()
      .on('html', { element(el) { el.setAttribute('data-rewritten', '') } })
      .transform(page)
  },
}`

/**
 * With `rewrite`, the same Worker also sets one attribute on `<html>` through HTMLRewriter: the
 * least any proxy that changes the page does, so the cost of rewriting at all is measured apart
 * from what edgelift does.
 */
export async function startPassThroughWorker(
  origin: string,
  port: number,
  options: { rewrite?: boolean } = {},
): Promise<WorkerdServer> {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: SCRIPT,
      compatibilityDate: unstable_readConfig({ config: 'wrangler.toml' }).compatibility_date,
      bindings: { ORIGIN: origin, ...(options.rewrite && { REWRITE: 'on' }) },
      host: '127.0.0.1',
      port,
    }),
  )
  const url = (await mf.ready).origin
  return { url, stop: () => mf.dispose() }
}
