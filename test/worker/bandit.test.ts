import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { updateDueBandits } from '../../worker/experiments/bandit-schedule.ts'
import type { BanditResultsSection, ReweighAnswer } from '../../shared/api-types.ts'
import { admin, createSite, expectRefused, publicPost, rows, eventId } from './support/api.ts'
import { THREE_ARMS, expose, purchase, startBandit, storedVariations } from './support/bandit.ts'

type ExperimentAnswer = {
  status: string
  phase: number
  type: string
  winner: string | null
  bandit: Record<string, unknown> | null
  variations: { key: string; weight: number }[]
  phases: unknown[]
}

const visitors = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}`)

/** 450 exposed visitors (about 150 a variation); every third of those in `c` buys. */
async function trafficWithWinner(site: Awaited<ReturnType<typeof createSite>>, key: string) {
  const ids = visitors(`${key}-v`, 450)
  await expose(site, key, ids)
  const stored = await storedVariations(site, key)
  await purchase(
    site,
    ids.filter((id, i) => (stored.get(id) === 2 ? i % 3 === 0 : i % 25 === 0)),
  )
}

const countOf = async (table: string, key: string) =>
  (await rows<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE experiment_key = ?`, key))[0]
    ?.n

describe('POST /v1/admin/experiments with "type": "bandit"', () => {
  it('stores the defaults and starts every bandit on an equal split', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', {
      key: 'banner',
      type: 'bandit',
      variations: [
        { key: 'a', weight: 0.8 },
        { key: 'b', weight: 0.2 },
      ],
    })
    expect(res.status).toBe(201)
    const exp = (await res.json()) as ExperimentAnswer
    expect(exp.type).toBe('bandit')
    expect(exp.bandit).toEqual({
      objective: 'maximize',
      exploreHours: 24,
      updateHours: 1,
      minWeight: 0.01,
      stopThreshold: 0.95,
    })
    expect(exp.variations.map((v) => v.weight)).toEqual([0.5, 0.5])
  })

  it('creates an A/B test unless told otherwise', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', { key: 'ab', variations: THREE_ARMS })
    expect(await res.json()).toMatchObject({ type: 'ab', bandit: null, winner: null })
  })

  it.each([
    ['minWeight 0.6 with three variations', { variations: THREE_ARMS, bandit: { minWeight: 0.6 } }],
    ['a negative exploreHours', { variations: THREE_ARMS, bandit: { exploreHours: -1 } }],
    ['updateHours 0', { variations: THREE_ARMS, bandit: { updateHours: 0 } }],
    ['one variation', { variations: [{ key: 'a', weight: 1 }] }],
    ['an unknown objective', { variations: THREE_ARMS, bandit: { objective: 'greedy' } }],
    ['an unknown setting', { variations: THREE_ARMS, bandit: { explore: 3 } }],
  ])('refuses %s with 400 and stores nothing', async (_, body) => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', { key: 'bad', type: 'bandit', ...body })
    await expectRefused(res, 400, 'invalid_experiment')
    expect(await rows('SELECT key FROM experiments WHERE site_id = ?', site.id)).toEqual([])
  })

  it('refuses bandit settings on an A/B test', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', {
      key: 'ab',
      variations: THREE_ARMS,
      bandit: { minWeight: 0.1 },
    })
    await expectRefused(res, 400, 'invalid_experiment')
  })

  it('refuses a PATCH whose minWeight the variations cannot keep, changing nothing', async () => {
    const site = await createSite()
    await startBandit(site, 'floors')
    const res = await admin(site, 'PATCH', '/experiments/floors', {
      bandit: { minWeight: 0.5 },
    })
    await expectRefused(res, 400, 'invalid_experiment')
    const exp = (await (await admin(site, 'GET', '/experiments/floors')).json()) as ExperimentAnswer
    expect(exp.bandit).toMatchObject({ minWeight: 0.01 })
  })
})

