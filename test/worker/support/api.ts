// Test helpers: real sites in the test D1 and requests through the Worker's own fetch handler.
import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import { placeSite, primaryDatabase } from '../../../worker/db/site-databases.ts'
import { hashKey, newAdminKey, newPublicKey, newSiteId } from '../../../worker/sites/keys.ts'

export type TestSite = { id: string; publicKey: string; adminKey: string }

/** A new site with fresh keys, written the way the CLI writes it. */
export async function createSite(
  options: { origins?: string[]; currency?: string } = {},
): Promise<TestSite> {
  const site = { id: newSiteId(), publicKey: newPublicKey(), adminKey: newAdminKey() }
  await env.DB.prepare(
    `INSERT INTO sites (id, name, public_key, admin_key_hash, allowed_origins, currency, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      site.id,
      `Test ${site.id}`,
      site.publicKey,
      await hashKey(site.adminKey),
      JSON.stringify(options.origins ?? []),
      options.currency ?? 'USD',
      Date.now(),
    )
    .run()
  return site
}

/** A site written on the second database (DB_2) and placed there in the directory. */
export async function createSiteOnSecond(): Promise<TestSite> {
  const site = { id: newSiteId(), publicKey: newPublicKey(), adminKey: newAdminKey() }
  await env.DB_2.prepare(
    `INSERT INTO sites (id, name, public_key, admin_key_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
  )
    .bind(site.id, `Second ${site.id}`, site.publicKey, await hashKey(site.adminKey), Date.now())
    .run()
  await placeSite(primaryDatabase(env), site.id, 'DB_2', Date.now())
  return site
}

/** A request to the Worker, on its own hostname unless `host` names another. */
export function call(path: string, init: RequestInit = {}, host = 'edge.test'): Promise<Response> {
  return exports.default.fetch(new Request(`https://${host}${path}`, init))
}

/** JSON request with the admin key. */
export function admin(
  site: TestSite,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return call(`/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** JSON POST to a public route with the public key. */
export function publicPost(
  site: TestSite,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return call(`${path}?site=${site.publicKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** A running experiment with the given variations' weights. */
export async function startExperiment(
  site: TestSite,
  key: string,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  const created = await admin(site, 'POST', '/experiments', {
    key,
    variations: [
      { key: 'control', weight: 0.5 },
      { key: 'treatment', weight: 0.5 },
    ],
    ...overrides,
  })
  if (created.status !== 201) throw new Error(`create failed: ${await created.text()}`)
  const started = await admin(site, 'POST', `/experiments/${key}/start`)
  if (started.status !== 200) throw new Error(`start failed: ${await started.text()}`)
}

/** The error envelope of a response, checked for shape. */
export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } }
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error envelope: ${JSON.stringify(body)}`)
  }
  return { code: body.error.code, message: body.error.message }
}

/** The response is the error envelope (docs/api.md, "Errors") with this status and code, and a message. */
export async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  const error = await errorOf(res)
  expect(error).toEqual({ code, message: expect.stringMatching(/\S/) })
  return error
}

/** Rows of a SQL query against the test D1. */
export async function rows<T>(query: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(query)
      .bind(...params)
      .all<T>()
  ).results
}

let counter = 0
/** A unique valid event id. */
export function eventId(): string {
  counter++
  return `evt_${Date.now().toString(36)}_${counter.toString(36)}_${Math.random().toString(36).slice(2, 8)}`
}
