import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadFile } from '../../../widget/admin/api/download.ts'
import { clearKey, saveKey } from '../../../widget/admin/session.ts'

afterEach(() => {
  vi.restoreAllMocks()
  clearKey()
})

describe('downloadFile', () => {
  it('fetches with the key in the header, never the URL, and saves the Blob under its name', async () => {
    saveKey('sk_test_key')
    const fetchStub = vi.fn(async () => new Response('visitor\r\n', { status: 200 }))
    vi.stubGlobal('fetch', fetchStub)
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:edge/1')
    const clicked: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download })
    })
    await downloadFile('/v1/admin/experiments/a/visitors.csv?phase=1', 'a-visitors.csv')
    expect(fetchStub).toHaveBeenCalledWith('/v1/admin/experiments/a/visitors.csv?phase=1', {
      headers: { authorization: 'Bearer sk_test_key' },
      credentials: 'omit',
      cache: 'no-store',
    })
    expect(created).toHaveBeenCalledTimes(1)
    expect(clicked).toEqual([{ href: 'blob:edge/1', download: 'a-visitors.csv' }])
  })

  it('throws the API’s refusal instead of saving it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'not_found', message: 'gone' } }, { status: 404 }),
      ),
    )
    const created = vi.spyOn(URL, 'createObjectURL')
    await expect(downloadFile('/x.csv', 'x.csv')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    })
    expect(created).not.toHaveBeenCalled()
  })
})
