import { describe, expect, it } from 'vitest'
import { call, createSite, expectRefused, startExperiment } from './support/api.ts'

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return call(path, { method: 'POST', headers, body })
}

describe('POST /v1/assign', () => {
  it.each([['multipart/form-data'], ['application/x-www-form-urlencoded'], ['application/xml']])(
    'answers 415 unsupported_media_type for %s, and sets no visitor cookie',
    async (type) => {
      const site = await createSite()
      const res = await post(`/v1/assign?site=${site.publicKey}`, '{}', { 'content-type': type })
      await expectRefused(res, 415, 'unsupported_media_type')
      expect(res.headers.get('set-cookie')).toBeNull()
    },
  )

  it('answers 413 body_too_large for a body over 16 KB, by Content-Length', async () => {
    const site = await createSite()
    const res = await post(
      `/v1/assign?site=${site.publicKey}`,
      JSON.stringify({ url: 'x'.repeat(20_000) }),
      { 'content-type': 'application/json' },
    )
    await expectRefused(res, 413, 'body_too_large')
  })

  it('answers 413 body_too_large for a streamed body without Content-Length, without reading it all', async () => {
    const site = await createSite()
    let pulled = 0
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024))
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 4 MB on offer; the Worker must stop asking soon after 16 KB.
        if (pulled >= 256) return controller.close()
        pulled++
        controller.enqueue(chunk)
      },
    })
    const res = await post(`/v1/assign?site=${site.publicKey}`, body, {
      'content-type': 'application/json',
    })
    await expectRefused(res, 413, 'body_too_large')
    expect(pulled).toBeLessThan(20)
  })

  it.each([['application/json'], ['text/plain']])(
    'answers 400 invalid_encoding for a %s body that is not UTF-8',
    async (type) => {
      const site = await createSite()
      // {"visitorId":"caf<0xE9>"}: Latin-1, not UTF-8.
      const bytes = new Uint8Array([
        ...new TextEncoder().encode('{"visitorId":"caf'),
        0xe9,
        ...new TextEncoder().encode('"}'),
      ])
      const res = await post(`/v1/assign?site=${site.publicKey}`, bytes, { 'content-type': type })
      await expectRefused(res, 400, 'invalid_encoding')
      expect(res.headers.get('set-cookie')).toBeNull()
    },
  )

  it('answers 403 secret_key_in_url for a secret key as ?site= or in any other parameter', async () => {
    const site = await createSite()
    await startExperiment(site, 'hero')
    const json = { 'content-type': 'application/json' }
    const asSite = await post(`/v1/assign?site=${site.adminKey}`, '{"visitorId":"v"}', json)
    await expectRefused(asSite, 403, 'secret_key_in_url')
    const beside = await post(
      `/v1/assign?site=${site.publicKey}&debug=${site.adminKey}`,
      '{"visitorId":"v"}',
      json,
    )
    await expectRefused(beside, 403, 'secret_key_in_url')
  })
})
