import { describe, expect, it } from 'vitest'
import {
  admin,
  call,
  createSite,
  errorOf,
  expectRefused,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

const twoWay = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
]

/** The stored experiment and its phases, to show a refused request changed nothing. */
async function stored(site: TestSite, key: string) {
  return {
    experiment: await rows('SELECT * FROM experiments WHERE site_id = ? AND key = ?', site.id, key),
    phases: await rows(
      'SELECT * FROM experiment_phases WHERE site_id = ? AND experiment_key = ? ORDER BY phase',
      site.id,
      key,
    ),
  }
}

async function draft(site: TestSite, key: string) {
  const res = await admin(site, 'POST', '/experiments', { key, variations: twoWay })
  expect(res.status).toBe(201)
}

/** A PATCH with a raw body and content type. */
function patchRaw(site: TestSite, key: string, body: string, type = 'application/json') {
  return call(`/v1/admin/experiments/${key}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': type },
    body,
  })
}

describe('PATCH /v1/admin/experiments/{key}', () => {
  it('answers 400 malformed_json and changes nothing', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const before = await stored(site, 'exp')
    await expectRefused(await patchRaw(site, 'exp', '{"coverage":'), 400, 'malformed_json')
    expect(await stored(site, 'exp')).toEqual(before)
  })

  it.each([['text/plain'], ['application/x-www-form-urlencoded']])(
    'answers 415 unsupported_media_type for %s and changes nothing',
    async (type) => {
      const site = await createSite()
      await startExperiment(site, 'exp')
      const before = await stored(site, 'exp')
      const res = await patchRaw(site, 'exp', '{"coverage":0.5}', type)
      await expectRefused(res, 415, 'unsupported_media_type')
      expect(await stored(site, 'exp')).toEqual(before)
    },
  )

  it('answers 413 body_too_large for a body over 32 KB and changes nothing', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const before = await stored(site, 'exp')
    const res = await patchRaw(site, 'exp', JSON.stringify({ name: 'n'.repeat(33 * 1024) }))
    await expectRefused(res, 413, 'body_too_large')
    expect(await stored(site, 'exp')).toEqual(before)
  })

  it('answers 400 invalid_experiment for an unknown field and changes nothing', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const before = await stored(site, 'exp')
    const res = await admin(site, 'PATCH', '/experiments/exp', { coverage: 0.5, status: 'stopped' })
    await expectRefused(res, 400, 'invalid_experiment')
    expect(await stored(site, 'exp')).toEqual(before)
  })

  it('answers 409 experiment_stopped for a change to a stopped experiment other than its name', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    expect((await admin(site, 'POST', '/experiments/exp/stop')).status).toBe(200)
    const before = await stored(site, 'exp')
    for (const patch of [
      { coverage: 0.5 },
      { name: 'Renamed', coverage: 0.5 },
      {
        variations: [
          { key: 'control', weight: 0.8 },
          { key: 'treatment', weight: 0.2 },
        ],
      },
    ]) {
      const res = await admin(site, 'PATCH', '/experiments/exp', patch)
      await expectRefused(res, 409, 'experiment_stopped')
    }
    expect(await stored(site, 'exp')).toEqual(before)
  })

  it("answers 404 not_found for another site's experiment, exactly as for one that does not exist", async () => {
    const a = await createSite()
    const b = await createSite()
    const nobody = await createSite()
    await startExperiment(b, 'b-only')
    const before = await stored(b, 'b-only')
    const cross = await expectRefused(
      await admin(a, 'PATCH', '/experiments/b-only', { coverage: 0.1 }),
      404,
      'not_found',
    )
    const missing = await expectRefused(
      await admin(nobody, 'PATCH', '/experiments/b-only', { coverage: 0.1 }),
      404,
      'not_found',
    )
    expect(cross).toEqual(missing)
    expect(await stored(b, 'b-only')).toEqual(before)
  })
})

describe('POST /v1/admin/experiments/{key}/start|pause|stop', () => {
  it("answers 404 not_found to pausing another site's experiment, which keeps running", async () => {
    const a = await createSite()
    const b = await createSite()
    await startExperiment(b, 'b-running')
    const before = await stored(b, 'b-running')
    await expectRefused(await admin(a, 'POST', '/experiments/b-running/pause'), 404, 'not_found')
    expect(await stored(b, 'b-running')).toEqual(before)
    expect(before.experiment).toMatchObject([{ status: 'running' }])
  })

  it('answers 409 not_running to pausing a draft or a paused experiment', async () => {
    const site = await createSite()
    await draft(site, 'drafted')
    const draftBefore = await stored(site, 'drafted')
    await expectRefused(await admin(site, 'POST', '/experiments/drafted/pause'), 409, 'not_running')
    expect(await stored(site, 'drafted')).toEqual(draftBefore)

    await startExperiment(site, 'paused')
    expect((await admin(site, 'POST', '/experiments/paused/pause')).status).toBe(200)
    const pausedBefore = await stored(site, 'paused')
    await expectRefused(await admin(site, 'POST', '/experiments/paused/pause'), 409, 'not_running')
    expect(await stored(site, 'paused')).toEqual(pausedBefore)
  })

  it('answers 409 already_running to starting a running experiment, opening no phase', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const before = await stored(site, 'exp')
    await expectRefused(await admin(site, 'POST', '/experiments/exp/start'), 409, 'already_running')
    expect(await stored(site, 'exp')).toEqual(before)
    expect(before.phases).toHaveLength(1)
  })

  it('answers 409 experiment_stopped to stopping a stopped experiment', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    expect((await admin(site, 'POST', '/experiments/exp/stop')).status).toBe(200)
    const before = await stored(site, 'exp')
    await expectRefused(
      await admin(site, 'POST', '/experiments/exp/stop'),
      409,
      'experiment_stopped',
    )
    expect(await stored(site, 'exp')).toEqual(before)
  })
})

/** A rollout with a raw body. */
function rolloutRaw(site: TestSite, key: string, body: string) {
  return call(`/v1/admin/experiments/${key}/rollout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
    body,
  })
}

