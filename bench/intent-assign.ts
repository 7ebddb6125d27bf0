/**
 * What intent adds to `POST /v1/assign`: requests per second of the route answering `intent`
 * (the visitor's open session read, its features computed and scored) against the same route
 * with `intent: false`, in interleaved rounds of the same run, for visitors who each have a
 * browsing session of page views. The route reads nothing from D1 without intent (the running
 * experiments are cached in the isolate) and one query with it, so the same rounds also break
 * the cost down (all GET): a bare route, a one-row D1 read (one D1 round trip's fixed cost), and
 * the open-session read intent makes, alone. Also the size of a model trained on a site's
 * sessions.
 */
import autocannon from 'autocannon'
import { DEFAULT_BOOSTING } from '../worker/intent/gradient-boosting.ts'
import { serialiseIntentModel } from '../worker/intent/model.ts'
import { syntheticSessions } from '../test/unit/intent/synthetic-sessions.ts'
import { trainIntentModel } from '../worker/intent/train-intent.ts'
import { freePort, startDevServer, type DevServer } from './lib/dev-server.ts'
import { median, progress, type Row } from './lib/report.ts'

const DURATION_S = 4
const ROUNDS = 5
const CONNECTIONS = 32
const VISITORS = 2000
const PAGES = ['/', '/c/shoes', '/p/1', '/p/2', '/p/3', '/cart']
const KINDS = ['home', 'category', 'product', 'product', 'product', 'cart']

/**
 * Requests per second of `url`: POSTs of `body(i)`, or GETs without one, of `path(i)` when given
 * (each request a different visitor's).
 */
async function load(
  url: string,
  body?: (i: number) => string,
  path?: (i: number) => string,
): Promise<number> {
  let i = 0
  const result = await autocannon({
    url,
    method: body ? 'POST' : 'GET',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const n = i++
          return { ...req, ...(body ? { body: body(n) } : {}), ...(path ? { path: path(n) } : {}) }
        },
      },
    ],
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return result.requests.average
}

/** Every visitor browses a few pages now, so each has an open session to score. */
async function browse(server: DevServer): Promise<void> {
  const url = `${server.url}/v1/events?site=${server.site.publicKey}`
  for (let start = 0; start < VISITORS; start += 20) {
    const events = []
    for (let v = start; v < start + 20; v++) {
      for (let p = 0; p < 1 + (v % PAGES.length); p++) {
        events.push({
          id: `bench-pv-${v}-${p}`,
          type: 'page_view',
          visitorId: `bench-visitor-${v}`,
          path: PAGES[p],
          pageKind: KINDS[p],
        })
      }
    }
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    })
    if (res.status !== 202) throw new Error(`events: ${res.status} ${await res.text()}`)
  }
}

export async function benchIntentAssign(): Promise<Row[]> {
  const server = await startDevServer('intent', await freePort())
  try {
    progress(
      `intent: ${VISITORS} visitors browse, then ${ROUNDS} interleaved rounds of ${DURATION_S}s`,
    )
    await browse(server)
    const url = `${server.url}/v1/assign?site=${server.site.publicKey}`
    const body = (intent: boolean) => (i: number) =>
      JSON.stringify({
        visitorId: `bench-visitor-${i % VISITORS}`,
        url: 'https://shop.example/p/1',
        ...(intent ? {} : { intent: false }),
      })
    const check = await fetch(url, { method: 'POST', body: body(true)(3) })
    const answer = (await check.json()) as { intent?: { score: number | null; reason?: string } }
    if (typeof answer.intent?.score !== 'number')
      throw new Error(`assign answered no intent score: ${JSON.stringify(answer.intent)}`)
    const bareUrl = `${server.url}/v1/_bench/bare`
    const d1Url = `${server.url}/v1/_bench/d1-row`
    const openUrl = (i: number) =>
      `/v1/_bench/open-session/${server.site.siteId}/bench-visitor-${i % VISITORS}`
    const opened = await fetch(`${server.url}${openUrl(3)}`)
    const openAnswer = (await opened.json()) as { events: number | null }
    if (openAnswer.events === null) throw new Error('the open-session read found no session')
    await load(url, body(false)) // warm-up
    await load(url, body(true))
    await load(d1Url)
    await load(server.url, undefined, openUrl)
    const without: number[] = []
    const withIntent: number[] = []
    const bares: number[] = []
    const reads: number[] = []
    const openReads: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      without.push(await load(url, body(false)))
      withIntent.push(await load(url, body(true)))
      bares.push(await load(bareUrl))
      reads.push(await load(d1Url))
      openReads.push(await load(server.url, undefined, openUrl))
    }
    const plain = median(without)
    const scored = median(withIntent)
    const bare = median(bares)
    const read = median(reads)
    const openRead = median(openReads)
    // Milliseconds a request of each kind adds to the bare route's, at full load.
    const added = (rate: number) => 1000 / rate - 1000 / bare
    // Time per request grows by plain/scored: the target is at most 1.2x the route without intent.
    const slowdown = plain / scored
    // The route without intent plus one D1 round trip's time per request, and nothing else.
    const floor = 1 / (1 / plain + 1 / read - 1 / bare)
    return [
      {
        name: 'POST /v1/assign with intent',
        value: scored,
        unit: 'req/s',
        baseline: { name: '/v1/assign with intent: false', value: plain },
        ratio: slowdown,
        target: { text: 'time per request <= 1.2x', met: slowdown <= 1.2 },
        note:
          `ratio is time per request with intent over without (${plain.toFixed(0)} / ${scored.toFixed(0)} req/s); ` +
          `one D1 round trip alone would make it ${(plain / floor).toFixed(2)}x (see the next row)`,
      },
      {
        name: 'one D1 round trip (one-row read)',
        value: read,
        unit: 'req/s',
        baseline: { name: 'bare Hono route', value: bare },
        ratio: bare / read,
        note: `time per request over the bare route's: the fixed cost of one D1 call in this wrangler dev, the least intent can add (${added(read).toFixed(2)} ms a request)`,
      },
      {
        name: "intent's open-session read alone",
        value: openRead,
        unit: 'req/s',
        baseline: { name: 'bare Hono route', value: bare },
        ratio: bare / openRead,
        note:
          `the one query intent makes, with no features or scoring: ${added(openRead).toFixed(2)} ms a request over the bare route, ` +
          `${(added(openRead) - added(read)).toFixed(2)} ms more than a one-row read; ` +
          `intent adds ${(1000 / scored - 1000 / plain).toFixed(2)} ms to /v1/assign in all`,
      },
      siteModelSize(),
    ]
  } finally {
    await server.stop()
  }
}

/** A site model trained on 20,000 synthetic sessions with the default settings. */
function siteModelSize(): Row {
  const model = trainIntentModel(syntheticSessions(20_000, 1), {
    kind: 'site',
    source: 'bench',
    trainedAt: new Date(0).toISOString(),
    boosting: DEFAULT_BOOSTING,
  })
  const bytes = serialiseIntentModel(model).length
  return {
    name: 'intent model size (site, 20,000 sessions)',
    value: bytes,
    unit: 'bytes',
    target: { text: '< 256 KB', met: bytes < 256 * 1024 },
    note: `${model.ensemble.roots.length} trees, ${model.ensemble.feature.length} nodes`,
  }
}
