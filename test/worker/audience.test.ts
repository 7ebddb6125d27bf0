import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { VisitorTraits } from '../../shared/audience.ts'
import { database } from '../../worker/db/database.ts'
import { decideAudiences } from '../../worker/experiments/audience-decisions.ts'
import { requireExperiment } from '../../worker/experiments/experiment-store.ts'
import {
  admin,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

const twoWay = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
]

const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const DESKTOP_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'

/** The experiments `/v1/assign` puts the visitor in, asked from a browser with this agent. */
async function assignedIn(site: TestSite, visitorId: string, userAgent: string) {
  const res = await publicPost(site, '/v1/assign', { visitorId }, { 'user-agent': userAgent })
  expect(res.status).toBe(200)
  const body = (await res.json()) as {
    assignments: Record<string, unknown>
    intent?: { band: string | null }
  }
  return { keys: Object.keys(body.assignments), band: body.intent?.band ?? null }
}

/** A page view of the visitor's, stored now (so their session is open). */
async function pageView(site: TestSite, visitorId: string, extra: Record<string, unknown> = {}) {
  const res = await publicPost(site, '/v1/events', {
    events: [{ id: eventId(), type: 'page_view', visitorId, path: '/', ...extra }],
  })
  expect(((await res.json()) as { accepted: number }).accepted).toBe(1)
}

const desktop: VisitorTraits = {
  intentBand: 'medium',
  device: 'desktop',
  visitor: 'new',
  source: 'search',
}

/** Decides one experiment's audience for a visitor with these traits; whether they are in. */
async function decide(site: TestSite, key: string, visitorId: string, traits: VisitorTraits) {
  const db = database(env.DB)
  const exp = await requireExperiment(db, site.id, key)
  const included = await decideAudiences(db, site.id, visitorId, [exp], async () => traits, 1)
  return included.has(key)
}

describe('experiment audience', () => {
  it('is stored and answered as sent, and an empty audience means everybody', async () => {
    const site = await createSite()
    const audience = {
      intentBands: ['medium', 'high'],
      devices: ['mobile'],
      visitors: 'returning',
      sources: ['email', 'paid'],
    }
    const res = await admin(site, 'POST', '/experiments', {
      key: 'hesitant',
      variations: twoWay,
      audience,
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { audience: unknown }).audience).toEqual(audience)
    const patched = await admin(site, 'PATCH', '/experiments/hesitant', { audience: {} })
    expect(((await patched.json()) as { audience: unknown }).audience).toBeNull()
    const plain = await admin(site, 'POST', '/experiments', { key: 'plain', variations: twoWay })
    expect(((await plain.json()) as { audience: unknown }).audience).toBeNull()
  })

  it.each([
    ['an unknown band', { intentBands: ['lukewarm'] }],
    ['an unknown device', { devices: ['watch'] }],
    ['an unknown visitor kind', { visitors: 'frequent' }],
    ['an unknown source', { sources: ['carrier-pigeon'] }],
    ['an empty list', { devices: [] }],
    ['a repeated value', { sources: ['email', 'email'] }],
    ['an unknown condition', { country: ['FR'] }],
    ['a list where one value goes', { visitors: ['new'] }],
    ['not an object', 'mobile'],
  ])('answers 400 invalid_experiment for %s and stores nothing', async (_, audience) => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', {
      key: 'exp',
      variations: twoWay,
      audience,
    })
    await expectRefused(res, 400, 'invalid_experiment')
    expect(await rows('SELECT key FROM experiments WHERE site_id = ?', site.id)).toEqual([])
  })

  it('refuses a bad audience in a PATCH and keeps the stored one', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp', { audience: { devices: ['mobile'] } })
    const res = await admin(site, 'PATCH', '/experiments/exp', {
      audience: { devices: ['mobile', 'fridge'] },
    })
    await expectRefused(res, 400, 'invalid_experiment')
    const [row] = await rows<{ audience: string; phase: number }>(
      'SELECT audience, phase FROM experiments WHERE site_id = ?',
      site.id,
    )
    expect(row).toEqual({ audience: JSON.stringify({ devices: ['mobile'] }), phase: 1 })
  })

  it('opens a new phase when a running experiment gets another audience', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp', { audience: { devices: ['mobile'] } })
    const res = await admin(site, 'PATCH', '/experiments/exp', {
      audience: { devices: ['desktop'] },
    })
    expect(((await res.json()) as { phase: number }).phase).toBe(2)
  })
})

