import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { showVariations } from '../../widget/loader/experiment-visibility.ts'
import { bootLoader, setUpPage, settle, type Harness } from './support/loader-harness.ts'

const BANNER = `
  <p id="page">The page</p>
  <div id="a" data-edgelift-experiment="banner" data-edgelift-variation="control">A</div>
  <div id="b" data-edgelift-experiment="banner" data-edgelift-variation="b">B</div>
  <div id="c" data-edgelift-experiment="banner" data-edgelift-variation="c">C</div>`
const ASSIGNED_B = { banner: { variation: 'b', index: 1, phase: 1 } }

const el = (id: string) => document.getElementById(id)
const state = (id: string) =>
  !el(id)
    ? 'removed'
    : el(id)?.hasAttribute('data-edgelift-shown')
      ? 'shown'
      : el(id)?.hidden
        ? 'hidden'
        : 'waiting'
const exposures = (page: Harness) => page.sentEvents().filter((e) => e.type === 'exposure')

let page: Harness
beforeEach(() => {
  vi.useFakeTimers()
  page = setUpPage(BANNER)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('showVariations', () => {
  it('shows the assigned variation and hides the others, keeping their nodes', () => {
    expect([...showVariations(ASSIGNED_B)]).toEqual(['banner'])
    expect([state('a'), state('b'), state('c')]).toEqual(['hidden', 'shown', 'hidden'])
  })

  it('shows a rolled-out winner and counts no exposure: the experiment has stopped', () => {
    const rolledOut = { banner: { ...ASSIGNED_B.banner, rolledOut: true as const } }
    expect([...showVariations(rolledOut)]).toEqual([])
    expect([state('a'), state('b'), state('c')]).toEqual(['hidden', 'shown', 'hidden'])
  })

  it('shows control without an assignment, and counts no exposure', () => {
    expect([...showVariations(undefined)]).toEqual([])
    expect([state('a'), state('b'), state('c')]).toEqual(['shown', 'hidden', 'hidden'])
  })

  it('leaves decided elements alone: a second pass decides nothing and counts nothing', () => {
    showVariations(ASSIGNED_B)
    el('b')?.removeAttribute('data-edgelift-variation')
    expect([...showVariations(ASSIGNED_B)]).toEqual([])
    expect([state('a'), state('b'), state('c')]).toEqual(['hidden', 'shown', 'hidden'])
  })

  it('decides an element the app hid itself, which shows when the app reveals it', () => {
    el('b')?.setAttribute('hidden', '')
    expect([...showVariations(ASSIGNED_B)]).toEqual(['banner'])
    expect(el('b')?.hasAttribute('data-edgelift-shown')).toBe(true)
    expect(el('a')?.hasAttribute('data-edgelift-hidden')).toBe(true)
    el('b')?.removeAttribute('hidden')
    expect(state('b')).toBe('shown')
  })

  it('shows control for an experiment the visitor is not assigned to', () => {
    expect([...showVariations({ other: { variation: 'b', index: 1, phase: 1 } })]).toEqual([])
    expect(state('a')).toBe('shown')
  })
})

describe('experiments on the page', () => {
  it('hides only the marked elements, with an adopted stylesheet, until decided', async () => {
    page.fetch.mockImplementation(() => new Promise(() => {}))
    await bootLoader()
    const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText))
    expect(rules.join()).toContain('[data-edgelift-experiment]:not([data-edgelift-shown])')
    expect(rules.join()).toContain('display: none !important')
    expect(state('a')).toBe('waiting')
    expect(el('page')?.isConnected).toBe(true)
  })

  it('uses the assignments the edge injected, without asking the API', async () => {
    document.documentElement.setAttribute('data-edgelift-assignments', JSON.stringify(ASSIGNED_B))
    await bootLoader()
    await settle()
    expect(state('b')).toBe('shown')
    expect(page.fetch.mock.calls.some(([url]) => String(url).includes('/v1/assign'))).toBe(false)
  })

  it('asks POST /v1/assign as text/plain with the visitor and page, then sends one exposure', async () => {
    page.fetch.mockImplementation(async (url) =>
      String(url).includes('/v1/assign')
        ? Response.json({ visitorId: 'x', assignments: ASSIGNED_B })
        : new Response('{}', { status: 202 }),
    )
    await bootLoader()
    await settle(1000)
    const [url, init] = page.fetch.mock.calls.find(([u]) => String(u).includes('/v1/assign')) ?? []
    expect(url).toBe('https://edge.example/v1/assign?site=pk_test')
    expect(new Headers(init?.headers).get('content-type')).toBeNull()
    expect(JSON.parse(String(init?.body))).toEqual({
      visitorId: localStorage.getItem('el_vid'),
      url: location.href,
    })
    expect(state('b')).toBe('shown')
    expect(exposures(page)).toEqual([
      expect.objectContaining({ type: 'exposure', experiment: 'banner' }),
    ])
  })

  it('shows control after 1 s without an answer, and sends no exposure', async () => {
    page.fetch.mockImplementation((url) =>
      String(url).includes('/v1/assign')
        ? new Promise(() => {})
        : Promise.resolve(new Response('{}', { status: 202 })),
    )
    await bootLoader()
    await settle(999)
    expect(state('a')).toBe('waiting')
    await settle(1)
    expect([state('a'), state('b')]).toEqual(['shown', 'hidden'])
    await settle(2000)
    expect(exposures(page)).toEqual([])
  })

  it('decides elements a single-page app renders after the decision, before they paint', async () => {
    document.documentElement.setAttribute('data-edgelift-assignments', JSON.stringify(ASSIGNED_B))
    await bootLoader()
    await settle()
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div id="later-a" data-edgelift-experiment="banner" data-edgelift-variation="control">A</div>
       <div id="later-b" data-edgelift-experiment="banner" data-edgelift-variation="b">B</div>`,
    )
    // Mutation observers run as a microtask: before the browser's next rendering step.
    await Promise.resolve()
    expect([state('later-a'), state('later-b')]).toEqual(['hidden', 'shown'])
    await settle(1000)
    expect(exposures(page)).toHaveLength(2)
  })

  it('shows control when the API fails', async () => {
    page.fetch.mockImplementation(async (url) =>
      String(url).includes('/v1/assign')
        ? new Response('{"error":{}}', { status: 401 })
        : new Response('{}', { status: 202 }),
    )
    await bootLoader()
    await settle()
    expect(state('a')).toBe('shown')
  })

  it('does not ask the API without consent, and shows control', async () => {
    await bootLoader({ consentRequired: true })
    await settle(1000)
    expect(page.fetch).not.toHaveBeenCalled()
    expect(state('a')).toBe('shown')
  })
})
