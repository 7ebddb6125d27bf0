/**
 * Makes the demo store real on a running edgelift: imports the committed Online Retail subset
 * into the demo site, uploads its catalog with links to the demo pages and generated images,
 * trains the recommendation model, and starts the buy-button experiment. Idempotent: a second
 * `npm start` only refreshes the catalog's links (the port may have changed).
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { createOnlineRetailParser } from '../../worker/import/online-retail.ts'
import { importFile } from './import-file.ts'

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
}
