import { exports } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'
import { call, createSite, eventId, publicPost, startExperiment } from './support/api.ts'
import { proveHostname } from './support/hostnames.ts'

const origin = inject('originUrl')

/** What the origin heard as X-Edgelift-Intent for a page request with these headers. */
async function heard(host: string, headers: Record<string, string>): Promise<string | undefined> {
  const res = await exports.default.fetch(
    new Request(`https://${host}/echo-headers`, { headers: { accept: 'text/html', ...headers } }),
  )
  return ((await res.json()) as Record<string, string>)['x-edgelift-intent']
}

describe('proxy mode: X-Edgelift-Intent', () => {
  it('tells the origin a known visitor’s band, and drops a visitor’s own copy', async () => {
    const site = await createSite()
    const host = `intent-${Date.now().toString(36)}.test`
    await proveHostname(site, host, origin)
    const events = [
      ['/', 'home'],
      ['/p/1', 'product'],
      ['/cart', 'cart'],
    ].map(([path, pageKind]) => ({
      id: eventId(),
      type: 'page_view',
      visitorId: 'shopper',
      path,
      pageKind,
    }))
    expect((await publicPost(site, '/v1/events', { events })).status).toBe(202)
    const answer = (await (
      await call(`/v1/intent?site=${site.publicKey}&visitorId=shopper`)
    ).json()) as { intent: { band: string } }
    expect(answer.intent.band).toMatch(/^(low|medium|high)$/)
    const forged = answer.intent.band === 'high' ? 'low' : 'high'

    // With no experiment running, and with one.
    for (const running of [false, true]) {
      if (running) await startExperiment(site, 'hero')
      expect(await heard(host, { cookie: 'el_vid=shopper', 'x-edgelift-intent': forged })).toBe(
        answer.intent.band,
      )
      // A visitor without a session here, a new one, and one refusing tracking: no band.
      expect(
        await heard(host, { cookie: 'el_vid=stranger', 'x-edgelift-intent': forged }),
      ).toBeUndefined()
      expect(await heard(host, { 'x-edgelift-intent': forged })).toBeUndefined()
      expect(
        await heard(host, {
          cookie: 'el_vid=shopper',
          'sec-gpc': '1',
          'x-edgelift-intent': forged,
        }),
      ).toBeUndefined()
    }
    // With an experiment running the page is rewritten: the band rides on <html> for CSS.
    const html = await (
      await exports.default.fetch(
        new Request(`https://${host}/page`, {
          headers: { accept: 'text/html', cookie: 'el_vid=shopper' },
        }),
      )
    ).text()
    expect(html).toMatch(new RegExp(`<html[^>]* data-edgelift-intent="${answer.intent.band}"`))
  })
})
