// Real answers checked against the OpenAPI document the Worker serves: the schema documented for
// the route, the status and the content type, turned back into a validator with zod's
// `z.fromJSONSchema`, so a test fails when an answer and the published document disagree.
import { expect } from 'vitest'
import { z } from 'zod'
import type { Operation } from '../../../worker/openapi/operation.ts'
import { call } from './api.ts'

type MediaType = { schema?: Record<string, unknown> }
type DocumentedOperation = { responses: Record<string, { content: Record<string, MediaType> }> }
type Document = { paths: Record<string, Record<string, DocumentedOperation>> }

let served: Promise<Document> | undefined

/** The document as `GET /v1/openapi.json` serves it, fetched once per test file. */
export function servedDocument(): Promise<Document> {
  served ??= call('/v1/openapi.json').then((res) => res.json() as Promise<Document>)
  return served
}

/** `METHOD /path status` of every answer checked so far in this file. */
export const checked = new Set<string>()

/**
 * Checks a real answer against the document: the route documents this status and content type,
 * and the body passes the documented schema. Answers the body.
 */
export async function expectDocumented(
  res: Response,
  method: string,
  path: string,
): Promise<unknown> {
  const doc = await servedDocument()
  const operation = doc.paths[path]?.[method.toLowerCase()]
  if (!operation) throw new Error(`${method} ${path} is not in the document`)
  const text = await res.text()
  const documented = operation.responses[String(res.status)]
  expect(
    documented,
    `${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`,
  ).toBeDefined()
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
  const media = documented?.content[type]
  expect(media, `${method} ${path} ${res.status} answered ${type}`).toBeDefined()
  const body = type === 'application/json' ? (JSON.parse(text) as unknown) : text
  const schema = z.fromJSONSchema(media?.schema ?? {})
  const result = schema.safeParse(body)
  expect(
    result.success,
    `${method} ${path} ${res.status} does not match its schema: ${result.error?.message}\n${text.slice(0, 500)}`,
  ).toBe(true)
  checked.add(`${method.toUpperCase()} ${path} ${res.status}`)
  return body
}

/** The statuses that refuse what a request carries, rather than who sends it. */
export const INPUT_REFUSALS = new Set([400, 404, 409, 413, 415, 422])

/** Whether a route reads a body, a query or a path parameter besides the public key. */
export function takesInput(op: Operation): boolean {
  const query = [...(op.queryParams ?? [])].filter((p) => p.name !== 'site')
  return (
    op.body !== undefined || op.query !== undefined || query.length > 0 || !!op.pathParams?.length
  )
}
