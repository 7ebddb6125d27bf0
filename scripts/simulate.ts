/**
 * `npm run simulate -- --visitors 2000 --lift 0.1` drives realistic traffic through the public API
 * of a running edgelift with a known true lift, so results can be checked against the truth:
 * each visitor is assigned, exposed, browses a few catalog items, and buys with probability
 * `baseline` (control) or `baseline x (1 + lift)` (every other variation) on average: the page
 * views of their session say how likely (a shopper who carts is likelier than one who bounces,
 * lib/simulate-browsing.ts), so a purchase-intent model can learn from them. Visitors are also
 * shown recommendations, click some and buy what they clicked (lib/simulate-recs.ts).
 *
 * Options: --api URL (default http://localhost:$PORT, 8787)  --site pk_demo  --admin sk_demo  --experiment KEY
 *   --visitors N  --baseline 0.05  --lift 0.1  --skew 0.2 (drop that share of control's
 *   exposures, to provoke a sample-ratio alarm)  --seed 1  --prefix sim
 *   --reweigh-every 500 (a bandit: reweigh it after every N visitors, as its cron would between
 *   them; 0 leaves it to the cron)
 */
import { DEFAULT_API, failWith, parseFlags, unreachable } from './lib/cli.ts'
import { progressBar } from './lib/progress.ts'
import { browsingVisits, expectedRate } from './lib/simulate-browsing.ts'
import { recommendationVisits } from './lib/simulate-recs.ts'

const USAGE =
  'usage: npm run simulate -- [--visitors 2000] [--lift 0.1] [--baseline 0.05] [--experiment KEY] [--skew 0] [--reweigh-every 500] [--api URL] [--site pk_...] [--admin sk_...]'

const fail: (message: string) => never = failWith(USAGE)

const OPTIONS = {
  api: { type: 'string', default: DEFAULT_API },
  site: { type: 'string', default: 'pk_demo' },
  admin: { type: 'string', default: 'sk_demo' },
  experiment: { type: 'string' },
  visitors: { type: 'string', default: '2000' },
  baseline: { type: 'string', default: '0.05' },
  lift: { type: 'string', default: '0.1' },
  skew: { type: 'string', default: '0' },
  seed: { type: 'string', default: '1' },
  prefix: { type: 'string', default: 'sim' },
  'reweigh-every': { type: 'string', default: '500' },
} as const

const { values } = parseFlags({ options: OPTIONS }, fail)

const number = (name: string, raw: string, min: number, max: number): number => {
  const n = Number(raw)
  if (!Number.isFinite(n) || n < min || n > max)
    fail(`--${name} must be a number from ${min} to ${max}, not ${raw}.`)
  return n
}
const visitors = number('visitors', values.visitors, 1, 1_000_000)
const baseline = number('baseline', values.baseline, 0, 1)
const lift = number('lift', values.lift, -1, 10)
const skew = number('skew', values.skew, 0, 1)
const reweighEvery = Math.floor(number('reweigh-every', values['reweigh-every'], 0, 1_000_000))
const api = values.api.replace(/\/$/, '')
if (!/^[A-Za-z0-9_-]{1,32}$/.test(values.prefix))
  fail('--prefix must be 1-32 characters of A-Z a-z 0-9 _ -.')
if (baseline * (1 + lift) > 1) fail('--baseline x (1 + --lift) must stay at most 1.')

