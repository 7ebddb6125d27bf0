/**
 * `@edgelift/client`: the edgelift API for a store's servers (Next.js, Remix/Hydrogen, a Worker in
 * front of a store). Its types are generated from the API's OpenAPI document (schema.d.ts, by
 * openapi-typescript) and its requests made by openapi-fetch, so a call the API would refuse for
 * its shape does not type-check. `assign`, `track`, `recommend` and `intent` use the site public
 * key; `admin` is the whole admin API, typed, with the secret admin key (keep it on the server).
 */
import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './schema.d.ts'

export type { paths } from './schema.d.ts'

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R
}
  ? R extends { 200: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 202: { content: { 'application/json': infer T } } }
      ? T
      : never
  : never

type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer B } }
}
  ? B
  : never

type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q }
}
  ? NonNullable<Q>
  : never

export type AssignRequest = Body<'/v1/assign', 'post'>
export type AssignAnswer = Json<'/v1/assign', 'post'>
export type EdgeliftEvent = Body<'/v1/events', 'post'>['events'][number]
export type TrackAnswer = Json<'/v1/events', 'post'>
export type RecsQuery = Omit<Query<'/v1/recs', 'get'>, 'site'>
export type RecsAnswer = Json<'/v1/recs', 'get'>
export type IntentAnswer = Json<'/v1/intent', 'get'>

export type EdgeliftClientOptions = {
  /** Where edgelift runs, e.g. `https://edgelift.example.com`. */
  baseUrl: string
  /** The site public key, `pk_...`: for assign, track, recommend and intent. */
  publicKey?: string
  /** A secret admin key, `sk_...`: for `admin`. Never send it to a browser. */
  adminKey?: string
  /** Another fetch (a Worker's service binding, a test's handler); the global one by default. */
  fetch?: (request: Request) => Promise<Response>
}

/** A refusal of the API, with its error envelope's code and message and the HTTP status. */
export class EdgeliftError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'EdgeliftError'
    this.status = status
    this.code = code
  }
}

/**
 * The answer's data, or an EdgeliftError from its envelope. Typed from schema.d.ts itself:
 * openapi-fetch's `data` type drops properties whose type is only `null` (`score` and `band` of
 * an unscored intent), which the API does send.
 */
function unwrap<T>(result: { data?: unknown; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data as T
  const envelope = result.error as { error?: { code?: unknown; message?: unknown } } | undefined
  const code = typeof envelope?.error?.code === 'string' ? envelope.error.code : 'http_error'
  const message =
    typeof envelope?.error?.message === 'string'
      ? envelope.error.message
      : `edgelift answered ${result.response.status}`
  throw new EdgeliftError(result.response.status, code, message)
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`@edgelift/client: set ${name} to use this call`)
  return value
}

export type EdgeliftClient = {
  /** The visitor's variations (pass their `visitorId`: a server has no `el_vid` cookie jar). */
  assign(request: AssignRequest): Promise<AssignAnswer>
  /** Records events exactly once (each needs its own `id`). */
  track(events: EdgeliftEvent[]): Promise<TrackAnswer>
  /** A recommendation list for a slot. */
  recommend(query: RecsQuery): Promise<RecsAnswer>
  /** A visitor's purchase intent. */
  intent(visitorId: string): Promise<IntentAnswer>
  /** The admin API, every path typed; answers `{ data, error, response }` as openapi-fetch does. */
  admin: Client<paths>
}

export function createEdgeliftClient(options: EdgeliftClientOptions): EdgeliftClient {
  const base = { baseUrl: options.baseUrl.replace(/\/$/, ''), fetch: options.fetch }
  const api = createClient<paths>(base)
  const admin = createClient<paths>({
    ...base,
    headers: options.adminKey ? { authorization: `Bearer ${options.adminKey}` } : {},
  })
  const site = () => required(options.publicKey, 'publicKey')
  return {
    admin,
    async assign(request) {
      const query = { site: site() }
      return unwrap<AssignAnswer>(
        await api.POST('/v1/assign', { params: { query }, body: request }),
      )
    },
    async track(events) {
      const query = { site: site() }
      return unwrap<TrackAnswer>(
        await api.POST('/v1/events', { params: { query }, body: { events } }),
      )
    },
    async recommend(query) {
      return unwrap<RecsAnswer>(
        await api.GET('/v1/recs', { params: { query: { ...query, site: site() } } }),
      )
    },
    async intent(visitorId) {
      const query = { site: site(), visitorId }
      return unwrap<IntentAnswer>(await api.GET('/v1/intent', { params: { query } }))
    },
  }
}
