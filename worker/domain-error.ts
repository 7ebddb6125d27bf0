/**
 * What a domain module throws when a request cannot be carried out: a kind, a code and a sentence
 * for the caller. Domain modules never choose an HTTP status; on-error.ts maps the kind to one
 * (invalid 400, not_found 404, conflict 409), so the same refusal reads the same from a route, a
 * CLI or a cron job.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict'

export class DomainError extends Error {
  readonly kind: DomainErrorKind
  readonly code: string

  constructor(kind: DomainErrorKind, code: string, message: string) {
    super(message)
    this.name = 'DomainError'
    this.kind = kind
    this.code = code
  }
}

/** The input cannot be used; `code` names what was wrong. */
export function invalid(code: string, message: string): DomainError {
  return new DomainError('invalid', code, message)
}

/** Missing, or another site's: both must look the same. */
export function notFound(what: string): DomainError {
  return new DomainError('not_found', 'not_found', `${what} was not found.`)
}

/** The current state forbids it. */
export function conflict(code: string, message: string): DomainError {
  return new DomainError('conflict', code, message)
}
