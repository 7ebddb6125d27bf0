/**
 * Recommendations at the edge, on a trained synthetic store (2,000 buyers, 400 items in 8 tastes):
 * `GET /v1/recs` requests per second against a bare route that reads one D1 row (same wrangler
 * dev, autocannon on loopback), for a trained visitor and for one whose list is refined online
 * from the interactions they made since training; and `POST /v1/events` throughput with online
 * SGD on versus off (the same server restarted on the same data). Online SGD folds the stored
 * events in when recommendations are read, so its cost shows in the second row, not the last.
 * The merchant's steering rules are measured against the same route without any, interleaved.
 */
import autocannon from 'autocannon'
import { adminHeaders } from './lib/admin.ts'
import { startDevServer, type DevServer } from './lib/dev-server.ts'
import { median, progress, type Row } from './lib/report.ts'
import { interleavedRounds } from './lib/rounds.ts'

const BUYERS = 2000
const ITEMS = 400
const TASTES = 8
const DURATION_S = 5
const ROUNDS = 3
const VISITORS_PER_ROUND = 3000

async function recsOf(url: string): Promise<{ source: string; items: { rule?: string }[] }> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
  return (await res.json()) as { source: string; items: { rule?: string }[] }
}

/** Steering as a merchandiser keeps it: 2 pins in personal, 10 boosts and 8 exclusions everywhere. */
const STEERING_RULES = [
  ...[3, 53].map((i) => ({ slot: 'personal', itemId: itemId(i), action: 'pin' })),
  ...Array.from({ length: 10 }, (_, i) => ({
    slot: 'all',
    itemId: itemId(i * 37 + 11),
    action: 'boost',
    factor: 1.5,
  })),
  ...Array.from({ length: 8 }, (_, i) => ({
    slot: 'all',
    itemId: itemId(i * 41 + 9),
    action: 'exclude',
  })),
]

async function putRules(server: DevServer, rules: unknown[]): Promise<void> {
  const res = await fetch(`${server.url}/v1/admin/recs/rules`, {
    method: 'PUT',
    headers: adminHeaders(server),
    body: JSON.stringify({ rules }),
  })
  if (!res.ok) throw new Error(`rules answered ${res.status}: ${await res.text()}`)
}

function itemId(i: number): string {
  return `SKU-${i}`
}

/** Seeds and trains the store; answers the buyers' visitor ids (imports make them opaque). */
async function seed(server: DevServer): Promise<string[]> {
  const admin = { authorization: `Bearer ${server.site.adminKey}` }
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    itemId: itemId(i),
    title: `Item ${i}`,
    url: `https://shop.example/p/${i}`,
    price: 5 + (i % 40),
  }))
  await fetch(`${server.url}/v1/admin/catalog`, {
    method: 'PUT',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
  })
  const lines: string[] = []
  const perTaste = ITEMS / TASTES
  for (let b = 0; b < BUYERS; b++) {
    const taste = b % TASTES
    for (let k = 0; k < 6; k++) {
      const item = taste * perTaste + ((b * 7 + k * 13) % perTaste)
      lines.push(
        JSON.stringify({
          type: k < 4 ? 'view' : 'purchase',
          visitorId: `buyer-${b}`,
          itemId: itemId(item),
          ts: Date.now() - (b + k) * 60_000,
        }),
      )
    }
  }
  const imported = await fetch(`${server.url}/v1/admin/import/events?format=ndjson`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/x-ndjson' },
    body: lines.join('\n'),
  })
  if (!imported.ok) throw new Error(`import failed: ${await imported.text()}`)
  const trained = await fetch(`${server.url}/v1/admin/recs/train?wait=true`, {
    method: 'POST',
    headers: admin,
  })
  if (!trained.ok) throw new Error(`training failed: ${await trained.text()}`)
  const buyers: string[] = []
  for (let from = 0; from < BUYERS; from += 1000) {
    const customerIds = Array.from(
      { length: Math.min(1000, BUYERS - from) },
      (_, i) => `buyer-${from + i}`,
    )
    const res = await fetch(`${server.url}/v1/admin/import/visitor-ids`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ customerIds }),
    })
    if (!res.ok) throw new Error(`visitor ids failed: ${await res.text()}`)
    const { visitorIds } = (await res.json()) as { visitorIds: { visitorId: string }[] }
    buyers.push(...visitorIds.map((v) => v.visitorId))
  }
  return buyers
}

async function rps(url: string, visitor?: (i: number) => string): Promise<number> {
  let i = 0
  const result = await autocannon({
    url,
    connections: 32,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: visitor ? `${req.path}`.replace('VISITOR', visitor(i++)) : req.path,
        }),
      },
    ],
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

async function eventsPerSecond(server: DevServer, round: number, batches = 150): Promise<number> {
  let cursor = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (cursor < batches) {
        const b = cursor++
        const events = Array.from({ length: 100 }, (_, i) => ({
          id: `r${round}-b${b}-e${i}-${server.url.length}`,
          type: i % 4 === 0 ? 'click' : 'view',
          visitorId: `visitor-${round}-${(b * 100 + i) % VISITORS_PER_ROUND}`,
          itemId: itemId((b * 31 + i * 17) % ITEMS),
        }))
        const res = await fetch(`${server.url}/v1/events?site=${server.site.publicKey}`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ events }),
        })
        if (res.status !== 202)
          throw new Error(`events answered ${res.status}: ${await res.text()}`)
        await res.arrayBuffer()
      }
    }),
  )
  return (batches * 100) / ((performance.now() - start) / 1000)
}

