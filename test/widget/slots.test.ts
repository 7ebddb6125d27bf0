// The loader in a single-page app: slots rendered after load still get recommendations, and a
// page without any slot never downloads the UI chunk.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  bootLoader,
  recordMounts,
  setUpPage,
  settle,
  type Harness,
} from './support/loader-harness.ts'

const uiImports = (page: Harness) =>
  page.importChunk.mock.calls.filter(([, name]) => name === 'ui').length

function addSlot(parent: Element = document.body): void {
  const slot = document.createElement('div')
  slot.dataset.edgelift = 'recs'
  slot.dataset.slot = 'trending'
  parent.append(slot)
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('recommendation slots a single-page app renders later', () => {
  it('imports no UI chunk while the page has no slot', async () => {
    const page = setUpPage('<main id="app"></main>')
    recordMounts(page)
    await bootLoader()
    await settle(5000)
    document.querySelector('#app')?.append(document.createElement('p'))
    await settle(1000)
    expect(uiImports(page)).toBe(0)
  })

  it('imports and mounts the UI chunk once the first slot is added, deep in the app', async () => {
    const page = setUpPage('<main id="app"><section></section></main>')
    const mounts = recordMounts(page)
    await bootLoader()
    await settle(2000)
    expect(uiImports(page)).toBe(0)
    addSlot(document.querySelector('section') ?? undefined)
    await settle(0)
    expect(uiImports(page)).toBe(1)
    expect(mounts).toHaveLength(1)
    // Later slots are the UI chunk's to fill: the loader does not import or mount it again.
    addSlot()
    await settle(1000)
    expect(uiImports(page)).toBe(1)
    expect(mounts).toHaveLength(1)
  })

  it('mounts at once when the markup already has a slot', async () => {
    const page = setUpPage('<div data-edgelift="recs"></div>')
    const mounts = recordMounts(page)
    await bootLoader()
    await settle(0)
    expect(mounts).toHaveLength(1)
  })
})
