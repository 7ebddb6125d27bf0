/**
 * One operation of the API as the reference describes it: its request parts point at the zod
 * schemas the route itself parses with (exported from the route modules), its answers at the
 * schemas of shared/api-schemas.ts and shared/admin-schemas.ts. document.ts turns a list of these
 * into OpenAPI 3.1 with zod's own `z.toJSONSchema`.
 */
import type { z } from 'zod'
import { errorEnvelopeSchema } from '../../shared/api-schemas.ts'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * - `none`: anyone;
 * - `public`: the site public key, `?site=pk_...`, from an allowed origin, rate limited per IP;
 * - `admin`: `Authorization: Bearer sk_...` (a viewer key may only read), rate limited per site;
 * - `public-or-admin`: either;
 * - `signature`: the public key names the site, Shopify's HMAC signature authenticates.
 */
export type Auth = 'none' | 'public' | 'admin' | 'public-or-admin' | 'signature'

/** A parameter the route checks by hand rather than with a zod schema. */
export type ParamDoc = {
  name: string
  description: string
  required?: boolean
  schema: Record<string, unknown>
}

export type Answer = {
  description: string
  schema: z.ZodType
  /** Defaults to application/json. */
  contentType?: string
}

export type Operation = {
  method: HttpMethod
  /** OpenAPI form: `/v1/admin/experiments/{key}`. */
  path: string
  tag: string
  auth: Auth
  summary: string
  /** Markdown. */
  description?: string
  pathParams?: ParamDoc[]
  /** The route's own zod schema of its query string (an object schema). */
  query?: z.ZodType
  queryParams?: ParamDoc[]
  body?: { schema?: z.ZodType; contentTypes: string[]; description?: string }
  responses: Record<number, Answer>
}

const ERROR_MEANINGS: Record<number, string> = {
  400: 'Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...).',
  401: 'No key or an unknown key (`missing_key`, `unknown_key`).',
  403: 'Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing.',
  404: 'Not found (`not_found`).',
  409: 'Conflicts with the current state (an illegal transition, a run in progress, ...).',
  413: 'The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`).',
  415: 'A content type the route does not read (`unsupported_media_type`).',
  429: 'Rate limited (`rate_limited`); Retry-After says when to come back.',
  503: 'Storage unavailable (`storage_unavailable`); retry after Retry-After.',
}

/** The error envelope under each of these statuses. */
export function errors(...statuses: number[]): Record<number, Answer> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_MEANINGS[status] ?? 'Refused.', schema: errorEnvelopeSchema },
    ]),
  )
}

/** What every public route may refuse before it runs. */
export const PUBLIC_ERRORS = [401, 403, 429, 503]
/** What every admin route may refuse before it runs. */
export const ADMIN_ERRORS = [401, 403, 429, 503]
/** ... and every admin route reading a JSON body. */
export const BODY_ERRORS = [400, 413, 415]

export function json(description: string, schema: z.ZodType): Answer {
  return { description, schema }
}
