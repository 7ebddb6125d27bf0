import { describe, expect, it } from 'vitest'
import { admin, createSite, expectRefused, startExperiment } from './support/api.ts'

describe('GET /v1/admin/experiments/{key}/results|timeseries', () => {
  it.each([['results'], ['timeseries']])(
    "answers 404 not_found to %s of another site's experiment, exactly as for one that does not exist",
    async (view) => {
      const a = await createSite()
      const b = await createSite()
      const nobody = await createSite()
      await startExperiment(b, 'b-only')
      const cross = await expectRefused(
        await admin(a, 'GET', `/experiments/b-only/${view}`),
        404,
        'not_found',
      )
      const missing = await expectRefused(
        await admin(nobody, 'GET', `/experiments/b-only/${view}`),
        404,
        'not_found',
      )
      expect(cross).toEqual(missing)
      // With a phase B has, too: the phase check must not run before the site check.
      const withPhase = await admin(a, 'GET', `/experiments/b-only/${view}?phase=1`)
      expect(await expectRefused(withPhase, 404, 'not_found')).toEqual(missing)
    },
  )

  it.each([['2'], ['0'], ['-1'], ['abc'], ['1.5'], [''], ['1e0']])(
    'answers 400 invalid_phase to timeseries?phase=%s',
    async (phase) => {
      const site = await createSite()
      await startExperiment(site, 'mine')
      const res = await admin(site, 'GET', `/experiments/mine/timeseries?phase=${phase}`)
      await expectRefused(res, 400, 'invalid_phase')
    },
  )
})

describe('an experiment key in the path that no experiment can have', () => {
  // docs/api.md, "Identifiers": experiment keys are 1-64 characters of [A-Za-z0-9_.:-];
  // "Anything else is refused with 400."
  it.each([['results'], ['timeseries']])(
    'answers 400 to %s of a key of 65 characters, not 404',
    async (view) => {
      const site = await createSite()
      const res = await admin(site, 'GET', `/experiments/${'k'.repeat(65)}/${view}`)
      await expectRefused(res, 400, 'invalid_experiment_key')
    },
  )
})
