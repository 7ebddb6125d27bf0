/**
 * The dashboard's one way to the admin API: same origin, `Authorization: Bearer <key>`, JSON in
 * and out. Every failure — the API's envelope, a non-JSON answer, a lost connection — becomes an
 * `ApiFailure`, which the one error display knows how to show. A 401 signs the admin out.
 */
import { currentKey } from '../session.ts'
import type { ErrorEnvelope } from './types.ts'

/** A refused or failed request, with the API's status, code and sentence. */
export class ApiFailure extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiFailure'
    this.status = status
    this.code = code
  }
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** A key to try instead of the session's (signing in); its 401 does not sign anyone out. */
  key?: string
}

let unauthorized: (failure: ApiFailure) => void = () => {}

/** Called with the failure whenever the session's key is refused (401). */
export function onUnauthorized(handler: (failure: ApiFailure) => void): void {
  unauthorized = handler
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const { error } = body
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

/** The failure a non-2xx response stands for. */
export function failureOf(status: number, body: unknown): ApiFailure {
  if (isEnvelope(body)) return new ApiFailure(status, body.error.code, body.error.message)
  return new ApiFailure(status, 'unexpected_response', `The server answered ${status}.`)
}

/**
 * Calls the admin API and answers its JSON typed as `T` (the route's documented shape).
 * @example const { experiments } = await request<{ experiments: Experiment[] }>('/v1/admin/experiments')
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const key = options.key ?? currentKey()
  const headers: Record<string, string> = { accept: 'application/json' }
  if (key) headers.authorization = `Bearer ${key}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch (err) {
    if (options.signal?.aborted) throw err
    throw new ApiFailure(0, 'network_error', 'The server could not be reached. Try again.')
  }
  const body: unknown = await response.json().catch(() => null)
  if (response.ok) return body as T
  const failure = failureOf(response.status, body)
  if (response.status === 401 && options.key === undefined) unauthorized(failure)
  throw failure
}

/** Whether an error is the cancellation of a request nobody waits for any more. */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError'
}

/** Any thrown value as an ApiFailure, so the error display has one shape to show. */
export function asFailure(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err
  return new ApiFailure(0, 'client_error', err instanceof Error ? err.message : String(err))
}

/** The path of an experiment's admin routes. */
export function experimentApi(key: string, suffix = ''): string {
  return `/v1/admin/experiments/${encodeURIComponent(key)}${suffix}`
}