describe('audience decisions', () => {
  it('keep a visitor in whose band later changes, and out one who was outside', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp', { audience: { intentBands: ['medium'] } })
    expect(await decide(site, 'exp', 'in', { ...desktop, intentBand: 'medium' })).toBe(true)
    expect(await decide(site, 'exp', 'in', { ...desktop, intentBand: 'low' })).toBe(true)
    expect(await decide(site, 'exp', 'out', { ...desktop, intentBand: 'high' })).toBe(false)
    expect(await decide(site, 'exp', 'out', { ...desktop, intentBand: 'medium' })).toBe(false)
    const stored = await rows(
      `SELECT visitor_id, included, intent_band FROM audience_decisions
       WHERE site_id = ? ORDER BY visitor_id`,
      site.id,
    )
    expect(stored).toEqual([
      { visitor_id: 'in', included: 1, intent_band: 'medium' },
      { visitor_id: 'out', included: 0, intent_band: 'high' },
    ])
  })

  it('wait for an unscored visitor when the audience names bands', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp', { audience: { intentBands: ['low'] } })
    expect(await decide(site, 'exp', 'v', { ...desktop, intentBand: null })).toBe(false)
    expect(await rows('SELECT 1 FROM audience_decisions WHERE site_id = ?', site.id)).toEqual([])
    expect(await decide(site, 'exp', 'v', { ...desktop, intentBand: 'low' })).toBe(true)
  })

  it('apply every condition of the audience', async () => {
    const site = await createSite()
    const audience = { devices: ['mobile'], visitors: 'returning', sources: ['email'] }
    await startExperiment(site, 'exp', { audience })
    const fits: VisitorTraits = {
      ...desktop,
      device: 'mobile',
      visitor: 'returning',
      source: 'email',
    }
    expect(await decide(site, 'exp', 'a', fits)).toBe(true)
    expect(await decide(site, 'exp', 'b', { ...fits, device: 'tablet' })).toBe(false)
    expect(await decide(site, 'exp', 'c', { ...fits, visitor: 'new' })).toBe(false)
    expect(await decide(site, 'exp', 'd', { ...fits, source: 'social' })).toBe(false)
  })

  it('count only included visitors, with the traits they were decided on', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp', { audience: { devices: ['mobile'] } })
    await decide(site, 'exp', 'phone', { ...desktop, device: 'mobile', intentBand: 'high' })
    await decide(site, 'exp', 'laptop', desktop)
    const exposure = (visitorId: string) => ({
      id: eventId(),
      type: 'exposure',
      visitorId,
      experiment: 'exp',
    })
    const res = await publicPost(site, '/v1/events', {
      events: [exposure('phone'), exposure('laptop'), exposure('never-assigned')],
    })
    expect(res.status).toBe(202)
    const counted = await rows(
      `SELECT visitor_id, intent_band, device, returning_visitor, source FROM assignments
       WHERE site_id = ?`,
      site.id,
    )
    expect(counted).toEqual([
      {
        visitor_id: 'phone',
        intent_band: 'high',
        device: 'mobile',
        returning_visitor: 0,
        source: 'search',
      },
    ])
  })

  it('let an experiment without audience count every exposure, traits or not', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    await decide(site, 'exp', 'decided', desktop)
    await publicPost(site, '/v1/events', {
      events: ['decided', 'proxied'].map((visitorId) => ({
        id: eventId(),
        type: 'exposure',
        visitorId,
        experiment: 'exp',
      })),
    })
    const counted = await rows(
      'SELECT visitor_id, device FROM assignments WHERE site_id = ? ORDER BY visitor_id',
      site.id,
    )
    expect(counted).toEqual([
      { visitor_id: 'decided', device: 'desktop' },
      { visitor_id: 'proxied', device: null },
    ])
  })
})