describe('POST /v1/admin/experiments/{key}/rollout', () => {
  it('answers 400 malformed_json and leaves the experiment running', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const before = await stored(site, 'exp')
    await expectRefused(await rolloutRaw(site, 'exp', '{"variation":'), 400, 'malformed_json')
    expect(await stored(site, 'exp')).toEqual(before)
    expect(before.experiment).toMatchObject([{ status: 'running', winner: null }])
  })

  it('answers 400 invalid_rollout for an unknown field and leaves the experiment running', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const before = await stored(site, 'exp')
    const res = await admin(site, 'POST', '/experiments/exp/rollout', {
      variation: 'treatment',
      coverage: 1,
    })
    await expectRefused(res, 400, 'invalid_rollout')
    expect(await stored(site, 'exp')).toEqual(before)
  })

  it('answers 413 body_too_large for a body over 32 KB and leaves the experiment running', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp')
    const before = await stored(site, 'exp')
    const res = await rolloutRaw(
      site,
      'exp',
      JSON.stringify({ variation: 'treatment', pad: 'x'.repeat(33 * 1024) }),
    )
    await expectRefused(res, 413, 'body_too_large')
    expect(await stored(site, 'exp')).toEqual(before)
  })

  it("answers 404 not_found for another site's experiment, which keeps running without a winner", async () => {
    const a = await createSite()
    const b = await createSite()
    await startExperiment(b, 'b-running')
    const before = await stored(b, 'b-running')
    const res = await admin(a, 'POST', '/experiments/b-running/rollout', { variation: 'treatment' })
    await expectRefused(res, 404, 'not_found')
    expect(await stored(b, 'b-running')).toEqual(before)
    expect(before.experiment).toMatchObject([{ status: 'running', winner: null }])
  })
})

describe('an experiment key in the path that no experiment can have', () => {
  // docs/api.md, "Identifiers": experiment keys are 1-64 characters of [A-Za-z0-9_.:-];
  // "Anything else is refused with 400."
  it.each([
    ['a key with a space', encodeURIComponent('has space')],
    ['a key of 65 characters', 'k'.repeat(65)],
  ])('answers 400 for %s in the path of PATCH, not 404', async (_, key) => {
    const site = await createSite()
    const res = await admin(site, 'PATCH', `/experiments/${key}`, { coverage: 0.5 })
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toEqual({
      code: 'invalid_experiment_key',
      message: expect.stringMatching(/1-64 characters/),
    })
  })

  const badKeys = [
    ['a key of 65 characters', 'k'.repeat(65)],
    ['a key with a space', encodeURIComponent('has space')],
    ['a key with markup', encodeURIComponent('<script>')],
    ['a key with a slash', encodeURIComponent('a/b')],
  ] as const
  const routes = [
    ['POST', 'start'],
    ['POST', 'pause'],
    ['POST', 'stop'],
    ['POST', 'reweigh'],
    ['POST', 'rollout'],
    ['GET', 'results.csv'],
    ['GET', 'visitors.csv'],
  ] as const

  it.each(badKeys)(
    'answers 400 invalid_experiment_key for %s in every action and export path',
    async (_, key) => {
      const site = await createSite()
      for (const [method, action] of routes) {
        const res = await admin(
          site,
          method,
          `/experiments/${key}/${action}`,
          action === 'rollout' ? { variation: 'control' } : undefined,
        )
        expect(res.status, `${method} ${action}`).toBe(400)
        expect(await errorOf(res), `${method} ${action}`).toEqual({
          code: 'invalid_experiment_key',
          message: expect.stringMatching(/1-64 characters/),
        })
      }
      // Refused writes leave no experiment and no entry in the audit log.
      expect(await rows('SELECT key FROM experiments WHERE site_id = ?', site.id)).toEqual([])
      expect(await rows('SELECT seq FROM audit_log WHERE site_id = ?', site.id)).toEqual([])
    },
  )
})
