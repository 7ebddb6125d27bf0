// A bandit's results carry its engine's stopping recommendation: results reads and the alert cron
// turn it into a `bandit_stop` state, and its pooled rates never raise a sequential alert.
import { describe, expect, it } from 'vitest'
import { resultsObservations } from '../../worker/alerts/watch.ts'

type Results = Parameters<typeof resultsObservations>[1]

const site = { id: 's1', name: 'Shop', currency: 'USD' }

function results(recommendedWinner: string | null): Results {
  // Only the fields resultsObservations reads; a decided sequential test on the pooled rates.
  return {
    experiment: 'hero',
    phase: 2,
    srm: { ok: true, pValue: 0.5 },
    settings: { alpha: 0.05 },
    variations: [
      { key: 'a', vsControl: null },
      { key: 'b', vsControl: { sequentialPValueAdjusted: 0.001, lift: 0.3 } },
    ],
    bandit: { recommendedWinner, stopThreshold: 0.95 },
  } as unknown as Results
}

describe('resultsObservations for a bandit', () => {
  it('alerts bandit_stop when the engine recommends a winner, and no sequential winner', () => {
    const observed = resultsObservations(site, results('b'), 1_000)
    expect(observed.map((o) => [o.subject, o.state])).toEqual([
      ['srm:hero:2', 'ok'],
      ['bandit:hero:2', 'stop'],
    ])
    expect(observed[1]?.alert).toMatchObject({
      kind: 'bandit_stop',
      message: expect.stringContaining('b has been the best variation with probability 0.95'),
    })
  })

  it('records "continue" with nothing to send while no winner is recommended', () => {
    const observed = resultsObservations(site, results(null), 1_000)
    expect(observed.at(-1)).toMatchObject({ subject: 'bandit:hero:2', state: 'continue' })
    expect(observed.at(-1)?.alert).toBeNull()
  })
})
