/**
 * Makes the demo store real on a running edgelift: imports the committed Online Retail subset
 * into the demo site, uploads its catalog with links to the demo pages and generated images,
 * trains the recommendation model, starts the buy-button experiment, and gives the store a
 * purchase-intent model of its own with outcomes to show (seedIntentHistory). Idempotent: a
 * second `npm start` refreshes the catalog's links (the port may have changed) and finishes only
 * what an earlier run left undone.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { createOnlineRetailParser } from '../../worker/import/online-retail.ts'
import { demoIntentHistory, type DemoIntentHistory } from './demo-intent-history.ts'
import { importFile, postImport } from './import-file.ts'
import { DAY_MS, HOUR_MS } from '../../shared/durations.ts'

export const DEMO_DATA = 'demo/online-retail-demo.csv.gz'
const ADMIN = { authorization: 'Bearer sk_demo', 'content-type': 'application/json' }

export const DEMO_EXPERIMENT = {
  key: 'buy-button',
  name: 'Buy button: free delivery message',
  variations: [
    { key: 'control', name: 'Add to basket', weight: 0.5 },
    { key: 'free-delivery', name: 'Add to basket · free delivery', weight: 0.5 },
  ],
  coverage: 1,
  goal: { event: 'add_to_cart' },
  url: '/demo/products/*',
}

async function call<T>(
  api: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: ADMIN,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

/** "WHITE METAL LANTERN" → "White Metal Lantern". */
export function displayTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/(^|[\s(/-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase())
}

/** The subset's products: title and latest unit price per stock code. */
async function demoCatalog(api: string) {
  const parser = createOnlineRetailParser()
  const items = new Map<string, { title: string; price: number }>()
  for await (const line of createInterface({
    input: createReadStream(DEMO_DATA).pipe(createGunzip()),
    crlfDelay: Infinity,
  })) {
    const outcome = parser.push(line)
    if (outcome && 'event' in outcome)
      items.set(outcome.event.itemId, { title: outcome.event.title, price: outcome.event.price })
  }
  return [...items].map(([itemId, { title, price }]) => ({
    itemId,
    title: displayTitle(title),
    url: `${api}/demo/products/${encodeURIComponent(itemId)}`,
    image: `${api}/demo/images/${encodeURIComponent(itemId)}.svg`,
    price,
    currency: 'GBP',
  }))
}

export async function seedDemo(api: string, step: (message: string) => void): Promise<void> {
  const status = await call<{ modelVersion: string | null }>(api, 'GET', '/v1/admin/recs/status')
  if (!status.body.modelVersion) {
    step(`Importing the demo store's order history (${DEMO_DATA})`)
    const totals = await importFile({
      file: DEMO_DATA,
      format: 'online-retail',
      api,
      adminKey: 'sk_demo',
    })
    step(
      `  ${totals.imported} purchases imported, ${totals.skippedCount} lines skipped (${Object.entries(
        totals.skippedByReason,
      )
        .map(([r, n]) => `${n} ${r}`)
        .join(', ')})`,
    )
  }
  step('Uploading the demo catalog')
  const catalog = await demoCatalog(api)
  const uploaded = await call<{ upserted: number }>(api, 'PUT', '/v1/admin/catalog', {
    items: catalog,
  })
  if (uploaded.status !== 200)
    throw new Error(`catalog upload failed: ${JSON.stringify(uploaded.body)}`)
  if (!status.body.modelVersion) {
    step('Training the recommendation model')
    const trained = await call<{ version?: string }>(api, 'POST', '/v1/admin/recs/train?wait=true')
    if (trained.status !== 200) throw new Error(`training failed: ${JSON.stringify(trained.body)}`)
    step(`  model ${trained.body.version ?? ''}`)
  }
  const existing = await call<{ status?: string }>(
    api,
    'GET',
    `/v1/admin/experiments/${DEMO_EXPERIMENT.key}`,
  )
  if (existing.status === 404) await call(api, 'POST', '/v1/admin/experiments', DEMO_EXPERIMENT)
  if (existing.status === 404 || existing.body.status === 'draft') {
    step(`Starting the demo experiment "${DEMO_EXPERIMENT.name}"`)
    await call(api, 'POST', `/v1/admin/experiments/${DEMO_EXPERIMENT.key}/start`)
  }
  const intent = await call<{ model: string; onlineUpdates: number }>(
    api,
    'GET',
    '/v1/admin/intent',
  )
  if (intent.status !== 200) throw new Error(`reading the intent model failed: ${intent.status}`)
  if (intent.body.model === 'starter' || intent.body.onlineUpdates === 0)
    await seedIntentHistory(
      api,
      step,
      catalog.map((item) => item.itemId),
      intent.body.model === 'starter',
    )
}

/**
 * Browsing history for the purchase-intent model, as a store that has run edgelift for a while
 * would have: a week of past visits to train the store's own model on (the nightly's work, done
 * now; skipped when `train` is false, a model being there already), then the last 40 hours'
 * visits, which that model has not seen, to learn from and to show its forecasts against what
 * happened on the Behaviour page (the 15-minute cron's work). The visits' ids are fixed, so a
 * run that repeats an import stores nothing twice.
 */
async function seedIntentHistory(
  api: string,
  step: (message: string) => void,
  catalog: string[],
  train: boolean,
): Promise<void> {
  const now = Date.now()
  const common = { catalog, rate: 0.12 }
  if (train) await trainOnPastVisits(api, step, now, common)
  await importVisits(
    api,
    step,
    {
      ...common,
      prefix: 'demo-recent',
      visits: 300,
      from: now - 40 * HOUR_MS,
      to: now - 2 * HOUR_MS,
      seed: 12,
    },
    (recent) => `Importing the last 40 hours' ${recent.visits} visits and learning from them`,
  )
  const learnt = await call<{ learning: { learnt: number; reason?: string } }>(
    api,
    'POST',
    '/v1/admin/intent/learn',
  )
  if (learnt.status !== 200 || !learnt.body.learning)
    throw new Error(`intent learning failed: ${JSON.stringify(learnt.body)}`)
  step(
    `  ${learnt.body.learning.reason ?? `scored and learnt from ${learnt.body.learning.learnt} ended sessions: the Behaviour page shows how well the model forecast them`}`,
  )
}

async function trainOnPastVisits(
  api: string,
  step: (message: string) => void,
  now: number,
  common: { catalog: string[]; rate: number },
): Promise<void> {
  await importVisits(
    api,
    step,
    {
      ...common,
      prefix: 'demo-past',
      visits: 1200,
      from: now - 10 * DAY_MS,
      to: now - 3 * DAY_MS,
      seed: 11,
    },
    (past) =>
      `Importing ${past.visits} past visits for the purchase-intent model (${past.purchases} bought)`,
  )
  const trained = await call<{
    training: { trained: boolean; version?: string; reason?: string; sessions: number }
  }>(api, 'POST', '/v1/admin/intent/train')
  const training = trained.body.training
  if (trained.status !== 200 || !training)
    throw new Error(`intent training failed: ${JSON.stringify(trained.body)}`)
  step(
    training.trained
      ? `  the store's own intent model, trained on ${training.sessions} sessions`
      : `  ${training.reason ?? 'the starter model serves'}`,
  )
}

/** Generates visits, says what they are, and imports them. */
async function importVisits(
  api: string,
  step: (message: string) => void,
  options: Parameters<typeof demoIntentHistory>[0],
  says: (history: DemoIntentHistory) => string,
): Promise<void> {
  const history = demoIntentHistory(options)
  step(says(history))

  const totals = await postImport({ api, adminKey: 'sk_demo', format: 'ndjson' }, history.ndjson)
  if (totals.skippedCount > 0)
    throw new Error(`importing the intent history skipped lines: ${JSON.stringify(totals.skipped)}`)
}
