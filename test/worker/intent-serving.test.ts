import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { bandOf } from '../../worker/intent/bands.ts'
import { featureVector, type IntentSession } from '../../worker/intent/features.ts'
import {
  forgetCachedIntent,
  loadSiteIntent,
  starterScorer,
} from '../../worker/intent/intent-store.ts'
import { onlineLogit, PRIOR_EVIDENCE } from '../../worker/intent/online-layer.ts'
import { scoreIntent } from '../../worker/intent/score.ts'
import type { CurrentSessionFeatures } from '../../worker/intent/session-source.ts'
import { trainSiteIntent } from '../../worker/intent/train-site-intent.ts'
import { NO_SESSION, UNAVAILABLE, visitorIntent } from '../../worker/intent/visitor-intent.ts'
import { findSiteByPublicKey, type Site } from '../../worker/sites/site-store.ts'
import { createSite, type TestSite } from './support/api.ts'
import { endedSessions, fixedSessions } from './support/intent.ts'

const db = database(env.DB)
const NOW = Date.UTC(2026, 10, 20, 12)
const request = () =>
  new Request('https://edge.test/v1/assign', { headers: { 'user-agent': 'Mozilla/5.0' } })

async function siteOf(test: TestSite): Promise<Site> {
  const site = await findSiteByPublicKey(db, test.publicKey)
  if (!site) throw new Error('no site')
  return site
}

/** A session like the data set's buyers: many product pages, high PageValues. */
const keen: IntentSession = {
  Administrative: 4,
  Administrative_Duration: 120,
  Informational: 0,
  Informational_Duration: 0,
  ProductRelated: 40,
  ProductRelated_Duration: 1800,
  BounceRates: 0.005,
  ExitRates: 0.015,
  PageValues: 60,
  SpecialDay: 0,
  Month: 11,
  OperatingSystems: 2,
  Browser: 2,
  Region: 1,
  TrafficType: 2,
  VisitorType: 'New_Visitor',
  Weekend: false,
}
/** One page, left at once: the data set's bounces. */
const idle: IntentSession = {
  ...keen,
  Administrative: 0,
  Administrative_Duration: 0,
  ProductRelated: 1,
  ProductRelated_Duration: 0,
  BounceRates: 0.2,
  ExitRates: 0.2,
  PageValues: 0,
  Month: 5,
  VisitorType: 'Returning_Visitor',
}

/** A session source that knows one visitor of one site. */
function oneVisitor(
  siteId: string,
  visitorId: string,
  session: IntentSession,
): CurrentSessionFeatures {
  return async (_db, site, visitor) => (site === siteId && visitor === visitorId ? session : null)
}

/** The answer for visitor `visitorId` of `site`, whose open session is `session`. */
const answerFor = (site: Site, session: IntentSession, visitorId = 'v1') =>
  visitorIntent(db, env, site, visitorId, request(), oneVisitor(site.id, visitorId, session), NOW)

describe('visitorIntent', () => {
  it('scores with the starter model and bands at its training percentiles', async () => {
    const site = await siteOf(await createSite())
    const answer = await answerFor(site, keen)
    const state = await loadSiteIntent(db, site.id)
    const expected = scoreIntent(starterScorer(), featureVector(keen)).probability
    expect(answer).toEqual({
      score: Math.round(expected * 1e4) / 1e4,
      band: bandOf(expected, state.cuts),
      model: 'starter',
    })
    expect(answer.band).toBe('high')
    const low = await answerFor(site, idle, 'v2')
    expect(low).toMatchObject({ band: 'low', model: 'starter' })
  })

  it('scores with the site model once it is trained', async () => {
    const site = await siteOf(await createSite())
    await trainSiteIntent(db, site.id, {
      now: NOW,
      sessions: fixedSessions(endedSessions(600, 4, NOW)),
    })
    forgetCachedIntent(site.id)
    const answer = await answerFor(site, keen)
    const state = await loadSiteIntent(db, site.id)
    const expected = scoreIntent(state.scorer, featureVector(keen), state.layer).probability
    expect(answer).toEqual({
      score: Math.round(expected * 1e4) / 1e4,
      band: bandOf(expected, state.cuts),
      model: 'site',
    })
  })

  it('serves the online layer mixed with the trees by the evidence it has earned', async () => {
    const site = await siteOf(await createSite())
    // A layer that has learnt that buyers come more often than the trees say, and shown it.
    const layer = { ...starterScorer().model.online, bias: 1.5, updates: 80, evidence: 1 }
    await env.DB.prepare(
      'INSERT INTO intent_status (site_id, online_layer, online_updates, updated_at) VALUES (?, ?, ?, ?)',
    )
      .bind(site.id, JSON.stringify(layer), 80, NOW)
      .run()
    forgetCachedIntent(site.id)
    const answer = await answerFor(site, keen)
    const x = featureVector(keen)
    const logit = scoreIntent(starterScorer(), x).ensembleLogit
    const sigmoid = (t: number) => 1 / (1 + Math.exp(-t))
    const trees = sigmoid(logit)
    const alone = sigmoid(onlineLogit(layer, logit, x))
    // The prior's log-odds plus the evidence earned.
    const trust = sigmoid(PRIOR_EVIDENCE + 1)
    const served = trust * alone + (1 - trust) * trees
    expect(answer.score).toBe(Math.round(served * 1e4) / 1e4)
    // Neither the trees alone nor the layer alone.
    expect(Math.abs(served - trees)).toBeGreaterThan(1e-3)
    expect(Math.abs(served - alone)).toBeGreaterThan(1e-3)
  })

  it('answers no score for a visitor without an open session, or another site’s visitor', async () => {
    const mine = await siteOf(await createSite())
    const other = await siteOf(await createSite())
    const features = oneVisitor(other.id, 'theirs', keen)
    const answer = await visitorIntent(db, env, mine, 'theirs', request(), features, NOW)
    expect(answer).toEqual({ score: null, band: null, reason: NO_SESSION })
  })

  it('scores with the starter when the stored model is corrupt, and never throws', async () => {
    const site = await siteOf(await createSite())
    await trainSiteIntent(db, site.id, {
      now: NOW,
      sessions: fixedSessions(endedSessions(600, 4, NOW)),
    })
    await env.DB.prepare('UPDATE intent_models SET model = ? WHERE site_id = ?')
      .bind('[', site.id)
      .run()
    forgetCachedIntent(site.id)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const answer = await answerFor(site, keen)
    warn.mockRestore()
    expect(answer).toMatchObject({ model: 'starter', band: 'high' })

    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failing: CurrentSessionFeatures = async () => {
      throw new Error('D1 is down')
    }
    const failed = await visitorIntent(db, env, site, 'v1', request(), failing, NOW)
    expect(failed).toEqual({ score: null, band: null, reason: UNAVAILABLE })
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })
})
