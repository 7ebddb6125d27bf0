/**
 * The single place failures become responses. HTTP refusals (`ApiError`) keep their status and
 * code, and domain refusals (`DomainError`) get the status of their kind;
 * storage failures become 503 with Retry-After so clients back off and retry; anything else is
 * logged and answered with a generic 500 that leaks no stack.
 */
import type { Context } from 'hono'
import type { ErrorEnvelope } from '../../shared/api-types.ts'
import { DomainError, type DomainErrorKind } from '../domain-error.ts'
import { ApiError } from './api-error.ts'
import { errorCauses } from '../error-causes.ts'

const DOMAIN_STATUS = { invalid: 400, not_found: 404, conflict: 409 } as const satisfies Record<
  DomainErrorKind,
  number
>

/**
 * A D1 failure: the binding's errors carry a `D1_` prefix (D1_ERROR, D1_EXEC_ERROR, ...). drizzle
 * wraps them in its own error, so the causes are read too (error-causes.ts).
 */
function isStorageError(err: unknown): boolean {
  return errorCauses(err).some((e) =>
    /\bD1_|SQLITE_BUSY|database is locked|Network connection lost/i.test(e.message),
  )
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json(envelope(err.code, err.message), err.status, err.headers)
  }
  if (err instanceof DomainError) {
    return c.json(envelope(err.code, err.message), DOMAIN_STATUS[err.kind])
  }
  if (isStorageError(err)) {
    console.error('storage unavailable', err.message, err.cause ?? '')
    return c.json(envelope('storage_unavailable', 'Storage is unavailable; retry shortly.'), 503, {
      'Retry-After': '2',
    })
  }
  console.error('unexpected error', err, err.stack)
  return c.json(envelope('internal_error', 'Something went wrong on our side.'), 500)
}

export function envelope(code: string, message: string): ErrorEnvelope {
  return { error: { code, message } }
}
