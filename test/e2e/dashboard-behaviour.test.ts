// The Behaviour page and experiment audiences in real Chromium against a running Worker: a new
// site's page tells the admin what to do, then shows the funnel, the intent model's quality and
// its bands exactly as `GET /v1/admin/behaviour` computes them; the experiment form stores an
// audience, and the results table splits by device.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { BehaviourAnswer } from '../../shared/behaviour.ts'
import starter from '../../worker/intent/starter-model.json' with { type: 'json' }
import { PRIOR_EVIDENCE } from '../../worker/intent/online-layer.ts'
import type { ResultsResponse } from '../../widget/admin/api/types.ts'
import { formatCount, formatInterval, formatPercent } from '../../widget/admin/lib/format.ts'
import { createSite, type CreatedSite } from '../../scripts/lib/sites.ts'
import { localSql, sqlText } from '../../scripts/lib/wrangler.ts'
import { launchBrowser } from './support/browser.ts'
import { signedInPage } from './support/dashboard.ts'
import { adminClient, postEvents, startExperiment, untilAdminKeyWorks } from './support/traffic.ts'

const base = inject('baseUrl')
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
let browser: Browser
let site: CreatedSite
const admin = () => adminClient(base, site.adminKey)

beforeAll(async () => {
  site = await createSite({ name: 'Behaviour shop', origins: [], persistTo: inject('persistTo') })
  await untilAdminKeyWorks(base, site.adminKey)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

async function open(path: string): Promise<Page> {
  const page = await signedInPage(browser, site.adminKey)
  await page.goto(`${base}/admin${path}`)
  return page
}

let counter = 0
const id = () => `bh-${Date.now().toString(36)}-${(counter++).toString(36)}`

describe('Behaviour page', () => {
  it('tells a new site what to do, then shows the funnel and the model as the API does', async () => {
    const empty = await open('/behaviour')
    await empty.locator('[data-state="no-sessions"]').waitFor()
    expect(await empty.locator('[data-state="starter-model"]').count()).toBe(1)
    expect(await empty.locator('[data-state="no-outcomes"]').count()).toBe(1)
    expect(await empty.locator('[data-fact="online"]').textContent()).toContain(
      'has not learnt from any ended session',
    )
    await empty.close()

    // Three sessions: one buys, one carts, one only reads a category page.
    const [buyer, carter, reader] = [id(), id(), id()]
    await postEvents(base, site.publicKey, [
      { id: id(), type: 'page_view', visitorId: buyer, path: '/p/mug', pageKind: 'product' },
      { id: id(), type: 'add_to_cart', visitorId: buyer, itemId: 'mug' },
      { id: id(), type: 'purchase', visitorId: buyer, itemId: 'mug', revenue: 12 },
      { id: id(), type: 'page_view', visitorId: carter, path: '/p/cup', pageKind: 'product' },
      { id: id(), type: 'add_to_cart', visitorId: carter, itemId: 'cup' },
      { id: id(), type: 'page_view', visitorId: reader, path: '/c/all', pageKind: 'category' },
    ])
    // The progressive-validation log the scheduled handler writes as sessions end.
    const now = Date.now()
    const outcomes = [
      [0.92, 'high', 1],
      [0.55, 'medium', 0],
      [0.6, 'medium', 1],
      [0.08, 'low', 0],
      [0.12, 'low', 0],
    ] as const
    localSql(
      `INSERT INTO intent_outcomes (site_id, visitor_id, session_start, session_end, score, band,
         model, bought) VALUES ${outcomes
           .map(
             ([score, band, bought], i) =>
               `(${sqlText(site.siteId)}, 'o${i}', ${now - 3_600_000}, ${now - 1_800_000}, ${score}, '${band}', 'starter', ${bought})`,
           )
           .join(', ')}`,
      inject('persistTo'),
    )
    // The online layer has learnt from 40 sessions and earned evidence of 1.2 nats over the trees.
    const layer = { ...starter.online, updates: 40, evidence: 1.2 }
    localSql(
      `INSERT INTO intent_status (site_id, online_layer, online_updates, updated_at)
       VALUES (${sqlText(site.siteId)}, ${sqlText(JSON.stringify(layer))}, 40, ${now})`,
      inject('persistTo'),
    )
    const api = await admin()<BehaviourAnswer>('/v1/admin/behaviour?days=30')
    expect(api.intent.online).toEqual({
      updates: 40,
      trust: Math.round(1e4 / (1 + Math.exp(-(PRIOR_EVIDENCE + 1.2)))) / 1e4,
    })
    expect(api.funnel.at(-1)).toMatchObject({ sessions: 3, productViews: 2, addToCarts: 2 })

    const page = await open('/behaviour')
    const step = (key: string) => page.locator(`.funnel li[data-step="${key}"] [data-col="count"]`)
    await step('sessions').waitFor()
    expect(await step('sessions').textContent()).toBe(formatCount(3))
    expect(await step('productViews').textContent()).toBe(formatCount(2))
    expect(await step('addToCarts').textContent()).toBe(formatCount(2))
    expect(await step('purchases').textContent()).toBe(formatCount(1))
    // One column per day of the period in the chart.
    expect(await page.locator('.funnel-chart svg g[data-day]').count()).toBe(30)
    expect(await page.locator('[data-fact="auc"]').textContent()).toContain(
      api.intent.auc?.toFixed(3) ?? 'none',
    )
    expect(await page.locator('.calibration circle[data-bin]').count()).toBe(
      api.intent.calibration.length,
    )
    for (const band of api.intent.bands) {
      const row = page.locator(`[data-table="bands"] tr[data-band="${band.band}"]`)
      expect(await row.locator('[data-col="share"]').textContent()).toBe(formatPercent(band.share))
      expect(await row.locator('[data-col="conversion"]').textContent()).toBe(
        formatPercent(band.conversionRate),
      )
    }
    expect(await page.locator('.feature-bars li[data-feature]').count()).toBe(
      api.intent.features.length,
    )
    expect(await page.locator('[data-state="no-sessions"]').count()).toBe(0)
    const online = await page.locator('[data-fact="online"]').textContent()
    expect(online).toContain(`Learnt from ${formatCount(40)} ended sessions`)
    expect(online).toContain(`carries ${formatPercent(api.intent.online.trust)} of each score`)

    await page.getByLabel('7 days').check()
    await page.locator('[data-days="7"]').waitFor()
    expect(await page.locator('.funnel-chart svg g[data-day]').count()).toBe(7)
    await page.close()
  })
})

describe('experiment audience in the dashboard', () => {
  it('stores the ticked audience and shows it with the experiment', async () => {
    const page = await open('/experiments/new')
    await page.locator('#exp-key').fill('aud-form')
    await page.getByLabel('Medium intent').check()
    await page.getByLabel('High intent').check()
    await page.getByLabel('Mobile').check()
    await page.getByLabel('Returning visitors').check()
    await page.getByRole('button', { name: 'Create experiment' }).click()
    await page.locator('[data-fact="audience"]').waitFor()
    const stored = await admin()<{ audience: unknown }>('/v1/admin/experiments/aud-form')
    expect(stored.audience).toEqual({
      intentBands: ['medium', 'high'],
      devices: ['mobile'],
      visitors: 'returning',
    })
    expect(await page.locator('[data-fact="audience"]').textContent()).toContain('Mobile')
    await page.close()
  })

  it('splits results by device when asked, with each cell as the API computes it', async () => {
    await startExperiment(base, site.adminKey, {
      key: 'aud-split',
      name: 'Split by device',
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    const visitors = Array.from({ length: 12 }, () => id())
    for (const [i, visitorId] of visitors.entries()) {
      const res = await fetch(`${base}/v1/assign?site=${site.publicKey}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(i % 3 === 0 ? { 'user-agent': PHONE_UA } : {}),
        },
        body: JSON.stringify({ visitorId, intent: false }),
      })
      expect(res.status).toBe(200)
    }
    await postEvents(
      base,
      site.publicKey,
      visitors.map((visitorId) => ({
        id: id(),
        type: 'exposure',
        visitorId,
        experiment: 'aud-split',
      })),
    )
    const api = await admin()<ResultsResponse>(
      '/v1/admin/experiments/aud-split/results?breakdown=device',
    )
    const cells = api.breakdown?.cells ?? []
    expect(cells.map((c) => c.cell)).toContain('mobile')

    const page = await open('/experiments/aud-split')
    await page.getByLabel('By device').check()
    await page.locator('table[data-breakdown="device"]').waitFor()
    for (const { cell, variations } of cells) {
      for (const v of variations) {
        const row = page.locator(`tr[data-cell="${cell}"][data-variation="${v.key}"]`)
        expect(await row.locator('[data-col="visitors"]').textContent()).toBe(
          formatCount(v.visitors),
        )
        expect(await row.locator('[data-col="rate-ci"]').textContent()).toBe(
          formatInterval(v.rateCI, formatPercent),
        )
      }
    }
    await page.getByLabel('All visitors').check()
    await page.locator('.results tr[data-variation="b"] [data-col="revenue"]').waitFor()
    await page.close()
  })
})
