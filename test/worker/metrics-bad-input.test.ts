import { describe, expect, it } from 'vitest'
import { admin, createSite, expectRefused, rows, type TestSite } from './support/api.ts'
import { REFUNDS_GUARDRAIL } from '../fixtures/metric-definitions.ts'

const twoWay = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
]
const atc = { key: 'atc', kind: 'conversion', event: 'add_to_cart' }

async function storedMetrics(site: TestSite, key: string) {
  return rows<{ metrics: string }>(
    'SELECT metrics FROM experiments WHERE site_id = ? AND key = ?',
    site.id,
    key,
  )
}

const BAD: [string, unknown[], RegExp][] = [
  [
    'eleven metrics',
    Array.from({ length: 11 }, (_, i) => ({ ...atc, key: `m${i}`, name: undefined })),
    /at most 10/,
  ],
  ['an event type that is not stored', [{ ...atc, event: 'refund' }], /metrics\.0\.event/],
  ['the exposure as an event', [{ ...atc, event: 'exposure' }], /metrics\.0\.event/],
  ['an unknown kind', [{ key: 'x', kind: 'profit' }], /metrics\.0\.kind/],
  ['two metrics with one key', [atc, { key: 'atc', kind: 'bounce' }], /keys must be unique/],
  [
    'one measure under two keys',
    [atc, { ...atc, key: 'atc-again' }],
    /measures something different/,
  ],
  [
    'a guardrail without a direction',
    [{ key: 'refunds', kind: 'conversion', event: 'custom', name: 'refund', role: 'guardrail' }],
    /metrics\.0\.better/,
  ],
  ['a conversion metric without its event', [{ key: 'c', kind: 'conversion' }], /event/],
  ['a custom event without its name', [{ key: 'c', kind: 'conversion', event: 'custom' }], /name/],
  [
    'an event on a revenue metric',
    [{ key: 'r', kind: 'revenue_per_visitor', event: 'click' }],
    /event/,
  ],
  ['an unknown field', [{ ...atc, weight: 1 }], /metrics\.0/],
  ['a bad key', [{ ...atc, key: 'has space' }], /metrics\.0\.key/],
]

describe('experiment metrics: bad input', () => {
  for (const [what, metrics, message] of BAD) {
    it(`answers 400 invalid_experiment to ${what} on create, storing nothing`, async () => {
      const site = await createSite()
      const res = await admin(site, 'POST', '/experiments', {
        key: 'm',
        variations: twoWay,
        metrics,
      })
      const error = await expectRefused(res, 400, 'invalid_experiment')
      expect(error.message).toMatch(message)
      expect(await storedMetrics(site, 'm')).toEqual([])
    })
  }

  it('answers 400 to bad metrics on a change, keeping the metrics it had', async () => {
    const site = await createSite()
    const created = await admin(site, 'POST', '/experiments', {
      key: 'm',
      variations: twoWay,
      metrics: [atc],
    })
    expect(created.status).toBe(201)
    const before = await storedMetrics(site, 'm')
    const res = await admin(site, 'PATCH', '/experiments/m', {
      metrics: [atc, { key: 'atc', kind: 'bounce' }],
    })
    await expectRefused(res, 400, 'invalid_experiment')
    expect(await storedMetrics(site, 'm')).toEqual(before)
  })

  it('stores valid metrics with their defaults: secondary, higher is better, bounce lower', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', {
      key: 'm',
      variations: twoWay,
      metrics: [atc, { key: 'bounce', kind: 'bounce' }, REFUNDS_GUARDRAIL],
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { metrics: unknown }).metrics).toEqual([
      { ...atc, role: 'secondary', better: 'higher' },
      { key: 'bounce', kind: 'bounce', role: 'secondary', better: 'lower' },
      REFUNDS_GUARDRAIL,
    ])
  })
})
