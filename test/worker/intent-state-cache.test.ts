import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { bandOf } from '../../worker/intent/bands.ts'
import type { IntentSession } from '../../worker/intent/features.ts'
import { trainSiteIntent } from '../../worker/intent/train-site-intent.ts'
import type { CurrentSessionFeatures } from '../../worker/intent/session-source.ts'
import { visitorIntent } from '../../worker/intent/visitor-intent.ts'
import { findSiteByPublicKey, type Site } from '../../worker/sites/site-store.ts'
import { admin, createSite, type TestSite } from './support/api.ts'
import { endedSessions, fixedSessions } from './support/intent.ts'

// Serving keeps a site's intent state (model, online layer, cuts) in the isolate for a while;
// these pin that a change made through this isolate is served at once, not after the cache ends.

const db = database(env.DB)
const NOW = Date.UTC(2026, 10, 20, 12)
const request = () => new Request('https://edge.test/v1/assign')

/** A browsing session a little keener than most: a few products, one in the cart. */
const browsing: IntentSession = {
  Administrative: 1,
  Administrative_Duration: 30,
  Informational: 1,
  Informational_Duration: 20,
  ProductRelated: 6,
  ProductRelated_Duration: 240,
  BounceRates: 0.02,
  ExitRates: 0.04,
  PageValues: 5,
  SpecialDay: 0,
  Month: 11,
  OperatingSystems: 2,
  Browser: 2,
  Region: 1,
  TrafficType: 2,
  VisitorType: 'Returning_Visitor',
  Weekend: false,
  AddToCarts: 1,
}

const always: CurrentSessionFeatures = async () => browsing

async function siteOf(test: TestSite): Promise<Site> {
  const site = await findSiteByPublicKey(db, test.publicKey)
  if (!site) throw new Error('no site')
  return site
}

const score = (site: Site) => visitorIntent(db, env, site, 'v', request(), always, NOW)

describe('the isolate’s cached intent state', () => {
  it('serves a newly trained site model at once', async () => {
    const site = await siteOf(await createSite())
    expect(await score(site)).toMatchObject({ model: 'starter' })
    await trainSiteIntent(db, site.id, {
      now: NOW,
      sessions: fixedSessions(endedSessions(600, 4, NOW)),
    })
    expect(await score(site)).toMatchObject({ model: 'site' })
  })

  it('bands at the cuts PATCH /v1/admin/intent sets, at once', async () => {
    const created = await createSite()
    const site = await siteOf(created)
    const before = await score(site)
    const res = await admin(created, 'PATCH', '/intent', { bands: { medium: 0.98, high: 0.99 } })
    expect(res.status).toBe(200)
    const { cuts } = (await res.json()) as { cuts: { medium: number; high: number } }
    const after = await score(site)
    expect(after.score).toBe(before.score)
    expect(after.band).toBe(bandOf(after.score ?? Number.NaN, cuts))
    expect(after.band).not.toBe(before.band)
  })
})
