// The duration in days beside the plan: recent traffic is an experiment's new visitors per day in
// its current phase over the last 7 days (or since the phase started, when younger).
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Duration } from '../../shared/api-types.ts'
import {
  admin,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  startExperiment,
  type TestSite,
} from './support/api.ts'

const DAY = 86_400_000

/**
 * Assignment rows of phase 1 written as they would have been: `recent` visitors exposed 3 days
 * ago and `old` ones 10 days ago, every 20th converting, in a phase started 20 days ago.
 */
async function history(site: TestSite, key: string, recent: number, old: number) {
  const now = Date.now()
  await env.DB.prepare(
    `UPDATE experiment_phases SET started_at = ? WHERE site_id = ? AND experiment_key = ?`,
  )
    .bind(now - 20 * DAY, site.id, key)
    .run()
  const insert = env.DB.prepare(
    `INSERT INTO assignments (site_id, experiment_key, phase, visitor_id, variation, exposed_at,
      converted_at, conversions) VALUES (?, ?, 1, ?, ?, ?, ?, ?)`,
  )
  const statements = Array.from({ length: recent + old }, (_, i) => {
    const at = now - (i < recent ? 3 : 10) * DAY
    const converts = i % 20 === 0
    return insert.bind(
      site.id,
      key,
      `v${i}`,
      i % 2,
      at,
      converts ? at + 1000 : null,
      converts ? 1 : 0,
    )
  })
  await env.DB.batch(statements)
}

async function resultsOf(site: TestSite, key: string) {
  const res = await admin(site, 'GET', `/experiments/${key}/results`)
  expect(res.status).toBe(200)
  return (await res.json()) as { duration: Duration; power: { visitorsStillNeeded: number | null } }
}

describe('results: duration in days at the recent traffic', () => {
  it('averages the last 7 days of new visitors and says how many days the plan still needs', async () => {
    const site = await createSite()
    await startExperiment(site, 'paced')
    await history(site, 'paced', 70, 100)
    const { duration, power } = await resultsOf(site, 'paced')
    expect(duration).toMatchObject({ windowDays: 7 })
    expect(duration.visitorsPerDay).toBeCloseTo(10, 9)
    expect(power.visitorsStillNeeded).toBeGreaterThan(0)
    expect(duration.days).toBe(Math.ceil((power.visitorsStillNeeded ?? 0) / 10))
  })

  it('averages over the phase’s age when it started less than 7 days ago', async () => {
    const site = await createSite()
    await startExperiment(site, 'young')
    const events = Array.from({ length: 30 }, (_, i) => ({
      id: eventId(),
      type: 'exposure',
      visitorId: `young-${i}`,
      experiment: 'young',
    }))
    await publicPost(site, '/v1/events', { events })
    const { duration } = await resultsOf(site, 'young')
    // A phase minutes old is averaged over an hour, not over 7 days.
    expect(duration.windowDays).toBeCloseTo(1 / 24, 3)
    expect(duration.visitorsPerDay).toBeCloseTo(30 * 24, 0)
  })

  it('says there is no recent traffic rather than a number of days', async () => {
    const site = await createSite()
    await startExperiment(site, 'quiet')
    expect((await resultsOf(site, 'quiet')).duration).toEqual({
      visitorsPerDay: null,
      windowDays: expect.any(Number),
      days: null,
      reason: 'no_recent_traffic',
    })
  })
})

describe('GET /v1/admin/sample-size?experiment=', () => {
  it('adds the days the experiment’s recent traffic takes to bring the total', async () => {
    const site = await createSite()
    await startExperiment(site, 'paced')
    await history(site, 'paced', 70, 100)
    const res = await admin(site, 'GET', '/sample-size?baseline=0.05&mde=0.1&experiment=paced')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { totalVisitors: number; duration: Duration }
    expect(body.duration.visitorsPerDay).toBeCloseTo(10, 9)
    expect(body.duration.days).toBe(Math.ceil(body.totalVisitors / 10))
  })

  it('answers without a duration when no experiment is named', async () => {
    const site = await createSite()
    const res = await admin(site, 'GET', '/sample-size?baseline=0.05&mde=0.1')
    expect(res.status).toBe(200)
    expect(await res.json()).not.toHaveProperty('duration')
  })

  it('refuses a malformed key with 400, and another site’s experiment as one that does not exist', async () => {
    const site = await createSite()
    const other = await createSite()
    await startExperiment(other, 'theirs')
    const query = '/sample-size?baseline=0.05&mde=0.1&experiment='
    await expectRefused(await admin(site, 'GET', `${query}a%20b`), 400, 'invalid_experiment_key')
    await expectRefused(await admin(site, 'GET', `${query}theirs`), 404, 'not_found')
    await expectRefused(await admin(site, 'GET', `${query}missing`), 404, 'not_found')
  })
})
