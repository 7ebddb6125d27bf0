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
