import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bootLoader, setUpPage, settle, type Harness } from './support/loader-harness.ts'

type Intent = { band: string; score: number; model: string }
const HIGH: Intent = { band: 'high', score: 0.62, model: 'starter' }

let page: Harness
beforeEach(() => {
  vi.useFakeTimers()
  page = setUpPage()
})
afterEach(() => {
  vi.useRealTimers()
})

/** The API answers each POST /v1/assign with the next of `intents`. */
function answerIntents(...intents: unknown[]) {
  page.fetch.mockImplementation(async (url) =>
    String(url).includes('/v1/assign')
      ? Response.json({ visitorId: 'x', assignments: {}, intent: intents.shift() })
      : new Response('{}', { status: 202 }),
  )
}

const htmlIntent = () => document.documentElement.getAttribute('data-edgelift-intent')

describe('intent on the page', () => {
  it('sets data-edgelift-intent and calls the handlers pushed before the loader ran', async () => {
    answerIntents(HIGH)
    const seen: Intent[] = []
    ;(window as { edgelift?: unknown[] }).edgelift = [['on', 'intent', (i: Intent) => seen.push(i)]]
    await bootLoader()
    await settle(10)
    expect(htmlIntent()).toBe('high')
    expect(seen).toEqual([HIGH])
  })

  it('calls a handler pushed after the band is known at once', async () => {
    answerIntents(HIGH)
    await bootLoader()
    await settle(10)
    const seen: Intent[] = []
    page.queue().push(['on', 'intent', (i: Intent) => seen.push(i)])
    expect(seen).toEqual([HIGH])
  })

  it('hands the band the edge set on the page to a handler, without a score', async () => {
    document.documentElement.setAttribute('data-edgelift-intent', 'low')
    document.documentElement.setAttribute('data-edgelift-assignments', '{}')
    const seen: unknown[] = []
    ;(window as { edgelift?: unknown[] }).edgelift = [
      ['on', 'intent', (i: unknown) => seen.push(i)],
    ]
    await bootLoader()
    await settle(10)
    expect(seen).toEqual([{ band: 'low' }])
    expect(page.fetch.mock.calls.some(([url]) => String(url).includes('/v1/assign'))).toBe(false)
  })

  it('leaves the page alone when there is no score yet', async () => {
    answerIntents({ score: null, band: null, reason: 'no_session' })
    const seen: unknown[] = []
    ;(window as { edgelift?: unknown[] }).edgelift = [
      ['on', 'intent', (i: unknown) => seen.push(i)],
    ]
    await bootLoader()
    await settle(10)
    expect(htmlIntent()).toBeNull()
    expect(seen).toEqual([])
  })

  it('keeps a handler that throws on the answer from stopping the others or the experiments', async () => {
    page = setUpPage(
      `<div id="a" data-edgelift-experiment="banner" data-edgelift-variation="control">A</div>
       <div id="b" data-edgelift-experiment="banner" data-edgelift-variation="b">B</div>`,
    )
    page.fetch.mockImplementation(async (url) =>
      String(url).includes('/v1/assign')
        ? Response.json({
            visitorId: 'x',
            assignments: { banner: { variation: 'b', index: 1, phase: 1 } },
            intent: HIGH,
          })
        : new Response('{}', { status: 202 }),
    )
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const seen: Intent[] = []
    // Both are registered before the answer comes, so the answer itself calls them.
    ;(window as { edgelift?: unknown[] }).edgelift = [
      [
        'on',
        'intent',
        () => {
          throw new Error('broken banner')
        },
      ],
      ['on', 'intent', (i: Intent) => seen.push(i)],
    ]
    await bootLoader()
    await settle(1000)
    expect(seen).toEqual([HIGH])
    expect(htmlIntent()).toBe('high')
    expect(warn).toHaveBeenCalledWith('edgelift:', expect.any(Error))
    expect(document.getElementById('b')?.hasAttribute('data-edgelift-shown')).toBe(true)
    expect(document.getElementById('a')?.hasAttribute('data-edgelift-hidden')).toBe(true)
    expect(page.sentEvents().filter((e) => e.type === 'exposure')).toHaveLength(1)
    warn.mockRestore()
  })

  it('keeps a throwing handler pushed later from stopping the others or reaching the page', async () => {
    answerIntents(HIGH)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const seen: Intent[] = []
    ;(window as { edgelift?: unknown[] }).edgelift = [['on', 'intent', (i: Intent) => seen.push(i)]]
    await bootLoader()
    await settle(10)
    page.queue().push([
      'on',
      'intent',
      () => {
        throw new Error('broken banner')
      },
    ])
    expect(warn).toHaveBeenCalledWith('edgelift:', expect.any(Error))
    expect(seen).toEqual([HIGH])
    warn.mockRestore()
  })

  it('asks for no intent and sets nothing without a visitor id (Global Privacy Control)', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    answerIntents(HIGH)
    await bootLoader()
    await settle(1000)
    expect(page.fetch.mock.calls.some(([url]) => String(url).includes('/v1/assign'))).toBe(false)
    expect(htmlIntent()).toBeNull()
  })
})
