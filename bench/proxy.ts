/**
 * Edge proxy mode against the origin it fronts, same run, loopback, autocannon: requests per
 * second and p50 latency of an experiment page through the Worker (assignment, HTMLRewriter,
 * exposure in waitUntil) versus straight from the origin; and the Worker's peak memory while a
 * 5 MB page streams through it (it must stream, not buffer). The Worker runs in wrangler dev,
 * whose own local forwarding hop is part of the proxied figures.
 */
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { startOrigin } from '../test/support/origin-server.ts'
import { median, progress, type Row } from './lib/report.ts'
import { startDevServer } from './lib/dev-server.ts'

const PORT = 8794
const DURATION_S = 5

async function load(url: string, host?: string) {
  let i = 0
  const result = await autocannon({
    url,
    connections: 16,
    duration: DURATION_S,
    headers: { accept: 'text/html', ...(host && { host }) },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, cookie: `el_vid=bench-${i++ % 5000}` },
        }),
      },
    ],
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50 }
}

function rssKb(pattern: string): number {
  try {
    const out = execFileSync(
      'sh',
      [
        '-c',
        `ps -eo rss,args | grep -F -- '${pattern}' | grep -v grep | awk '{s+=$1} END {print s+0}'`,
      ],
      { encoding: 'utf8' },
    )
    return Number(out.trim())
  } catch {
    return 0
  }
}

export async function benchProxy(): Promise<Row[]> {
  const origin = await startOrigin()
  const worker = await startDevServer('proxy', PORT)
  try {
    const admin = {
      authorization: `Bearer ${worker.site.adminKey}`,
      'content-type': 'application/json',
    }
    const host = `127.0.0.1:${PORT}`
    const set = await fetch(`${worker.url}/v1/admin/site/proxy`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ originUrl: origin.url, hostnames: [host] }),
    })
    if (!set.ok) throw new Error(`proxy settings failed: ${await set.text()}`)
    const exp = {
      key: 'hero',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    }
    await fetch(`${worker.url}/v1/admin/experiments`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(exp),
    })
    await fetch(`${worker.url}/v1/admin/experiments/hero/start`, { method: 'POST', headers: admin })
    progress(
      `proxy: warm-up, then ${DURATION_S}s each of the origin directly and through the Worker (alternating, 3 rounds)`,
    )
    await load(`${origin.url}/page`)
    await load(`${worker.url}/page`)
    const direct: { rps: number; p50: number }[] = []
    const proxied: { rps: number; p50: number }[] = []
    const bare: { rps: number; p50: number }[] = []
    for (let r = 0; r < 3; r++) {
      direct.push(await load(`${origin.url}/page`))
      proxied.push(await load(`${worker.url}/page`))
      bare.push(await load(`${worker.url}/v1/_bench/bare`))
    }
    const d = { rps: median(direct.map((x) => x.rps)), p50: median(direct.map((x) => x.p50)) }
    const p = { rps: median(proxied.map((x) => x.rps)), p50: median(proxied.map((x) => x.p50)) }
    const b = { rps: median(bare.map((x) => x.rps)), p50: median(bare.map((x) => x.p50)) }

    progress('proxy: streaming a 5 MB page through the Worker while sampling workerd memory')
    const pattern = `127.0.0.1:${PORT}`
    const before = rssKb(pattern)
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pattern))), 20)
    const res = await fetch(`${worker.url}/big`, {
      headers: { accept: 'text/html', cookie: 'el_vid=big-reader' },
    })
    let bytes = 0
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
      await new Promise((r) => setTimeout(r, 1)) // a reader slower than loopback, as browsers are
    }
    clearInterval(sampler)
    const grownMb = (peak - before) / 1024
    return [
      {
        name: 'proxy: experiment page through the Worker',
        value: p.rps,
        unit: 'req/s',
        baseline: { name: 'origin directly', value: d.rps },
        ratio: p.rps / d.rps,
        target: { text: '>= 0.7x', met: p.rps / d.rps >= 0.7 },
        note: `p50 latency ${p.p50} ms through the Worker vs ${d.p50} ms direct: +${(p.p50 - d.p50).toFixed(1)} ms added`,
      },
      {
        // wrangler dev's own ceiling on this machine: a route that does nothing, same server.
        name: 'proxy: experiment page vs a do-nothing route, same wrangler dev',
        value: p.rps,
        unit: 'req/s',
        baseline: { name: 'bare Hono route', value: b.rps },
        ratio: p.rps / b.rps,
        note: `bare route p50 ${b.p50} ms; the proxy adds ${(p.p50 - b.p50).toFixed(1)} ms over wrangler dev's own cost`,
      },
      {
        name: `proxy: workerd memory growth streaming ${(bytes / 1e6).toFixed(1)} MB`,
        value: grownMb,
        unit: 'MB',
        target: { text: '< 5 MB (streams, not buffers)', met: grownMb < 5 && bytes > 5e6 },
        note: `RSS ${(before / 1024).toFixed(0)} MB before, ${(peak / 1024).toFixed(0)} MB peak`,
      },
    ]
  } finally {
    await worker.stop()
    origin.server.close()
  }
}
