import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { loadSiteIntent } from '../../worker/intent/intent-store.ts'
import { MAX_INTENT_MODEL_BYTES, parseIntentModel } from '../../worker/intent/model.ts'
import { MIN_SITE_PURCHASES, trainSiteIntent } from '../../worker/intent/train-site-intent.ts'
import { createSite, rows } from './support/api.ts'
import { endedSessions, fixedSessions } from './support/intent.ts'

const db = database(env.DB)
const NOW = Date.UTC(2026, 10, 20, 12)

describe('intent model training per site', () => {
  it('keeps the starter model until the sessions hold enough purchases', async () => {
    const site = await createSite()
    const few = endedSessions(600, 3, NOW)
    const buyers = few.filter((s) => s.bought === 1)
    const below = [...few.filter((s) => s.bought === 0), ...buyers.slice(0, MIN_SITE_PURCHASES - 1)]
    const outcome = await trainSiteIntent(db, site.id, { now: NOW, sessions: fixedSessions(below) })
    expect(outcome).toMatchObject({ trained: false, purchases: MIN_SITE_PURCHASES - 1 })
    expect(await rows('SELECT 1 FROM intent_models WHERE site_id = ?', site.id)).toHaveLength(0)
    expect((await loadSiteIntent(db, site.id)).kind).toBe('starter')
  })

  it('trains, stores and activates a versioned site model with importances under 256 KB', async () => {
    const site = await createSite()
    const sessions = endedSessions(600, 4, NOW)
    const purchases = sessions.filter((s) => s.bought === 1).length
    expect(purchases).toBeGreaterThanOrEqual(MIN_SITE_PURCHASES)
    const outcome = await trainSiteIntent(db, site.id, {
      now: NOW,
      sessions: fixedSessions(sessions),
    })
    expect(outcome).toMatchObject({ trained: true, sessions: 600, purchases })
    const [stored] = await rows<{ version: string; model: string }>(
      'SELECT version, model FROM intent_models WHERE site_id = ?',
      site.id,
    )
    expect(stored?.version).toBe(new Date(NOW).toISOString())
    expect(stored?.model.length).toBeLessThan(MAX_INTENT_MODEL_BYTES)
    const parsed = parseIntentModel(stored?.model ?? '')
    if ('problem' in parsed) throw new Error(parsed.problem)
    expect(parsed.model.kind).toBe('site')
    // The synthetic purchase odds depend on PageValues most: the importances say so.
    const importances = Object.entries(parsed.model.importances ?? {}).sort((a, b) => b[1] - a[1])
    expect(importances[0]?.[0]).toBe('PageValues')
    const state = await loadSiteIntent(db, site.id)
    expect(state).toMatchObject({ kind: 'site', version: stored?.version, onlineUpdates: 0 })

    // A newer training replaces the version; only the active one is kept.
    const later = NOW + 86_400_000
    await trainSiteIntent(db, site.id, { now: later, sessions: fixedSessions(sessions) })
    const versions = await rows<{ version: string }>(
      'SELECT version FROM intent_models WHERE site_id = ?',
      site.id,
    )
    expect(versions.map((v) => v.version)).toEqual([new Date(later).toISOString()])
  })

  it('leaves out sessions that have not ended yet', async () => {
    const site = await createSite()
    const sessions = endedSessions(600, 4, NOW)
    const open = sessions.map((s) => ({ ...s, end: NOW - 60_000 }))
    const outcome = await trainSiteIntent(db, site.id, { now: NOW, sessions: fixedSessions(open) })
    expect(outcome).toMatchObject({ trained: false, sessions: 0 })
  })
})

describe('a stored model that cannot be used', () => {
  it.each([
    [
      'corrupt JSON',
      (id: string) => `UPDATE intent_models SET model = '{"format":' WHERE site_id = '${id}'`,
    ],
    [
      'a foreign document',
      (id: string) => `UPDATE intent_models SET model = '{"a":1}' WHERE site_id = '${id}'`,
    ],
    ['a missing row', (id: string) => `DELETE FROM intent_models WHERE site_id = '${id}'`],
  ])('scores with the starter model when the stored one is %s', async (_what, damage) => {
    const site = await createSite()
    await trainSiteIntent(db, site.id, {
      now: NOW,
      sessions: fixedSessions(endedSessions(600, 4, NOW)),
    })
    expect((await loadSiteIntent(db, site.id)).kind).toBe('site')
    await env.DB.prepare(damage(site.id)).run()
    const state = await loadSiteIntent(db, site.id)
    expect(state.kind).toBe('starter')
    expect(state.problem).toMatch(/^stored model /)
    expect(state.scorer.model.kind).toBe('starter')
  })
})
