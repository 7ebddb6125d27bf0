import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, MAX_SENDS, resumeRetries, sendBody } from '../../widget/loader/delivery.ts'
import { setUpPage, settle, type Harness } from './support/loader-harness.ts'

const URL = 'https://edge.example/v1/events?site=pk_test'
const BODY = '{"events":[{"id":"evt_00000001","type":"view","visitorId":"v"}]}'
const stored = () => JSON.parse(localStorage.getItem('el_retry') ?? '[]') as [string, number][]
const answer = (status: number) => async () => new Response('{}', { status })

let page: Harness
beforeEach(() => {
  vi.useFakeTimers()
  page = setUpPage()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('sendBody', () => {
  it('posts the body as text with keepalive, so it outlives the page, and keeps nothing', async () => {
    sendBody(URL, BODY)
    await settle()
    expect(page.fetch).toHaveBeenCalledWith(URL, { method: 'POST', body: BODY, keepalive: true })
    expect(localStorage.getItem('el_retry')).toBeNull()
  })

  it('retries a 503 with exponential backoff, and forgets the body once sent', async () => {
    page.fetch
      .mockImplementationOnce(answer(503))
      .mockImplementationOnce(answer(503))
      .mockImplementationOnce(answer(202))
    sendBody(URL, BODY)
    await settle()
    expect(stored()).toEqual([[BODY, 1]])
    await settle(backoffDelay(1) - 1)
    expect(page.fetch).toHaveBeenCalledTimes(1)
    await settle(1)
    expect(page.fetch).toHaveBeenCalledTimes(2)
    expect(stored()).toEqual([[BODY, 2]])
    await settle(backoffDelay(2))
    expect(page.fetch).toHaveBeenCalledTimes(3)
    expect(localStorage.getItem('el_retry')).toBeNull()
  })

  it('waits 2 s, 4 s, 8 s ... between tries, at most 5 minutes', () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([2000, 4000, 8000, 16000])
    expect(backoffDelay(12)).toBe(300_000)
  })

  it('retries a 429 and a network error', async () => {
    page.fetch.mockImplementationOnce(answer(429))
    sendBody(URL, BODY)
    await settle()
    expect(stored()).toEqual([[BODY, 1]])
    page.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await settle(backoffDelay(1))
    expect(stored()).toEqual([[BODY, 2]])
  })

  it('drops a body the API refuses with another 4xx', async () => {
    page.fetch.mockImplementation(answer(400))
    sendBody(URL, BODY)
    await settle(60_000)
    expect(page.fetch).toHaveBeenCalledTimes(1)
    expect(localStorage.getItem('el_retry')).toBeNull()
  })

  it(`gives up after ${MAX_SENDS} sends`, async () => {
    page.fetch.mockImplementation(answer(500))
    sendBody(URL, BODY)
    await settle(60 * 60_000)
    expect(page.fetch).toHaveBeenCalledTimes(MAX_SENDS)
    expect(localStorage.getItem('el_retry')).toBeNull()
  })
})

describe('resumeRetries', () => {
  it('sends at once what an earlier page view left', async () => {
    localStorage.setItem('el_retry', JSON.stringify([[BODY, 3]]))
    resumeRetries(URL)
    await settle()
    expect(page.fetch).toHaveBeenCalledTimes(1)
    expect(localStorage.getItem('el_retry')).toBeNull()
  })

  it('keeps counting sends across page views', async () => {
    localStorage.setItem('el_retry', JSON.stringify([[BODY, 3]]))
    page.fetch.mockImplementation(answer(503))
    resumeRetries(URL)
    await settle()
    expect(stored()).toEqual([[BODY, 4]])
  })

  it('ignores a broken entry in storage', async () => {
    localStorage.setItem('el_retry', '{oops')
    resumeRetries(URL)
    await settle()
    expect(page.fetch).not.toHaveBeenCalled()
  })
})