// mulberry32: a small seeded PRNG, so the same seed sends the same traffic.
let state = Math.floor(number('seed', values.seed, 0, 2 ** 31)) >>> 0
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(`${api}${path}`, init)
  } catch {
    fail(unreachable(api))
  }
  const body = (await res.json()) as T & { error?: { message: string } }
  if (!res.ok)
    fail(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${body.error?.message ?? ''}`)
  return body
}

type Experiment = {
  key: string
  type?: string
  status: string
  url: string | null
  variations: { key: string }[]
}
const admin = { authorization: `Bearer ${values.admin}` }
const { experiments } = await call<{ experiments: Experiment[] }>(
  '/v1/admin/experiments?status=running',
  { headers: admin },
)
const experiment = values.experiment
  ? experiments.find((e) => e.key === values.experiment)
  : experiments[0]
if (!experiment) {
  fail(
    values.experiment
      ? `No running experiment ${values.experiment}.`
      : 'No running experiment; create and start one first.',
  )
}
// The page the visitors are on: one the experiment's URL pattern targets (`*` filled in), or
// no experiment that targets pages would assign anybody.
const pattern = experiment.url
const pageUrl = pattern
  ? new URL(pattern.replaceAll('*', 'simulated'), `${api}/`).href
  : `${api}/simulated`
// Browsing uses the trending list when recommendations are available; traffic works without.
const recs = await fetch(`${api}/v1/recs?site=${values.site}&slot=trending&n=50`)
  .then(async (res) =>
    res.ok ? ((await res.json()) as { items: { itemId: string }[] }) : { items: [] },
  )
  .catch(() => ({ items: [] }))
const catalog = recs.items

const truth = experiment.variations.map((v, i) => ({
  key: v.key,
  rate: expectedRate(i === 0 ? baseline : baseline * (1 + lift)),
  base: i === 0 ? baseline : baseline * (1 + lift),
  visitors: 0,
  exposed: 0,
  buyers: 0,
}))
const pending: Record<string, unknown>[] = []
let sent = 0
const runId = Date.now().toString(36)
let counter = 0
// Zero-padded, so a visit's events, stored at one server time per batch, sort in the order made.
const eventId = () => `${values.prefix}_${runId}_${(counter++).toString(36).padStart(7, '0')}`
const seeRecommendations = recommendationVisits({
  api,
  site: values.site,
  seed: Number(values.seed),
  eventId,
})
const browse = browsingVisits({ seed: Number(values.seed), eventId })

const experimentKey = experiment.key
type Reweighed = { updated: boolean; reason?: string; weights: number[] }
const updates: { afterVisitors: number; updated: boolean; reason?: string; weights: number[] }[] =
  []
/** A bandit's update now, with every event so far delivered first so it counts them. */
async function reweigh(afterVisitors: number) {
  await flush(true)
  const answer = await call<Reweighed>(
    `/v1/admin/experiments/${encodeURIComponent(experimentKey)}/reweigh`,
    { method: 'POST', headers: admin },
  )
  updates.push({ afterVisitors, ...answer })
}
const bandit = experiment.type === 'bandit' && reweighEvery > 0

async function flush(force = false) {
  while (pending.length >= 100 || (force && pending.length > 0)) {
    const events = pending.splice(0, 100)
    const res = await call<{ accepted: number; rejected: unknown[] }>(
      `/v1/events?site=${values.site}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ events }),
      },
    )
    sent += res.accepted
  }
}

console.error(
  `Simulating ${visitors} visitors on ${experiment.key} (baseline ${baseline}, true lift ${lift}${skew ? `, skew ${skew}` : ''})`,
)
const bar = progressBar('  traffic', visitors)
for (let i = 0; i < visitors; i++) {
  const visitorId = `${values.prefix}-${runId}-${i}`
  const { assignments } = await call<{ assignments: Record<string, { index: number }> }>(
    `/v1/assign?site=${values.site}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId, experiments: [experiment.key], url: pageUrl }),
    },
  )
  const arm = truth[assignments[experiment.key]?.index ?? -1]
  if (arm) {
    arm.visitors++
    const dropped = arm === truth[0] && random() < skew
    if (!dropped) {
      arm.exposed++
      pending.push({ id: eventId(), type: 'exposure', visitorId, experiment: experiment.key })
    }
    const item = catalog.length ? catalog[Math.floor(random() * catalog.length)] : undefined
    const session = browse(
      visitorId,
      item?.itemId,
      catalog.map((c) => c.itemId),
    )
    pending.push(...session.events)
    if (item) pending.push({ id: eventId(), type: 'view', visitorId, itemId: item.itemId })
    const recs = await seeRecommendations(visitorId, item?.itemId)
    pending.push(...recs.events)
    const bought = recs.clicked ?? item?.itemId
    if (!dropped && random() < Math.min(1, arm.base * session.buyFactor)) {
      arm.buyers++
      const revenue =
        Math.round(Math.exp(3.5 + 0.6 * (random() + random() + random() - 1.5)) * 100) / 100
      if (bought) pending.push({ id: eventId(), type: 'add_to_cart', visitorId, itemId: bought })
      pending.push(...session.checkout)
      pending.push({
        id: eventId(),
        type: 'purchase',
        visitorId,
        // In the site's own currency (none given): the API refuses another.
        revenue,
        orderId: `order-${runId}-${i}`,
        ...(bought && { items: [{ itemId: bought, quantity: 1, price: revenue }] }),
      })
      pending.push(...session.thanks())
    }
  }
  await flush()
  if (bandit && (i + 1) % reweighEvery === 0) await reweigh(i + 1)
  if (i % 25 === 0) bar.update(i + 1)
}
await flush(true)
bar.finish()

console.log(
  JSON.stringify(
    {
      experiment: experiment.key,
      eventsAccepted: sent,
      truth,
      ...(bandit && { banditUpdates: updates }),
      recommendations: seeRecommendations.totals,
    },
    null,
    2,
  ),
)
if (truth.every((arm) => arm.visitors === 0)) {
  console.error(
    `No visitor was assigned to ${experiment.key} on ${pageUrl}: check its coverage and URL pattern.`,
  )
  process.exit(1)
}
console.error(`Done. Open the results: ${api}/admin/experiments/${experiment.key}`)
