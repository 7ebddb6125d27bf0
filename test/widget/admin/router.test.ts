import { describe, expect, it } from 'vitest'
import { experimentPath, matchRoute } from '../../../widget/admin/router.ts'

describe('matchRoute', () => {
  it.each([
    ['/admin', { page: 'experiments' }],
    ['/admin/', { page: 'experiments' }],
    ['/admin/experiments', { page: 'experiments' }],
    ['/admin/experiments/new', { page: 'new-experiment' }],
    ['/admin/experiments/buy-button', { page: 'experiment', key: 'buy-button' }],
    ['/admin/experiments/buy-button/', { page: 'experiment', key: 'buy-button' }],
    ['/admin/experiments/a%3Ab/edit', { page: 'edit-experiment', key: 'a:b' }],
    ['/admin/sample-size', { page: 'sample-size' }],
    ['/admin/recommendations', { page: 'recommendations' }],
    ['/admin/behaviour', { page: 'behaviour' }],
    ['/admin/settings', { page: 'settings' }],
    ['/admin/settings/extra', { page: 'not-found' }],
    ['/admin/experiments/x/results', { page: 'not-found' }],
    ['/admin/experiments/%E0%A4%A', { page: 'not-found' }],
    ['/administrator', { page: 'not-found' }],
    ['/', { page: 'not-found' }],
  ])('%s shows %o', (path, route) => {
    expect(matchRoute(path)).toEqual(route)
  })

  it('builds experiment paths that match back to the same key', () => {
    for (const key of ['buy-button', 'a:b.c_d', 'x'.repeat(64)]) {
      expect(matchRoute(experimentPath(key))).toEqual({ page: 'experiment', key })
      expect(matchRoute(experimentPath(key, '/edit'))).toEqual({ page: 'edit-experiment', key })
    }
  })
})
