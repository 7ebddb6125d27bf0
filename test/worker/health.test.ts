import { describe, expect, it } from 'vitest'
import { call, errorOf } from './support/api.ts'

describe('GET /v1/health', () => {
  it('answers ok', async () => {
    const res = await call('/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })
  it('answers unknown routes with the error envelope', async () => {
    const res = await call('/v1/nope')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('not_found')
  })
})
