import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { onError } from '../../../worker/http/on-error.ts'

/** An app whose one route throws `err`, answered through the Worker's error handler. */
async function answerTo(err: Error): Promise<Response> {
  const app = new Hono().get('/', () => {
    throw err
  })
  app.onError(onError)
  return app.request('/')
}

/** An error the way drizzle wraps the binding's: its own message, the D1 error as `cause`. */
function wrapped(cause: Error, levels = 1): Error {
  let err = cause
  for (let i = 0; i < levels; i++) err = new Error('Failed query: select 1', { cause: err })
  return err
}

describe('the error handler', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})

  it('answers a D1 failure 503 storage_unavailable with Retry-After', async () => {
    const res = await answerTo(new Error('D1_ERROR: Network connection lost.'))
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('2')
    expect(await res.json()).toEqual({
      error: { code: 'storage_unavailable', message: 'Storage is unavailable; retry shortly.' },
    })
  })

  it('finds the D1 failure drizzle wraps in its own error', async () => {
    const res = await answerTo(wrapped(new Error('D1_ERROR: SQLITE_BUSY')))
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ error: { code: 'storage_unavailable' } })
    const twice = await answerTo(wrapped(new Error('D1_EXEC_ERROR: database is locked'), 2))
    expect(twice.status).toBe(503)
  })

  it('answers anything else 500 internal_error, with no message or stack of its own', async () => {
    const res = await answerTo(wrapped(new Error('TypeError: x is undefined at worker.js:1:2')))
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side.' },
    })
    expect(text).not.toContain('worker.js')
  })

  it('reads causes only a few deep, so a cyclic chain cannot hold the answer', async () => {
    const a = new Error('Failed query: a')
    const b = new Error('Failed query: b', { cause: a })
    Object.defineProperty(a, 'cause', { value: b })
    expect((await answerTo(a)).status).toBe(500)
  })
})
