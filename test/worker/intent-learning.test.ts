import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { DEFAULT_BANDS, MIN_RECENT_SCORES, cutsOf } from '../../worker/intent/bands.ts'
import { featureVector } from '../../worker/intent/features.ts'
import { loadSiteIntent, starterScorer } from '../../worker/intent/intent-store.ts'
import { intentStatus } from '../../worker/intent/intent-status.ts'
import { learnEndedSessions } from '../../worker/intent/learn-ended-sessions.ts'
import {
  DEFAULT_ONLINE,
  PRIOR_EVIDENCE,
  updateOnlineLayer,
} from '../../worker/intent/online-layer.ts'
import { scoreIntent } from '../../worker/intent/score.ts'
import { createSite, rows } from './support/api.ts'
import { endedSessions, fixedSessions } from './support/intent.ts'

const db = database(env.DB)
const NOW = Date.UTC(2026, 10, 20, 12)
const SGD = { ...DEFAULT_ONLINE, learningRate: 0.05 }

type Outcome = {
  visitor_id: string
  session_start: number
  session_end: number
  score: number
  band: string
  model: string
  bought: number
}

const outcomesOf = (siteId: string) =>
  rows<Outcome>(
    'SELECT * FROM intent_outcomes WHERE site_id = ? ORDER BY session_end, visitor_id',
    siteId,
  )

describe('learning from ended sessions', () => {
  it('logs each score made before its own update, then steps the online layer', async () => {
    const site = await createSite()
    const sessions = endedSessions(30, 7, NOW)
    const outcome = await learnEndedSessions(db, site.id, {
      now: NOW,
      sgd: SGD,
      sessions: fixedSessions(sessions),
    })
    expect(outcome).toEqual({ learnt: 30, skipped: 0, remaining: 0 })

    // The same sequence replayed by hand: score, then learn, session after session.
    const scorer = starterScorer()
    let layer = scorer.model.online
    const expected = sessions.map((s) => {
      const x = featureVector(s.session)
      const { probability, ensembleLogit } = scoreIntent(scorer, x, layer)
      layer = updateOnlineLayer(layer, ensembleLogit, x, s.bought, SGD).layer
      return probability
    })
    const logged = await outcomesOf(site.id)
    expect(logged.map((o) => o.visitor_id)).toEqual(sessions.map((s) => s.visitorId))
    logged.forEach((o, i) => {
      expect(o.score).toBeCloseTo(expected[i] as number, 12)
      expect(o).toMatchObject({ model: 'starter', bought: sessions[i]?.bought })
      expect(['low', 'medium', 'high']).toContain(o.band)
    })
    const state = await loadSiteIntent(db, site.id)
    expect(state.onlineUpdates).toBe(30)
    expect(state.layer.updates).toBe(30)
    expect(state.layer.weights).toEqual(layer.weights)
    expect(state.layer.weights).not.toEqual(scorer.model.online.weights)
    // The evidence the served mixture weighs the layer by is stored with it, and shown.
    expect(state.layer.evidence).toBeCloseTo(layer.evidence, 12)
    expect(layer.evidence).not.toBe(0)
    const status = await intentStatus(db, site.id)
    expect(status.onlineTrust).toBeCloseTo(
      1 / (1 + Math.exp(-(PRIOR_EVIDENCE + layer.evidence))),
      4,
    )
  })

  it('learns from each session once, and not from one still open', async () => {
    const site = await createSite()
    const ended = endedSessions(5, 8, NOW)
    const open = { ...(ended[0] as (typeof ended)[number]), visitorId: 'open', end: NOW - 60_000 }
    const source = fixedSessions([...ended, open])
    await learnEndedSessions(db, site.id, { now: NOW, sgd: SGD, sessions: source })
    const again = await learnEndedSessions(db, site.id, { now: NOW, sgd: SGD, sessions: source })
    expect(again).toEqual({ learnt: 0, skipped: 0, remaining: 0 })
    const logged = await outcomesOf(site.id)
    expect(logged.map((o) => o.visitor_id).sort()).toEqual(ended.map((s) => s.visitorId).sort())
    expect((await loadSiteIntent(db, site.id)).layer.updates).toBe(5)
  })

  it('bounds the work of one run and takes the oldest sessions first', async () => {
    const site = await createSite()
    const sessions = endedSessions(12, 9, NOW)
    const source = fixedSessions(sessions)
    const first = await learnEndedSessions(db, site.id, {
      now: NOW,
      sgd: SGD,
      sessions: source,
      limit: 5,
    })
    expect(first).toEqual({ learnt: 5, skipped: 0, remaining: 7 })
    const logged = await outcomesOf(site.id)
    expect(logged.map((o) => o.visitor_id)).toEqual(sessions.slice(0, 5).map((s) => s.visitorId))
    const second = await learnEndedSessions(db, site.id, {
      now: NOW,
      sgd: SGD,
      sessions: source,
      limit: 5,
    })
    expect(second).toEqual({ learnt: 5, skipped: 0, remaining: 2 })
  })

  it('never learns a session twice when two runs overlap', async () => {
    const site = await createSite()
    const source = fixedSessions(endedSessions(20, 10, NOW))
    const runs = await Promise.all([
      learnEndedSessions(db, site.id, { now: NOW, sgd: SGD, sessions: source }),
      learnEndedSessions(db, site.id, { now: NOW, sgd: SGD, sessions: source }),
    ])
    expect(runs.map((r) => r.learnt).sort()).toEqual([0, 20])
    expect(await outcomesOf(site.id)).toHaveLength(20)
    expect((await loadSiteIntent(db, site.id)).layer.updates).toBe(20)
  })

  it('skips and logs a non-finite step, still logging the session', async () => {
    const site = await createSite()
    const poisoned = { ...starterScorer().model.online }
    poisoned.weights = poisoned.weights.map((w, i) => (i === 1 ? 1e308 : w))
    await env.DB.prepare(
      'INSERT INTO intent_status (site_id, online_layer, updated_at) VALUES (?, ?, ?)',
    )
      .bind(site.id, JSON.stringify(poisoned), NOW)
      .run()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const outcome = await learnEndedSessions(db, site.id, {
      now: NOW,
      // An L2 pull on a weight of 1e308 overflows the gradient: the step is not finite.
      sgd: { learningRate: 0.5, l2: 10, clip: 20 },
      sessions: fixedSessions(endedSessions(3, 11, NOW)),
    })
    expect(outcome).toEqual({ learnt: 3, skipped: 3, remaining: 0 })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('non-finite step'))
    warn.mockRestore()
    expect(await outcomesOf(site.id)).toHaveLength(3)
    const state = await loadSiteIntent(db, site.id)
    expect(state.layer.weights).toEqual(poisoned.weights)
    expect(state.onlineUpdates).toBe(3)
  })

  it('cuts the bands at the quantiles of recent scores once there are enough', async () => {
    const site = await createSite()
    const starterCuts = (await loadSiteIntent(db, site.id)).cuts
    const sessions = endedSessions(MIN_RECENT_SCORES + 10, 12, NOW)
    await learnEndedSessions(db, site.id, { now: NOW, sgd: SGD, sessions: fixedSessions(sessions) })
    const scores = (await outcomesOf(site.id)).map((o) => o.score)
    const state = await loadSiteIntent(db, site.id)
    const expected = cutsOf(scores, DEFAULT_BANDS)
    expect(state.cuts.medium).toBeCloseTo(expected.medium, 12)
    expect(state.cuts.high).toBeCloseTo(expected.high, 12)
    expect(state.cuts).not.toEqual(starterCuts)
  })
})
