import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WidgetBridge } from '../../widget/loader/bridge.ts'
import type { EventFields } from '../../widget/loader/tracker.ts'
import { readRecs, recsUrl } from '../../widget/recs/fetch-recs.ts'
import { mount } from '../../widget/recs/index.tsx'
import { readSlotConfig } from '../../widget/recs/slot-config.ts'

const RECS = {
  recId: 'rec_123',
  slot: 'similar',
  source: 'similar',
  modelVersion: 'm1',
  items: [
    {
      itemId: 'A',
      title: 'Blue mug',
      url: 'https://shop.example/p/a',
      image: 'https://shop.example/a.jpg',
      price: 12.5,
      currency: 'EUR',
      score: 0.9,
    },
    {
      itemId: 'B',
      title: 'Plain cup',
      url: null,
      image: null,
      price: null,
      currency: null,
      score: 0.5,
    },
  ],
}

function bridge(
  visitorId: string | null = 'v1',
): WidgetBridge & { track: ReturnType<typeof vi.fn<(fields: EventFields) => void>> } {
  return {
    api: 'https://edge.example',
    site: 'pk_test',
    visitorId: () => visitorId ?? undefined,
    track: vi.fn<(fields: EventFields) => void>(),
  }
}

/** Lets the IntersectionObserver of the widget be driven by the test. */
let intersect: (entry: Partial<IntersectionObserverEntry>) => void = () => {}
class FakeObserver {
  constructor(callback: IntersectionObserverCallback) {
    intersect = (entry) =>
      callback([entry as IntersectionObserverEntry], this as unknown as IntersectionObserver)
  }
  observe(): void {}
  disconnect(): void {
    intersect = () => {}
  }
}

async function renderSlot(attributes: string, answer: unknown, b = bridge()) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(answer)),
  )
  document.body.innerHTML = `<div data-edgelift="recs" ${attributes}></div>`
  mount(b)
  const host = document.querySelector('edgelift-recs') as HTMLElement
  await vi.waitFor(() => {
    if (!(fetch as ReturnType<typeof vi.fn>).mock.results[0]) throw new Error('not fetched')
  })
  await new Promise((r) => setTimeout(r, 0))
  return { host, root: host.shadowRoot as ShadowRoot, bridge: b }
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeObserver)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('readSlotConfig', () => {
  it('reads the slot, items, count and title', () => {
    expect(readSlotConfig({ slot: 'cart', item: 'A, B,,C', n: '4', title: ' Also ' })).toEqual({
      slot: 'cart',
      items: ['A', 'B', 'C'],
      n: 4,
      title: 'Also',
    })
  })

  it('defaults to personal, 8 items, and the page’s product', () => {
    expect(readSlotConfig({}, 'SKU-1')).toEqual({ slot: 'personal', items: ['SKU-1'], n: 8 })
  })

  it('keeps n within 1-50 and drops invalid item keys', () => {
    expect(readSlotConfig({ n: '500' })?.n).toBe(50)
    expect(readSlotConfig({ n: '0' })?.n).toBe(8)
    expect(readSlotConfig({ n: '-3' })?.n).toBe(1)
    expect(readSlotConfig({ item: 'ok,not ok' })?.items).toEqual(['ok'])
  })

  it('refuses an unknown slot', () => {
    expect(readSlotConfig({ slot: 'simliar' })).toBeNull()
  })
})

describe('recsUrl', () => {
  it('asks for a similar list about the slot’s item, with spare items (twice n, at most 50)', () => {
    const url = new URL(recsUrl(bridge(), { slot: 'similar', items: ['A'], n: 8 }))
    expect(url.origin + url.pathname).toBe('https://edge.example/v1/recs')
    expect(
      new URL(recsUrl(bridge(), { slot: 'trending', items: [], n: 40 })).searchParams.get('n'),
    ).toBe('50')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      site: 'pk_test',
      slot: 'similar',
      n: '16',
      visitorId: 'v1',
      item: 'A',
    })
  })

  it('sends the whole cart as a comma list', () => {
    const url = new URL(recsUrl(bridge(), { slot: 'cart', items: ['A', 'B'], n: 3 }))
    expect(url.searchParams.get('item')).toBe('A,B')
  })

  it('asks for trending, with no visitor id, when none may be used', () => {
    const url = new URL(recsUrl(bridge(null), { slot: 'personal', items: [], n: 8 }))
    expect(url.searchParams.get('slot')).toBe('trending')
    expect(url.searchParams.has('visitorId')).toBe(false)
  })
})

