/**
 * Reading request bodies with a hard size cap. The cap is checked against Content-Length before
 * reading and again while streaming, so a 10 MB body sent to a 64 KB route is cut off after 64 KB
 * instead of sitting in the isolate's memory.
 */
import { invalid } from '../domain-error.ts'
import { ApiError } from './api-error.ts'

/** The media type of a request without parameters, lower-cased: `text/plain;charset=UTF-8` → `text/plain`. */
export function mediaType(req: Request): string {
  return (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * The body as text, refused with 415 when its media type is not one of `accepted` and with 413 as
 * soon as it passes `maxBytes`.
 */
export async function readTextBody(
  req: Request,
  maxBytes: number,
  accepted: readonly string[],
): Promise<string> {
  const bytes = await readBodyBytes(req, maxBytes, accepted)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw invalid('invalid_encoding', 'The body is not valid UTF-8.')
  }
}

/**
 * The body's bytes as sent, under the same media-type and size rules: what a signature over the
 * raw body (a Shopify webhook's HMAC) must be checked against.
 */
export async function readBodyBytes(
  req: Request,
  maxBytes: number,
  accepted: readonly string[],
): Promise<Uint8Array> {
  const type = mediaType(req)
  if (!accepted.includes(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the body as ${accepted.join(' or ')}${type ? `, not ${type}` : ''}.`,
    )
  }
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes)
  if (!req.body) return new Uint8Array()
  return readCapped(req.body, maxBytes)
}

/** The body parsed as JSON; malformed JSON is a 400, never a 500. */
export async function readJsonBody(
  req: Request,
  maxBytes: number,
  accepted: readonly string[] = ['application/json'],
): Promise<unknown> {
  const text = await readTextBody(req, maxBytes, accepted)
  try {
    return JSON.parse(text)
  } catch {
    throw invalid('malformed_json', 'The body is not valid JSON.')
  }
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

function tooLarge(maxBytes: number): ApiError {
  const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`
  return new ApiError(413, 'body_too_large', `The body is larger than ${limit}.`)
}
