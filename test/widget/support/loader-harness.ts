// A fresh copy of the loader for each test (its modules keep per-page state, as on a real page),
// with fetch replaced by a spy, and the page's storage, cookies and markup reset.
// The chunks the loader imports by URL (widget-ui.js, widget-product.js) come from their sources: the
// test environment cannot import a URL, and where they are found is the e2e suites' concern.
// They are loaded once, here, so that an import resolves at once, as a cached chunk does, and the
// fake timers of a test see its effects in order.
import { vi } from 'vitest'
import type { WidgetBridge } from '../../../widget/loader/bridge.ts'
import type { ChunkName } from '../../../widget/loader/chunks.ts'
import type { LoaderConfig } from '../../../widget/loader/config.ts'

const CHUNKS: Record<ChunkName, unknown> = {
  ui: await import('../../../widget/recs/index.tsx'),
  product: await import('../../../widget/product/index.ts'),
}

export type Harness = {
  fetch: ReturnType<typeof vi.fn<(url: string, init?: RequestInit) => Promise<Response>>>
  /** The requests to /v1/events, in order: the URL and the body. */
  eventPosts(): [url: string, body: string][]
  /** Every event sent to /v1/events, in order. */
  sentEvents(): Record<string, unknown>[]
  queue(): unknown[] & { push(...commands: unknown[]): number }
  /** The loader's chunk imports, answered from the sources; a test may answer otherwise. */
  importChunk: ReturnType<typeof vi.fn<(src: string, name: ChunkName) => Promise<unknown>>>
}

// Listeners a loader adds to the window outlive its test; each new page removes the last one's,
// as a real navigation would.
const added: [string, EventListenerOrEventListenerObject][] = []
const addListener = window.addEventListener.bind(window)
const recordingAdd = (
  type: string,
  listener: EventListenerOrEventListenerObject,
  options?: boolean | AddEventListenerOptions,
) => {
  added.push([type, listener])
  addListener(type, listener, options)
}
window.addEventListener = recordingAdd
globalThis.addEventListener = recordingAdd

// So do the loader's and the UI chunk's MutationObservers: each new page disconnects the last one's.
const observers: MutationObserver[] = []
class RecordedObserver extends MutationObserver {
  constructor(callback: MutationCallback) {
    super(callback)
    observers.push(this)
  }
}
window.MutationObserver = RecordedObserver
globalThis.MutationObserver = RecordedObserver

export const CONFIG: LoaderConfig = {
  site: 'pk_test',
  api: 'https://edge.example',
  src: 'https://edge.example/widget/0123456789ab/widget.js',
  consentRequired: false,
}

/** Resets the page and stubs the network; answers 202 to events and `{}` to anything else. */
export function setUpPage(html = ''): Harness {
  vi.resetModules()
  for (const [type, listener] of added.splice(0)) window.removeEventListener(type, listener)
  for (const observer of observers.splice(0)) observer.disconnect()
  document.body.innerHTML = html
  document.documentElement.removeAttribute('data-edgelift-assignments')
  document.documentElement.removeAttribute('data-edgelift-intent')
  document.adoptedStyleSheets = []
  localStorage.clear()
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; max-age=0; path=/`
  }
  delete (window as { edgelift?: unknown }).edgelift
  delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl
  const fetch = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async (url) =>
    String(url).includes('/v1/events')
      ? new Response('{}', { status: 202 })
      : new Response('{}', { status: 200 }),
  )
  vi.stubGlobal('fetch', fetch)
  // Every browser has it (Chrome 47, Firefox 49, Safari 11.1); happy-dom does not.
  vi.stubGlobal('isSecureContext', location.protocol === 'https:')
  const importChunk = vi.fn(async (_src: string, name: ChunkName): Promise<unknown> => CHUNKS[name])
  vi.doMock('../../../widget/loader/chunks.ts', () => ({ importChunk }))
  const eventPosts = () =>
    fetch.mock.calls
      .filter(([url]) => String(url).includes('/v1/events'))
      .map(([url, init]): [string, string] => [String(url), String(init?.body)])
  return {
    fetch,
    eventPosts,
    importChunk,
    sentEvents: () =>
      eventPosts().flatMap(
        ([, body]) => (JSON.parse(body) as { events: Record<string, unknown>[] }).events,
      ),
    queue: () =>
      (window as unknown as { edgelift: Harness['queue'] extends () => infer Q ? Q : never })
        .edgelift,
  }
}

/** Imports a fresh loader and starts it, as the script tag would. */
export async function bootLoader(config: Partial<LoaderConfig> = {}): Promise<void> {
  const { boot } = await import('../../../widget/loader/boot.ts')
  boot({ ...CONFIG, ...config })
}

/** Lets pending promise callbacks and timers of `ms` run (fake timers). */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
}

/** Answers the UI chunk with a stand-in that records the bridge of each mount. */
export function recordMounts(page: Harness): WidgetBridge[] {
  const mounts: WidgetBridge[] = []
  const real = page.importChunk.getMockImplementation()
  page.importChunk.mockImplementation(async (src, name) =>
    name === 'ui' ? { mount: (bridge: WidgetBridge) => mounts.push(bridge) } : real?.(src, name),
  )
  return mounts
}