describe('readRecs', () => {
  it('keeps only http(s) links and images, and items with an id and a title', () => {
    const recs = readRecs({
      ...RECS,
      items: [
        { ...RECS.items[0], url: 'javascript:alert(1)', image: 'data:image/png;base64,xx' },
        { itemId: 'C' },
        null,
      ],
    })
    expect(recs?.items).toEqual([
      { itemId: 'A', title: 'Blue mug', url: null, image: null, price: 12.5, currency: 'EUR' },
    ])
  })

  it('refuses an answer without a recId or items', () => {
    expect(readRecs({ items: [] })).toBeNull()
    expect(readRecs({ error: { code: 'not_found' } })).toBeNull()
    expect(readRecs(null)).toBeNull()
  })
})

describe('<edgelift-recs>', () => {
  it('renders the list in a shadow root with its own adopted stylesheet', async () => {
    const { root } = await renderSlot(
      'data-slot="similar" data-item="X" data-title="You may also like"',
      RECS,
    )
    expect(root.adoptedStyleSheets).toHaveLength(1)
    expect(root.querySelector('h2')?.textContent).toBe('You may also like')
    const items = root.querySelectorAll('ul[role="list"] > li')
    expect(items).toHaveLength(2)
    const link = root.querySelector('a') as HTMLAnchorElement
    expect(link.getAttribute('href')).toBe('https://shop.example/p/a')
    const img = root.querySelector('img') as HTMLImageElement
    expect(img.getAttribute('alt')).toBe('Blue mug')
    expect(img.getAttribute('loading')).toBe('lazy')
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['300', '300'])
    expect(root.querySelector('.price')?.textContent).toContain('12.50')
    // An item without a link is shown, but not as a link.
    expect(root.querySelectorAll('a')).toHaveLength(1)
    expect(root.innerHTML).not.toContain('style=')
  })

  it('sends a click with the list’s recId', async () => {
    const { root, bridge: b } = await renderSlot('data-slot="similar" data-item="X"', RECS)
    ;(root.querySelector('a') as HTMLAnchorElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true }),
    )
    expect(b.track).toHaveBeenCalledWith({
      type: 'click',
      itemId: 'A',
      recId: 'rec_123',
      props: { slot: 'similar', position: 0 },
    })
  })

  it('counts a middle click (a new tab) as a click, and a right click (a menu) as none', async () => {
    const { root, bridge: b } = await renderSlot('data-slot="similar" data-item="X"', RECS)
    const link = root.querySelector('a') as HTMLAnchorElement
    link.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 2 }))
    expect(b.track).not.toHaveBeenCalled()
    link.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 1 }))
    expect(b.track).toHaveBeenCalledTimes(1)
    expect(b.track).toHaveBeenCalledWith(expect.objectContaining({ type: 'click', itemId: 'A' }))
  })

  it('reports one impression once the list is half visible', async () => {
    const { bridge: b } = await renderSlot('data-slot="similar" data-item="X"', RECS)
    const rect = { height: 100 } as DOMRectReadOnly
    const root = { height: 800 } as DOMRectReadOnly
    intersect({
      isIntersecting: true,
      intersectionRatio: 0.3,
      intersectionRect: rect,
      rootBounds: root,
    })
    expect(b.track).not.toHaveBeenCalled()
    intersect({
      isIntersecting: true,
      intersectionRatio: 0.5,
      intersectionRect: rect,
      rootBounds: root,
    })
    intersect({
      isIntersecting: true,
      intersectionRatio: 1,
      intersectionRect: rect,
      rootBounds: root,
    })
    expect(b.track).toHaveBeenCalledTimes(1)
    expect(b.track).toHaveBeenCalledWith({
      type: 'custom',
      name: 'rec_impression',
      recId: 'rec_123',
      props: { slot: 'similar' },
    })
  })

  it('renders nothing for an empty list or a failed request', async () => {
    const empty = await renderSlot('data-slot="trending"', { ...RECS, items: [] })
    expect(empty.root.innerHTML).toBe('')
    const failed = await renderSlot('data-slot="trending"', { error: { code: 'not_found' } })
    expect(failed.root.innerHTML).toBe('')
  })

  it('mounts once per slot, however often the chunk is mounted', async () => {
    const { bridge: b } = await renderSlot('data-slot="trending"', RECS)
    mount(b)
    expect(document.querySelectorAll('edgelift-recs')).toHaveLength(1)
  })
})