export async function benchRecsServing(): Promise<Row[]> {
  progress(`recs: seeding and training a synthetic store (${BUYERS} buyers, ${ITEMS} items)`)
  let server = await startDevServer('recs', 8792)
  const site = server.site
  const rows: Row[] = []
  try {
    const buyers = await seed(server)
    const buyer = (i: number) => buyers[i % buyers.length] ?? ''
    const bare = `${server.url}/v1/_bench/d1-row`
    const personal = `${server.url}/v1/recs?site=${site.publicKey}&slot=personal&visitorId=VISITOR&n=8`
    const known = await recsOf(personal.replace('VISITOR', buyer(0)))
    if (known.source !== 'svd') throw new Error(`expected a precomputed list, got ${known.source}`)
    await rps(bare)
    await rps(personal, buyer)
    const recsRow = (name: string, visitor: (i: number) => string) =>
      againstOneRowRead(name, bare, personal, visitor)
    rows.push(await recsRow('GET /v1/recs (personal, known visitor)', buyer))
    rows.push(await steeringRow(server, personal, buyer(0)))
    // Round 0 gives each of its visitors 5 views or clicks since training: the online path.
    await eventsPerSecond(server, 0)
    const learner = (i: number) => `visitor-0-${i % VISITORS_PER_ROUND}`
    const first = await recsOf(`${personal.replace('VISITOR', learner(0))}`)
    if (first.source !== 'online') throw new Error(`expected an online list, got ${first.source}`)
    rows.push(await recsRow('GET /v1/recs (personal, refined online from 5 events)', learner))
    rows.push(
      await onlineSgdRow(async (setting) => {
        await server.stop()
        server = await startDevServer('recs', 8792, { reuse: site, vars: { RECS_ONLINE: setting } })
        return server
      }),
    )
  } finally {
    await server.stop()
  }
  return rows
}

/** GET /v1/recs (personal) for these visitors against the one-row read, interleaved. */
async function againstOneRowRead(
  name: string,
  bare: string,
  personal: string,
  visitor: (i: number) => string,
): Promise<Row> {
  progress(`recs: ${ROUNDS} interleaved rounds of ${DURATION_S}s, one-row D1 read vs ${name}`)
  const runs = await interleavedRounds(ROUNDS, {
    bares: () => rps(bare),
    recs: () => rps(personal, visitor),
  })
  const ratio = median(runs.recs) / median(runs.bares)
  return {
    name,
    value: median(runs.recs),
    unit: 'req/s',
    baseline: { name: 'one-row D1 read', value: median(runs.bares) },
    ratio,
    target: { text: '>= 0.5x', met: ratio >= 0.5 },
  }
}

/** The personal list with and without the merchant's rules, interleaved. */
async function steeringRow(server: DevServer, personal: string, buyer: string): Promise<Row> {
  progress(
    `recs: ${ROUNDS} interleaved rounds of ${DURATION_S}s, without and with 20 steering rules`,
  )
  const runs = await interleavedRounds(ROUNDS, {
    plain: async () => {
      await putRules(server, [])
      return rps(personal)
    },
    steered: async () => {
      await putRules(server, STEERING_RULES)
      const sample = await recsOf(personal.replace('VISITOR', buyer))
      if (!sample.items.some((i) => i.rule === 'pin')) throw new Error('the rules were not applied')
      return rps(personal)
    },
  })
  await putRules(server, [])
  const steering = median(runs.steered) / median(runs.plain)
  return {
    name: 'GET /v1/recs (personal, known visitor) with 20 steering rules',
    value: median(runs.steered),
    unit: 'req/s',
    baseline: { name: 'the same without rules', value: median(runs.plain) },
    ratio: steering,
    target: { text: '>= 0.9x', met: steering >= 0.9 },
    note: '2 pins in personal (one catalog read of the pinned items), 10 boosts and 8 exclusions site-wide; rules cached in the isolate',
  }
}

/**
 * Events throughput with online SGD on and off. Alternated, each on a freshly started server
 * after a warm-up batch, so neither setting gets the warmer cache or the fuller table.
 */
async function onlineSgdRow(
  restartWith: (setting: 'on' | 'off') => Promise<DevServer>,
): Promise<Row> {
  progress(
    `recs: events throughput, online SGD on and off alternating over ${2 * ROUNDS} restarts of the same data`,
  )
  const perSetting: Record<'on' | 'off', number[]> = { on: [], off: [] }
  let round = 1
  for (let r = 0; r < ROUNDS; r++) {
    for (const setting of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      const server = await restartWith(setting)
      await eventsPerSecond(server, round++, 16)
      perSetting[setting].push(await eventsPerSecond(server, round++))
    }
  }
  const on = median(perSetting.on)
  const off = median(perSetting.off)
  const cost = 1 - on / off
  return {
    name: 'POST /v1/events with online SGD on',
    value: on,
    unit: 'events/s',
    baseline: { name: 'online SGD off', value: off },
    ratio: on / off,
    target: { text: 'online step costs <= 20%', met: cost <= 0.2 },
    note: `online step cost ${(cost * 100).toFixed(1)}% of throughput; ingestion runs the same code in both settings (learning happens when recs are read), so this is run-to-run noise`,
  }
}