describe('POST /v1/admin/experiments/{key}/reweigh', () => {
  it('waits out the exploration, saying so', async () => {
    const site = await createSite()
    await startBandit(site, 'explore', { exploreHours: 24 })
    await trafficWithWinner(site, 'explore')
    const res = await admin(site, 'POST', '/experiments/explore/reweigh')
    expect(res.status).toBe(200)
    const answer = (await res.json()) as ReweighAnswer
    expect(answer).toMatchObject({ updated: false, reason: 'exploring' })
    expect(answer.weights).toEqual([1 / 3, 1 / 3, 1 / 3])
    expect(await countOf('bandit_periods', 'explore')).toBe(1)
  })

  it('waits for 100 exposed visitors in every variation, saying so', async () => {
    const site = await createSite()
    await startBandit(site, 'few')
    await expose(site, 'few', visitors('few', 60))
    const answer = (await (
      await admin(site, 'POST', '/experiments/few/reweigh')
    ).json()) as ReweighAnswer
    expect(answer).toMatchObject({ updated: false, reason: 'not_enough_visitors' })
    expect(answer.bestArmProbabilities).toHaveLength(3)
    expect(await countOf('bandit_periods', 'few')).toBe(1)
  })

  it('moves traffic to the variation that converts, in a new period of the same phase', async () => {
    const site = await createSite()
    await startBandit(site, 'move', { minWeight: 0.05 })
    await trafficWithWinner(site, 'move')
    const answer = (await (
      await admin(site, 'POST', '/experiments/move/reweigh')
    ).json()) as ReweighAnswer
    expect(answer.updated).toBe(true)
    expect(answer.reason).toBeUndefined()
    expect(answer.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(Math.min(...answer.weights)).toBeGreaterThanOrEqual(0.05)
    expect(answer.weights[2]).toBeGreaterThan(0.8)
    expect(answer.bestArmProbabilities[2]).toBeGreaterThan(0.9)

    const exp = (await (await admin(site, 'GET', '/experiments/move')).json()) as ExperimentAnswer
    expect(exp.phase).toBe(1)
    expect(exp.phases).toHaveLength(1)
    expect(exp.variations.map((v) => v.weight)).toEqual(answer.weights)
    const periods = await rows<{ period: number; weights: string; visitors_before: number }>(
      'SELECT period, weights, visitors_before FROM bandit_periods WHERE experiment_key = ? ORDER BY period',
      'move',
    )
    expect(periods.map((p) => p.period)).toEqual([0, 1])
    expect(JSON.parse(periods[1]?.weights ?? '[]')).toEqual(answer.weights)
    expect(periods[1]?.visitors_before).toBe(450)
  })

  it('refuses a draft, a stopped bandit and an A/B test with 409, another site with 404', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', {
      key: 'draft',
      type: 'bandit',
      variations: THREE_ARMS,
    })
    await expectRefused(await admin(site, 'POST', '/experiments/draft/reweigh'), 409, 'not_running')
    await startBandit(site, 'stopped')
    await admin(site, 'POST', '/experiments/stopped/stop')
    await expectRefused(
      await admin(site, 'POST', '/experiments/stopped/reweigh'),
      409,
      'not_running',
    )
    await admin(site, 'POST', '/experiments', { key: 'ab', variations: THREE_ARMS })
    await admin(site, 'POST', '/experiments/ab/start')
    await expectRefused(await admin(site, 'POST', '/experiments/ab/reweigh'), 409, 'not_a_bandit')
    const other = await createSite()
    await startBandit(other, 'theirs')
    await expectRefused(await admin(site, 'POST', '/experiments/theirs/reweigh'), 404, 'not_found')
    expect(await countOf('bandit_periods', 'theirs')).toBe(1)
  })
})

describe('bandit phases', () => {
  it('opens a new phase, equal again, when the variations change; a rename does not', async () => {
    const site = await createSite()
    await startBandit(site, 'phases')
    await trafficWithWinner(site, 'phases')
    await admin(site, 'POST', '/experiments/phases/reweigh')
    const renamed = (await (
      await admin(site, 'PATCH', '/experiments/phases', { name: 'Banner' })
    ).json()) as ExperimentAnswer & { newPhase: boolean }
    expect(renamed.newPhase).toBe(false)
    // The same keys with typed weights keep the bandit's weights and phase.
    const sameKeys = (await (
      await admin(site, 'PATCH', '/experiments/phases', { variations: THREE_ARMS })
    ).json()) as ExperimentAnswer & { newPhase: boolean }
    expect(sameKeys.newPhase).toBe(false)
    expect(sameKeys.variations.map((v) => v.weight)).toEqual(
      renamed.variations.map((v) => v.weight),
    )
    const res = await admin(site, 'PATCH', '/experiments/phases', {
      variations: [...THREE_ARMS.map((v) => ({ ...v, weight: 0.25 })), { key: 'd', weight: 0.25 }],
    })
    const changed = (await res.json()) as ExperimentAnswer & { newPhase: boolean }
    expect(changed.newPhase).toBe(true)
    expect(changed.phase).toBe(2)
    expect(changed.variations.map((v) => v.weight)).toEqual([0.25, 0.25, 0.25, 0.25])
    const periods = await rows<{ phase: number; period: number }>(
      'SELECT phase, period FROM bandit_periods WHERE experiment_key = ? ORDER BY phase, period',
      'phases',
    )
    expect(periods).toEqual([
      { phase: 1, period: 0 },
      { phase: 1, period: 1 },
      { phase: 2, period: 0 },
    ])
  })
})

