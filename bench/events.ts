/**
 * Events stored per second through `POST /v1/events`: batches of 100 with 10% replayed ids,
 * 16 concurrent senders, then the stored count checked against the unique ids sent.
 */
import { startExperiment } from './lib/admin.ts'
import type { DevServer } from './lib/dev-server.ts'
import { progress, type Row } from './lib/report.ts'

const BATCHES = 600
const BATCH_SIZE = 100
const REPLAY_SHARE = 0.1
const CONCURRENCY = 16
const TYPES = ['view', 'view', 'view', 'click', 'add_to_cart', 'purchase'] as const

type Event = Record<string, unknown> & { id: string }

export async function benchEvents(server: DevServer): Promise<Row[]> {
  // A running experiment with full coverage, so every exposure sent is a valid one.
  await startExperiment(server, {
    key: 'bench-events',
    variations: [
      { key: 'a', weight: 0.5 },
      { key: 'b', weight: 0.5 },
    ],
  })
  progress(
    `events: ${BATCHES} batches of ${BATCH_SIZE}, ${REPLAY_SHARE * 100}% replayed, ${CONCURRENCY} senders`,
  )
  const { batches, sent, replayed } = makeBatches()
  const { accepted, duplicates, rejected, seconds } = await sendBatches(server, batches)
  const [stored] = server.sql<{ n: number }>(`SELECT count(*) AS n FROM events`)
  const exact = stored?.n === sent.size && accepted === sent.size && rejected === 0
  const perSecond = (BATCHES * BATCH_SIZE) / seconds
  return [
    {
      name: 'POST /v1/events (100/batch, 10% replays, c=16)',
      value: perSecond,
      unit: 'events/s',
      target: { text: '>= 5,000 events/s, stored count exact', met: perSecond >= 5000 && exact },
      note: `sent ${BATCHES * BATCH_SIZE}, rejected ${rejected} (${replayed} replays of ${sent.size} unique): accepted ${accepted}, duplicates ${duplicates}, stored ${stored?.n ?? '?'}`,
    },
  ]
}

/**
 * The batches to send, made before the clock starts: each replays `REPLAY_SHARE` of its events
 * from earlier batches, and every tenth has one exposure. Answers the unique ids and the count
 * of replays too, for checking what was stored.
 */
function makeBatches(): { batches: Event[][]; sent: Set<string>; replayed: number } {
  const sent = new Set<string>()
  const pool: Event[] = []
  let next = 0
  let replayed = 0
  const makeBatch = (b: number): Event[] => {
    const batch: Event[] = []
    for (let i = 0; i < BATCH_SIZE; i++) {
      const old = pool[Math.floor(Math.random() * pool.length)]
      if (old && i < BATCH_SIZE * REPLAY_SHARE) {
        batch.push(old)
        replayed++
        continue
      }
      const n = next++
      const type = TYPES[n % TYPES.length] ?? 'view'
      const event: Event = {
        id: `bench-${n.toString(36).padStart(8, '0')}`,
        type,
        visitorId: `v${n % 5000}`,
        itemId: `SKU-${n % 300}`,
      }
      if (type === 'purchase') event.revenue = 19.99
      if (b % 10 === 0 && i === 50)
        Object.assign(event, { type: 'exposure', experiment: 'bench-events', itemId: undefined })
      batch.push(event)
    }
    return batch
  }
  const batches = Array.from({ length: BATCHES }, (_, b) => {
    const batch = makeBatch(b)
    for (const e of batch) {
      if (!sent.has(e.id)) pool.push(e)
      sent.add(e.id)
    }
    return batch
  })
  return { batches, sent, replayed }
}

/** Sends the batches from `CONCURRENCY` senders; answers the server's counts and the seconds. */
async function sendBatches(
  server: DevServer,
  batches: Event[][],
): Promise<{ accepted: number; duplicates: number; rejected: number; seconds: number }> {
  let accepted = 0
  let duplicates = 0
  let rejected = 0
  let cursor = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (cursor < batches.length) {
        const batch = batches[cursor++]
        const res = await fetch(`${server.url}/v1/events?site=${server.site.publicKey}`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ events: batch }),
        })
        if (res.status !== 202)
          throw new Error(`events answered ${res.status}: ${await res.text()}`)
        const body = (await res.json()) as {
          accepted: number
          duplicates: number
          rejected: unknown[]
        }
        accepted += body.accepted
        duplicates += body.duplicates
        rejected += body.rejected.length
      }
    }),
  )
  return { accepted, duplicates, rejected, seconds: (performance.now() - start) / 1000 }
}
