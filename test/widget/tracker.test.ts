import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventFields } from '../../widget/loader/tracker.ts'
import { setUpPage, settle, type Harness } from './support/loader-harness.ts'

let page: Harness
let track: (fields: EventFields) => void
let leaving: ReturnType<typeof vi.fn<() => void>>
beforeEach(async () => {
  vi.useFakeTimers()
  page = setUpPage()
  const tracker = await import('../../widget/loader/tracker.ts')
  leaving = vi.fn()
  tracker.startTracker('https://edge.example/v1/events?site=pk_test', () => 'visitor-1', leaving)
  track = tracker.track
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the event pipeline', () => {
  it('sends events one second after the first, in one request, with ids and the visitor', async () => {
    track({ type: 'add_to_cart', itemId: 'A' })
    await settle(500)
    track({ type: 'add_to_cart', itemId: 'B' })
    await settle(499)
    expect(page.eventPosts()).toEqual([])
    await settle(1)
    expect(page.eventPosts().map(([url]) => url)).toEqual([
      'https://edge.example/v1/events?site=pk_test',
    ])
    const events = page.sentEvents()
    expect(events.map((e) => e.itemId)).toEqual(['A', 'B'])
    for (const e of events) {
      expect(e.visitorId).toBe('visitor-1')
      expect(e.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    }
    expect(events[0]?.id).not.toBe(events[1]?.id)
  })

  it('sends at once when the page is hidden or left', async () => {
    track({ type: 'view', itemId: 'A' })
    Object.defineProperty(document, 'hidden', { value: true, configurable: true })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    expect(page.eventPosts()).toHaveLength(1)
    track({ type: 'view', itemId: 'B' })
    window.dispatchEvent(new Event('pagehide'))
    expect(page.eventPosts()).toHaveLength(2)
    delete (document as { hidden?: boolean }).hidden
  })

  it('lets the page add its last events as it is hidden, into the same request', async () => {
    track({ type: 'view', itemId: 'A' })
    leaving.mockImplementation(() => track({ type: 'page_view', path: '/p/a' }))
    window.dispatchEvent(new Event('pagehide'))
    expect(leaving).toHaveBeenCalledTimes(1)
    expect(page.eventPosts()).toHaveLength(1)
    expect(page.sentEvents().map((e) => e.type)).toEqual(['view', 'page_view'])
  })

  it('still sends what waits when the page’s last addition throws', async () => {
    track({ type: 'view', itemId: 'A' })
    leaving.mockImplementation(() => {
      throw new Error('the page broke')
    })
    window.dispatchEvent(new Event('pagehide'))
    expect(page.sentEvents().map((e) => e.itemId)).toEqual(['A'])
  })

  it('does not call the page back while it is only made visible', async () => {
    Object.defineProperty(document, 'hidden', { value: false, configurable: true })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    expect(leaving).not.toHaveBeenCalled()
    delete (document as { hidden?: boolean }).hidden
  })

  it('sends at once when 100 events wait', async () => {
    for (let i = 0; i < 100; i++) track({ type: 'custom', name: 'n', props: { i } })
    expect(page.eventPosts()).toHaveLength(1)
    expect(page.sentEvents()).toHaveLength(100)
  })
})