describe('GET /v1/admin/experiments/{key}/results for a bandit', () => {
  it('gives weights, P(best), periods and the sample-ratio check against each period', async () => {
    const site = await createSite()
    await startBandit(site, 'res')
    await trafficWithWinner(site, 'res')
    await admin(site, 'POST', '/experiments/res/reweigh')
    await expose(site, 'res', visitors('res-later', 300))
    const results = (await (await admin(site, 'GET', '/experiments/res/results')).json()) as {
      srm: { ok: boolean | null }
      bandit: BanditResultsSection
    }
    const { bandit } = results
    expect(bandit.periods).toHaveLength(2)
    expect(bandit.periods[1]?.visitors.reduce((a, b) => a + b, 0)).toBe(300)
    // The later visitors went mostly to `c`, as the second period's weights said: no mismatch.
    expect(bandit.periods[1]?.visitors[2]).toBeGreaterThan(200)
    expect(results.srm.ok).toBe(true)
    expect(bandit.expectedVisitors.reduce((a, b) => a + b, 0)).toBeCloseTo(750, 6)
    expect(bandit.weights).toEqual(bandit.periods[1]?.weights)
    expect(bandit.variations.map((v) => v.key)).toEqual(['a', 'b', 'c'])
    const c = bandit.variations[2]
    // Each period's rate weighted by the period's share of all visitors (the later ones bought
    // nothing), not the pooled conversions over visitors.
    const [first, second] = bandit.periods
    const rateIn = (p: typeof first) => (p ? (p.conversions[2] ?? 0) / (p.visitors[2] ?? 1) : 0)
    expect(c?.rate).toBeCloseTo((450 / 750) * rateIn(first) + (300 / 750) * rateIn(second), 12)
    expect(c?.rate).not.toBeCloseTo((c?.conversions ?? 0) / (c?.visitors ?? 1), 3)
    expect(c?.rateCI?.[0]).toBeLessThan(c?.rate ?? 0)
    expect(c?.probabilityOfBeingBest).toBeGreaterThan(0.9)
    expect(c?.conversionsGained).toBeGreaterThan(0)
    expect(bandit.stopThreshold).toBe(0.95)
    // One update is not "stays at or above": three in a row are needed.
    expect(bandit.recommendedWinner).toBeNull()
  })

  it('recommends stopping once the leader stays above the threshold for three updates', async () => {
    const site = await createSite()
    await startBandit(site, 'rec')
    await trafficWithWinner(site, 'rec')
    for (let i = 0; i < 3; i++) await admin(site, 'POST', '/experiments/rec/reweigh')
    const results = (await (await admin(site, 'GET', '/experiments/rec/results')).json()) as {
      bandit: BanditResultsSection
    }
    expect(results.bandit.recommendedWinner).toBe('c')
  })
})

describe('POST /v1/admin/experiments/{key}/rollout', () => {
  it('stops the experiment and shows the winner to everyone, without measuring it', async () => {
    const site = await createSite()
    await startBandit(site, 'roll')
    await expose(site, 'roll', visitors('roll-old', 30))
    const res = await admin(site, 'POST', '/experiments/roll/rollout', { variation: 'b' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'stopped', winner: 'b' })
    for (const visitorId of ['roll-old-0', 'roll-old-1', 'someone-new']) {
      const answer = (await (
        await publicPost(site, '/v1/assign', { visitorId, experiments: ['roll'] })
      ).json()) as { assignments: Record<string, unknown> }
      expect(answer.assignments.roll).toMatchObject({ variation: 'b', index: 1, rolledOut: true })
    }
    const sent = await publicPost(site, '/v1/events', {
      events: [{ id: eventId(), type: 'exposure', visitorId: 'someone-new', experiment: 'roll' }],
    })
    expect(await sent.json()).toMatchObject({ rejected: [{ code: 'experiment_not_running' }] })
  })

  it('refuses a variation the experiment lacks (400), a draft or stopped one (409)', async () => {
    const site = await createSite()
    await startBandit(site, 'roll-bad')
    await expectRefused(
      await admin(site, 'POST', '/experiments/roll-bad/rollout', { variation: 'z' }),
      400,
      'invalid_variation',
    )
    await expectRefused(
      await admin(site, 'POST', '/experiments/roll-bad/rollout', { variation: '../a' }),
      400,
      'invalid_rollout',
    )
    await admin(site, 'POST', '/experiments', { key: 'roll-draft', variations: THREE_ARMS })
    await expectRefused(
      await admin(site, 'POST', '/experiments/roll-draft/rollout', { variation: 'a' }),
      409,
      'not_running',
    )
    const exp = (await (
      await admin(site, 'GET', '/experiments/roll-bad')
    ).json()) as ExperimentAnswer
    expect(exp).toMatchObject({ status: 'running', winner: null })
  })
})

describe('scheduled bandit updates', () => {
  it('reweighs the bandits whose period is updateHours old, and only those', async () => {
    const site = await createSite()
    await startBandit(site, 'due', { updateHours: 1 })
    await trafficWithWinner(site, 'due')
    await startBandit(site, 'later', { updateHours: 6 })
    await trafficWithWinner(site, 'later')
    const db = database(env.DB)
    const inTwoHours = Date.now() + 2 * 3_600_000
    const report = await updateDueBandits(db, inTwoHours)
    expect(report.failed).toBe(0)
    expect(await countOf('bandit_periods', 'due')).toBe(2)
    expect(await countOf('bandit_periods', 'later')).toBe(1)
    // Right after an update the bandit is not due again.
    await updateDueBandits(db, inTwoHours + 60_000)
    expect(await countOf('bandit_periods', 'due')).toBe(2)
  })
})
