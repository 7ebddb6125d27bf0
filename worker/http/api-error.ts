/**
 * The HTTP layer's own refusals (a missing key, a wrong origin, a rate limit, a body too large):
 * `app.onError` turns them into the error envelope `{ "error": { "code", "message" } }` with the
 * status and headers given here. Domain modules throw DomainError (../domain-error.ts) instead.
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
