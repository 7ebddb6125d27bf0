import { describe, expect, it } from 'vitest'
import { MAX_PATH, MAX_REFERRER, MAX_TITLE } from '../../worker/events/event-schema.ts'
import {
  createSite,
  eventId,
  expectRefused,
  publicPost,
  rows,
  type TestSite,
} from './support/api.ts'

type IngestBody = {
  accepted: number
  duplicates: number
  rejected: { index: number; code: string }[]
}

type PageRow = {
  type: string
  path: string | null
  title: string | null
  page_kind: string | null
  referrer: string | null
  utm: string | null
}

async function send(site: TestSite, events: unknown[]) {
  const res = await publicPost(site, '/v1/events', { events })
  return { status: res.status, body: (await res.json()) as IngestBody }
}

function pageView(fields: Record<string, unknown> = {}) {
  return { id: eventId(), type: 'page_view', visitorId: 'v1', path: '/', ...fields }
}

async function pageRows(site: TestSite): Promise<PageRow[]> {
  return rows<PageRow>(
    `SELECT type, path, title, page_kind, referrer, utm FROM events WHERE site_id = ?
     ORDER BY received_at, path`,
    site.id,
  )
}

describe('POST /v1/events: page_view', () => {
  it('stores a page view with its path, title, kind, referrer and UTM parameters, once', async () => {
    const site = await createSite()
    const event = pageView({
      path: '/products/mug',
      title: 'A mug',
      pageKind: 'product',
      referrer: 'https://www.google.com/',
      utm: { source: 'google', medium: 'cpc', campaign: 'winter' },
    })
    expect((await send(site, [event])).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    expect((await send(site, [event])).body).toEqual({ accepted: 0, duplicates: 1, rejected: [] })
    const stored = await pageRows(site)
    expect(stored).toEqual([
      {
        type: 'page_view',
        path: '/products/mug',
        title: 'A mug',
        page_kind: 'product',
        referrer: 'https://www.google.com/',
        utm: expect.any(String),
      },
    ])
    expect(JSON.parse(stored[0]?.utm ?? '')).toEqual({
      source: 'google',
      medium: 'cpc',
      campaign: 'winter',
    })
  })

  it('stores a page view of no named kind as content, with no referrer or UTM', async () => {
    const site = await createSite()
    await send(site, [pageView({ path: '/about', utm: {} })])
    expect(await pageRows(site)).toEqual([
      {
        type: 'page_view',
        path: '/about',
        title: null,
        page_kind: 'content',
        referrer: null,
        utm: null,
      },
    ])
  })

  it('keeps page fields off other event types', async () => {
    const site = await createSite()
    await send(site, [{ id: eventId(), type: 'view', visitorId: 'v1', itemId: 'SKU', path: '/x' }])
    expect(await pageRows(site)).toEqual([
      { type: 'view', path: null, title: null, page_kind: null, referrer: null, utm: null },
    ])
  })

  it.each([
    ['an unknown page kind', { pageKind: 'landing' }, 'invalid_pageKind'],
    ['no path', { path: undefined }, 'invalid_path'],
    ['a path that is not a path', { path: 'https://shop.example/x' }, 'invalid_path'],
    ['a path over the cap', { path: '/' + 'a'.repeat(MAX_PATH) }, 'invalid_path'],
    ['a UTM value that is not text', { utm: { source: 7 } }, 'invalid_utm'],
  ])('rejects a page view with %s by index and stores the rest', async (_, fields, code) => {
    const site = await createSite()
    const { status, body } = await send(site, [pageView({ path: '/a' }), pageView(fields)])
    expect(status).toBe(202)
    expect(body).toMatchObject({ accepted: 1, rejected: [{ index: 1, code }] })
    expect((await pageRows(site)).map((r) => r.path)).toEqual(['/a'])
  })

  it('cuts a long title and referrer to their caps and keeps the event', async () => {
    const site = await createSite()
    const referrer = 'https://blog.example/?q=' + 'r'.repeat(25_000)
    const { body } = await send(site, [
      pageView({ title: 't'.repeat(25_000), referrer }),
      pageView({ path: '/next' }),
    ])
    expect(body).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
    const [first] = await pageRows(site)
    expect(first?.title).toBe('t'.repeat(MAX_TITLE))
    expect(first?.referrer).toBe(referrer.slice(0, MAX_REFERRER))
  })

  // A field of 100 KB cannot travel: the body is refused whole at the 64 KB limit, with the
  // error envelope, and nothing of it is stored. The loader cuts fields before batching
  // (test/widget/page-view.test.ts), so its batches never carry one.
  it.each(['path', 'referrer'])(
    'answers 413 for a batch whose %s is 100 KB, and stores nothing of it',
    async (field) => {
      const site = await createSite()
      const res = await publicPost(site, '/v1/events', {
        events: [pageView({ path: '/a' }), pageView({ [field]: '/' + 'x'.repeat(100_000) })],
      })
      await expectRefused(res, 413, 'body_too_large')
      expect(await pageRows(site)).toEqual([])
    },
  )
})