describe('POST /v1/assign with audiences', () => {
  it('leaves a visitor outside the audience out, and keeps each first decision', async () => {
    const site = await createSite()
    await startExperiment(site, 'phones', { audience: { devices: ['mobile'] }, coverage: 1 })
    expect((await assignedIn(site, 'on-phone', PHONE_UA)).keys).toEqual(['phones'])
    expect((await assignedIn(site, 'on-laptop', DESKTOP_UA)).keys).toEqual([])
    // The same visitors on the other device: their first decision stands.
    expect((await assignedIn(site, 'on-phone', DESKTOP_UA)).keys).toEqual(['phones'])
    expect((await assignedIn(site, 'on-laptop', PHONE_UA)).keys).toEqual([])
  })

  it('shows a rolled-out winner to visitors outside the audience, deciding nothing', async () => {
    const site = await createSite()
    await startExperiment(site, 'phones', { audience: { devices: ['mobile'] }, coverage: 1 })
    const rollout = await admin(site, 'POST', '/experiments/phones/rollout', {
      variation: 'treatment',
    })
    expect(rollout.status).toBe(200)
    expect((await assignedIn(site, 'on-laptop', DESKTOP_UA)).keys).toEqual(['phones'])
    expect((await assignedIn(site, 'on-phone', PHONE_UA)).keys).toEqual(['phones'])
    expect(await rows('SELECT 1 FROM audience_decisions WHERE site_id = ?', site.id)).toEqual([])
  })

  it('assigns everybody in an experiment without audience, recording their traits after answering', async () => {
    const site = await createSite()
    await startExperiment(site, 'all')
    expect((await assignedIn(site, 'v', PHONE_UA)).keys).toEqual(['all'])
    // Recorded in waitUntil, so the answer does not wait on it.
    await expect
      .poll(() =>
        rows(
          'SELECT included, device, returning_visitor FROM audience_decisions WHERE site_id = ?',
          site.id,
        ),
      )
      .toEqual([{ included: 1, device: 'mobile', returning_visitor: 0 }])
  })

  it('gives a decision made before the visit had a band the first band of its next pages', async () => {
    const site = await createSite()
    await startExperiment(site, 'all')
    const band = () =>
      rows<{ visitor_id: string; intent_band: string | null }>(
        'SELECT visitor_id, intent_band FROM audience_decisions WHERE site_id = ? ORDER BY visitor_id',
        site.id,
      )
    // A visit's first page: bucketed before any page view is stored, so no band yet.
    expect((await assignedIn(site, 'v', DESKTOP_UA)).band).toBeNull()
    expect((await assignedIn(site, 'late', DESKTOP_UA)).band).toBeNull()
    await expect.poll(band).toEqual([
      { visitor_id: 'late', intent_band: null },
      { visitor_id: 'v', intent_band: null },
    ])
    // One decision is older than the half hour a band may arrive in.
    await env.DB.prepare(
      "UPDATE audience_decisions SET decided_at = decided_at - 31 * 60000 WHERE site_id = ? AND visitor_id = 'late'",
    )
      .bind(site.id)
      .run()
    await pageView(site, 'v', { pageKind: 'product' })
    await pageView(site, 'late', { pageKind: 'product' })
    const next = await assignedIn(site, 'v', DESKTOP_UA)
    expect(next.band).toMatch(/^(low|medium|high)$/)
    expect((await assignedIn(site, 'late', DESKTOP_UA)).band).toMatch(/^(low|medium|high)$/)
    await expect.poll(band).toEqual([
      { visitor_id: 'late', intent_band: null },
      { visitor_id: 'v', intent_band: next.band },
    ])
    // A band once recorded stays: a later page's band does not replace it.
    await env.DB.prepare(
      "UPDATE audience_decisions SET intent_band = 'medium' WHERE site_id = ? AND visitor_id = 'v'",
    )
      .bind(site.id)
      .run()
    // The same request's recording decides a newly started experiment for v, after the fill:
    // once that decision is stored, the fill has had its chance.
    await startExperiment(site, 'later')
    await assignedIn(site, 'v', DESKTOP_UA)
    await expect
      .poll(() =>
        rows(
          "SELECT 1 FROM audience_decisions WHERE site_id = ? AND visitor_id = 'v' AND experiment_key = 'later'",
          site.id,
        ),
      )
      .toHaveLength(1)
    expect(
      await rows(
        "SELECT intent_band FROM audience_decisions WHERE site_id = ? AND visitor_id = 'v' AND experiment_key = 'all'",
        site.id,
      ),
    ).toEqual([{ intent_band: 'medium' }])
  })

  it('waits for the intent score before deciding an audience of bands', async () => {
    const site = await createSite()
    await startExperiment(site, 'by-intent', {
      audience: { intentBands: ['low', 'medium', 'high'] },
    })
    // No event yet: no session to score, so no decision and no variation.
    const first = await assignedIn(site, 'v', DESKTOP_UA)
    expect(first).toEqual({ keys: [], band: null })
    expect(await rows('SELECT 1 FROM audience_decisions WHERE site_id = ?', site.id)).toEqual([])
    await pageView(site, 'v', { pageKind: 'product' })
    const second = await assignedIn(site, 'v', DESKTOP_UA)
    expect(second.keys).toEqual(['by-intent'])
    const stored = await rows<{ intent_band: string }>(
      'SELECT intent_band FROM audience_decisions WHERE site_id = ?',
      site.id,
    )
    expect(stored).toEqual([{ intent_band: second.band }])
  })

  it('decides the source from the session first page and new or returning from history', async () => {
    const site = await createSite()
    await startExperiment(site, 'from-search', {
      audience: { sources: ['search'], visitors: 'new' },
    })
    await pageView(site, 'searcher', { referrer: 'https://www.google.com/' })
    await pageView(site, 'mailed', { utm: { source: 'newsletter', medium: 'email' } })
    expect((await assignedIn(site, 'searcher', DESKTOP_UA)).keys).toEqual(['from-search'])
    expect((await assignedIn(site, 'mailed', DESKTOP_UA)).keys).toEqual([])
    const stored = await rows(
      'SELECT visitor_id, source, returning_visitor FROM audience_decisions WHERE site_id = ? ORDER BY visitor_id',
      site.id,
    )
    expect(stored).toEqual([
      { visitor_id: 'mailed', source: 'email', returning_visitor: 0 },
      { visitor_id: 'searcher', source: 'search', returning_visitor: 0 },
    ])
  })

  it('counts a visitor with events before this session as returning', async () => {
    const site = await createSite()
    await startExperiment(site, 'regulars', { audience: { visitors: 'returning' } })
    const twoHoursAgo = Date.now() - 2 * 60 * 60 * 1000
    await env.DB.prepare(
      `INSERT INTO events (site_id, id, type, visitor_id, received_at, at) VALUES (?, ?, 'view', 'back', ?, ?)`,
    )
      .bind(site.id, eventId(), twoHoursAgo, twoHoursAgo)
      .run()
    await pageView(site, 'back')
    await pageView(site, 'first-time')
    expect((await assignedIn(site, 'back', DESKTOP_UA)).keys).toEqual(['regulars'])
    expect((await assignedIn(site, 'first-time', DESKTOP_UA)).keys).toEqual([])
  })
})
