/**
 * The OpenAPI 3.1 document of the API, built from the operations' zod schemas with zod's native
 * `z.toJSONSchema` (JSON Schema 2020-12, OpenAPI 3.1's dialect).
 *
 * Why the project's own small registry rather than `@hono/zod-openapi` or `hono-openapi`: both
 * document what their own validator middleware validates (`createRoute` + `c.req.valid`, or
 * `validator()`), so adopting either means moving every route's validation into their
 * middleware. edgelift's routes read a body under a byte cap and a content-type list first, then
 * parse with `parseOr400`, whose 400 names the first offending field in the error envelope; the
 * middleware answers differently and the routes would change behaviour. The registry instead
 * points at the very schema objects the routes parse with (exported from the route modules), so
 * the document cannot describe a different request than the one validated, and the route coverage
 * test (test/worker/openapi-routes.test.ts) keeps every mounted route in it.
 */
import { z } from 'zod'
import { adminOperations } from './admin-operations.ts'
import { API_OVERVIEW } from './overview.ts'
import type { Answer, Auth, Operation, ParamDoc } from './operation.ts'
import { publicOperations } from './public-operations.ts'

export const operations: readonly Operation[] = [...publicOperations, ...adminOperations]

type JsonSchema = Record<string, unknown>

/** A request part as the client sends it (before defaults and transforms). */
function requestSchema(schema: z.ZodType): JsonSchema {
  return stripDialect(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))
}

/** An answer as the Worker sends it. */
function answerSchema(schema: z.ZodType): JsonSchema {
  return stripDialect(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }))
}

/** OpenAPI 3.1's `jsonSchemaDialect` already says 2020-12; each schema need not repeat it. */
function stripDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema
  return rest
}

const SECURITY: Record<Auth, Record<string, string[]>[]> = {
  none: [],
  public: [{ publicKey: [] }],
  admin: [{ adminKey: [] }],
  'public-or-admin': [{ publicKey: [] }, { adminKey: [] }],
  signature: [{ publicKey: [] }],
}

function parameter(where: 'path' | 'query', doc: ParamDoc) {
  return {
    name: doc.name,
    in: where,
    required: where === 'path' || doc.required === true,
    description: doc.description,
    schema: doc.schema,
  }
}

/** An object schema's properties as query parameters. */
function queryParameters(schema: z.ZodType) {
  const json = requestSchema(schema)
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((json.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof description === 'string' && { description }),
      schema: rest,
    }
  })
}

function response(answer: Answer) {
  return {
    description: answer.description,
    content: {
      [answer.contentType ?? 'application/json']: { schema: answerSchema(answer.schema) },
    },
  }
}

function operationObject(op: Operation) {
  const parameters = [
    ...(op.pathParams ?? []).map((p) => parameter('path', p)),
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.queryParams ?? []).map((p) => parameter('query', p)),
  ]
  const bodySchema = op.body?.schema
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    security: SECURITY[op.auth],
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && {
      requestBody: {
        required: true,
        ...(op.body.description && { description: op.body.description }),
        content: Object.fromEntries(
          op.body.contentTypes.map((type) => [
            type,
            bodySchema ? { schema: requestSchema(bodySchema) } : {},
          ]),
        ),
      },
    }),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, answer]) => [status, response(answer)]),
    ),
  }
}

/** `post /v1/admin/experiments/{key}/start` → `postAdminExperimentsKeyStart`. */
export function operationId(op: Pick<Operation, 'method' | 'path'>): string {
  const words = op.path
    .replace(/^\/v1\//, '/')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
  return op.method + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('')
}

export type OpenApiDocument = ReturnType<typeof buildDocument>

function buildDocument() {
  const paths: Record<string, Record<string, ReturnType<typeof operationObject>>> = {}
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) }
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'edgelift API',
      version: '1',
      description: API_OVERVIEW,
    },
    servers: [{ url: '/', description: 'The Worker that serves this document.' }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        publicKey: {
          type: 'apiKey',
          in: 'query',
          name: 'site',
          description: 'The site public key, `pk_...`: safe in pages.',
        },
        adminKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A secret admin key, `sk_...`: servers and the dashboard only, never a URL.',
        },
      },
    },
    paths,
  }
}

let built: OpenApiDocument | undefined

/** Built once per isolate: the schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildDocument()
  return built
}
