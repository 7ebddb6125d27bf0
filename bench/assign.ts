/**
 * `POST /v1/assign` requests per second against a bare Hono route in the same `wrangler dev`,
 * loaded with autocannon on loopback.
 */
import autocannon from 'autocannon'
import { startExperiment } from './lib/admin.ts'
import type { DevServer } from './lib/dev-server.ts'
import { median, progress, type Row } from './lib/report.ts'

const DURATION_S = 5
const ROUNDS = 3
const CONNECTIONS = 32

async function load(url: string, body: (i: number) => string): Promise<number> {
  let i = 0
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body(i++) }) }],
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return result.requests.average
}

async function createRunningExperiments(server: DevServer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await startExperiment(server, {
      key: `bench-${i}`,
      variations: [
        { key: 'a', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
      coverage: 0.8,
    })
  }
}

export async function benchAssign(server: DevServer): Promise<Row[]> {
  await createRunningExperiments(server, 5)
  progress(
    `assign: ${ROUNDS} interleaved rounds of ${DURATION_S}s, bare route vs /v1/assign (5 running experiments), ${CONNECTIONS} connections`,
  )
  const visitor = (i: number) =>
    JSON.stringify({ visitorId: `bench-visitor-${i % 50_000}`, url: 'https://shop.example/p/1' })
  const bareUrl = `${server.url}/v1/_bench/bare`
  const assignUrl = `${server.url}/v1/assign?site=${server.site.publicKey}`
  await load(bareUrl, visitor) // warm-up of the isolate and the connections
  await load(assignUrl, visitor)
  // Interleaved rounds, so a noisy neighbour on the machine hits both sides alike.
  const bares: number[] = []
  const assigns: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    bares.push(await load(bareUrl, visitor))
    assigns.push(await load(assignUrl, visitor))
  }
  const bare = median(bares)
  const assign = median(assigns)
  return [
    {
      name: 'POST /v1/assign',
      value: assign,
      unit: 'req/s',
      baseline: { name: 'bare Hono route', value: bare },
      ratio: assign / bare,
      target: { text: '>= 0.7x', met: assign / bare >= 0.7 },
    },
  ]
}
