/**
 * The one kind of error the Worker throws for a request it refuses. `app.onError` turns it into the
 * envelope of API.md: `{ "error": { "code", "message" } }` with the status and headers given here.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly headers: Record<string, string>

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.headers = headers
  }
}

/** 400 with a code naming what was wrong. */
export function invalid(code: string, message: string): ApiError {
  return new ApiError(400, code, message)
}

/** 404 for anything missing or belonging to another site: both must look the same. */
export function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `${what} was not found.`)
}

/** 409 for a state that forbids the request. */
export function conflict(code: string, message: string): ApiError {
  return new ApiError(409, code, message)
}