describe('several slots on one page', () => {
  const item = (id: string) => ({ itemId: id, title: `Item ${id}`, url: null, image: null })
  const ids = (host: Element | null | undefined) =>
    [...(host?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent)

  it('never shows an item twice: each slot keeps its first n items no other slot shows', async () => {
    // A personal slot that falls back to trending, beside a trending slot: the same answer.
    const answer = { ...RECS, items: ['A', 'B', 'C', 'D', 'E', 'F'].map(item) }
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(answer)),
    )
    document.body.innerHTML = `
      <div data-edgelift="recs" data-slot="personal" data-n="3"></div>
      <div data-edgelift="recs" data-slot="trending" data-n="3"></div>`
    mount(bridge())
    const hosts = () => [...document.querySelectorAll('edgelift-recs')]
    await vi.waitFor(() => expect(hosts().every((h) => ids(h).length === 3)).toBe(true))
    const [first, second] = hosts().map(ids)
    expect([...(first ?? []), ...(second ?? [])].sort()).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => expect.stringContaining(`Item ${id}`)),
    )

    // The app takes one slot away (another route): a new slot may show its items again.
    document.querySelector('[data-slot="personal"]')?.remove()
    await new Promise((r) => setTimeout(r, 0))
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div data-edgelift="recs" data-slot="trending" data-n="3"></div>',
    )
    await vi.waitFor(() => expect(ids(hosts()[1])).toHaveLength(3))
    expect(ids(hosts()[1])).toEqual(first)
  })
})

describe('slots a single-page app adds after mount', () => {
  /** Mounts on an empty app with `fetch` answering RECS; answers the request URLs. */
  function mountApp(b: WidgetBridge): () => URL[] {
    const fetchSpy = vi.fn(async () => Response.json(RECS))
    vi.stubGlobal('fetch', fetchSpy)
    document.body.innerHTML = '<main id="app"></main>'
    mount(b)
    return () => fetchSpy.mock.calls.map((call: unknown[]) => new URL(String(call[0])))
  }
  const app = () => document.querySelector('#app') as HTMLElement
  const hosts = () => document.querySelectorAll('edgelift-recs')

  afterEach(() => {
    history.replaceState(null, '', '/')
    vi.restoreAllMocks()
  })

  it('fills a slot added later, and one inside an added subtree, each once', async () => {
    const requests = mountApp(bridge())
    app().insertAdjacentHTML('beforeend', '<div data-edgelift="recs" data-slot="trending"></div>')
    await vi.waitFor(() => expect(hosts()).toHaveLength(1))
    app().insertAdjacentHTML(
      'beforeend',
      '<section><article><div data-edgelift="recs" data-slot="personal" data-n="3"></div></article></section>',
    )
    await vi.waitFor(() => expect(hosts()).toHaveLength(2))
    // Moving a filled slot re-adds it to the tree: it keeps its one element.
    app().append(document.querySelector('[data-slot="trending"]') as HTMLElement)
    await new Promise((r) => setTimeout(r, 0))
    expect(hosts()).toHaveLength(2)
    await vi.waitFor(() => expect(requests()).toHaveLength(2))
    expect(requests().map((url) => url.searchParams.get('slot'))).toEqual(['trending', 'personal'])
    // data-n="3": three shown, six asked for (spares for items other slots show).
    expect(requests()[1]?.searchParams.get('n')).toBe('6')
  })

  it('shows a new list when the app changes a slot’s settings, one per change', async () => {
    const requests = mountApp(bridge())
    app().innerHTML = '<div data-edgelift="recs" data-slot="similar" data-item="A"></div>'
    await vi.waitFor(() => expect(requests()).toHaveLength(1))
    const slot = document.querySelector('[data-edgelift]') as HTMLElement
    // A product page component kept across routes: React sets both attributes in one render.
    slot.dataset.item = 'B'
    slot.dataset.title = 'Also for B'
    await vi.waitFor(() => expect(requests()).toHaveLength(2))
    await new Promise((r) => setTimeout(r, 0))
    expect(requests()).toHaveLength(2)
    expect(requests().map((url) => url.searchParams.get('item'))).toEqual(['A', 'B'])
    expect(hosts()).toHaveLength(1)
    expect((hosts()[0] as HTMLElement).dataset).toMatchObject({ item: 'B', title: 'Also for B' })
    // Unrelated attributes of the slot change nothing.
    slot.className = 'wide'
    await new Promise((r) => setTimeout(r, 0))
    expect(requests()).toHaveLength(2)
  })

  it('asks about the loader’s product only on the page the loader read it on', async () => {
    // The document was loaded from /p/mug (happy-dom keeps no navigation entry of its own).
    history.replaceState(null, '', '/p/mug')
    const loaded = { name: new URL('/p/mug', location.href).href } as PerformanceEntry
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([loaded])
    const requests = mountApp({ ...bridge(), productId: 'MUG-1' })
    app().insertAdjacentHTML('beforeend', '<div data-edgelift="recs" data-slot="similar"></div>')
    await vi.waitFor(() => expect(requests()).toHaveLength(1))
    history.pushState(null, '', '/p/teapot')
    app().innerHTML = '<div data-edgelift="recs" data-slot="similar"></div>'
    await vi.waitFor(() => expect(requests()).toHaveLength(2))
    expect(requests().map((url) => url.searchParams.get('item'))).toEqual(['MUG-1', null])
  })
})
