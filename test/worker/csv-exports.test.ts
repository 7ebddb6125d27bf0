// CSV downloads of an experiment: one results row per variation (and per metric's variation),
// every visitor streamed page by page, and text a spreadsheet would run as a formula escaped.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { visitorsCsv, VISITORS_PAGE_ROWS } from '../../worker/exports/visitors-csv.ts'
import { expose, purchase, startBandit } from './support/bandit.ts'
import {
  admin,
  call,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

async function formulaExperiment(site: TestSite, key: string) {
  await startExperiment(site, key, {
    coverage: 1,
    variations: [
      { key: 'control', name: '=HYPERLINK("https://evil.example","click")', weight: 0.5 },
      { key: '-treatment', name: '@SUM(1+1)', weight: 0.5 },
    ],
    metrics: [{ key: 'carts', kind: 'conversion', event: 'add_to_cart', role: 'secondary' }],
  })
}

/** Assignment rows written directly: `count` visitors, every third converted with revenue. */
async function seedAssignments(site: TestSite, key: string, count: number, prefix = 'v') {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
     INSERT INTO assignments (site_id, experiment_key, phase, visitor_id, variation, exposed_at,
       converted_at, conversions, revenue_minor)
     SELECT ?, ?, 1, ? || printf('%06d', i), i % 2, 1764000000000 + i,
       CASE WHEN i % 3 = 0 THEN 1764000000000 + i + 1 END, i % 3 = 0, CASE WHEN i % 3 = 0 THEN 1250 ELSE 0 END
     FROM n`,
  )
    .bind(count, site.id, key, prefix)
    .run()
}

/** The cells of one CSV line (RFC 4180 quotes). */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
    .map((m) => m[1] ?? '')
    .slice(0, -1)
    .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell))
}

function csvGet(site: TestSite, path: string) {
  return call(`/v1/admin${path}`, { headers: { authorization: `Bearer ${site.adminKey}` } })
}

describe('GET /v1/admin/experiments/{key}/results.csv', () => {
  it('answers one row per variation for the goal and each metric, names escaped', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-results')
    const res = await csvGet(site, '/experiments/csv-results/results.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="csv-results-phase-1-results.csv"',
    )
    const lines = (await res.text()).split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(5)
    expect(lines[0]).toMatch(/^experiment,phase,metric,variation,name,weight,visitors,/)
    expect(lines[1]).toMatch(
      /^csv-results,1,goal,control,"'=HYPERLINK\(""https:\/\/evil.example"",""click""\)",0.5,0,0,/,
    )
    expect(lines[2]).toMatch(/^csv-results,1,goal,'-treatment,'@SUM\(1\+1\),0.5,0,0,/)
    expect(lines[3]).toMatch(/^csv-results,1,carts,control,/)
    expect(lines[4]).toMatch(/^csv-results,1,carts,'-treatment,/)
  })

  it('counts what visitors did', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-counts')
    const events = ['x1', 'x2', 'x3', 'x4'].flatMap((visitorId) => [
      { id: eventId(), type: 'exposure', visitorId, experiment: 'csv-counts' },
      { id: eventId(), type: 'purchase', visitorId, revenue: 10 },
    ])
    await publicPost(site, '/v1/events', { events })
    const lines = (await (await csvGet(site, '/experiments/csv-counts/results.csv')).text())
      .split('\r\n')
      .filter(Boolean)
    const visitors = lines.slice(1, 3).map((line) => Number(cells(line)[6]))
    const conversions = lines.slice(1, 3).map((line) => Number(cells(line)[7]))
    expect(visitors.reduce((a, b) => a + b)).toBe(4)
    expect(conversions.reduce((a, b) => a + b)).toBe(4)
  })

  it('adds a row per variation of each breakdown cell, and refuses an unknown breakdown', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-cells')
    const events = ['y1', 'y2', 'y3'].flatMap((visitorId) => [
      { id: eventId(), type: 'exposure', visitorId, experiment: 'csv-cells' },
      { id: eventId(), type: 'purchase', visitorId, revenue: 10 },
    ])
    await publicPost(site, '/v1/events', { events })
    const lines = (
      await (await csvGet(site, '/experiments/csv-cells/results.csv?breakdown=device')).text()
    )
      .split('\r\n')
      .filter(Boolean)
    expect(cells(lines[0] ?? '').slice(-3)).toEqual([
      'segment',
      'p_value',
      'probability_of_being_best',
    ])
    // Exposures sent as events record no device: their cell is `unknown`.
    const segmentRows = lines.filter((line) => line.includes(',device=unknown,'))
    expect(segmentRows).toHaveLength(2)
    expect(segmentRows.map((line) => Number(cells(line)[6])).reduce((a, b) => a + b)).toBe(3)
    // The overall rows leave the segment, its p-value and the bandit's column empty.
    expect(lines.slice(1, 3).every((line) => line.endsWith(',,,'))).toBe(true)
    await expectRefused(
      await csvGet(site, '/experiments/csv-cells/results.csv?breakdown=browser'),
      400,
      'invalid_breakdown',
    )
  })

  it('adds a bandit’s period-weighted rows with each variation’s probability of being best', async () => {
    const site = await createSite()
    await startBandit(site, 'csv-bandit')
    const visitors = Array.from({ length: 60 }, (_, i) => `band-${i}`)
    await expose(site, 'csv-bandit', visitors)
    await purchase(site, visitors.slice(0, 12))
    const text = await (await csvGet(site, '/experiments/csv-bandit/results.csv')).text()
    const lines = text.split('\r\n').filter(Boolean).map(cells)
    const header = lines[0] ?? []
    const col = (name: string) => header.indexOf(name)
    const weighted = lines.filter((line) => line[col('metric')] === 'goal_period_weighted')
    expect(weighted.map((line) => line[col('variation')])).toEqual(['a', 'b', 'c'])
    expect(weighted.map((line) => Number(line[col('visitors')])).reduce((a, b) => a + b)).toBe(60)
    expect(weighted.map((line) => Number(line[col('conversions')])).reduce((a, b) => a + b)).toBe(
      12,
    )
    const best = weighted.map((line) => Number(line[col('probability_of_being_best')]))
    expect(best.reduce((a, b) => a + b)).toBeCloseTo(1, 6)
    expect(best.every((p) => p >= 0 && p <= 1)).toBe(true)
    // The answer's own figures, cell for cell.
    const answer = (await (await admin(site, 'GET', '/experiments/csv-bandit/results')).json()) as {
      bandit: { variations: { rate: number | null; probabilityOfBeingBest: number }[] }
    }
    expect(weighted.map((line) => Number(line[col('rate')]))).toEqual(
      answer.bandit.variations.map((v) => v.rate),
    )
    expect(best).toEqual(answer.bandit.variations.map((v) => v.probabilityOfBeingBest))
    // The pooled goal rows stay, one per variation.
    expect(lines.filter((line) => line[col('metric')] === 'goal')).toHaveLength(3)
  })

  it('refuses an unknown experiment, a bad phase and a missing key in the envelope', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-bad')
    await expectRefused(await csvGet(site, '/experiments/nope/results.csv'), 404, 'not_found')
    await expectRefused(
      await csvGet(site, '/experiments/csv-bad/results.csv?phase=x'),
      400,
      'invalid_phase',
    )
    await expectRefused(
      await csvGet(site, '/experiments/csv-bad/results.csv?phase=7'),
      400,
      'invalid_phase',
    )
    await expectRefused(await call('/v1/admin/experiments/csv-bad/results.csv'), 401, 'missing_key')
  })

  it('never answers another site’s experiment', async () => {
    const owner = await createSite()
    await formulaExperiment(owner, 'csv-tenant')
    const other = await createSite()
    await expectRefused(
      await csvGet(other, '/experiments/csv-tenant/results.csv'),
      404,
      'not_found',
    )
    await expectRefused(
      await csvGet(other, '/experiments/csv-tenant/visitors.csv'),
      404,
      'not_found',
    )
  })
})

describe('GET /v1/admin/experiments/{key}/visitors.csv', () => {
  it('streams every visitor once, in pages', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-visitors')
    const total = VISITORS_PAGE_ROWS * 2 + 345
    await seedAssignments(site, 'csv-visitors', total)
    const res = await csvGet(site, '/experiments/csv-visitors/visitors.csv')
    expect(res.status).toBe(200)
    const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader()
    if (!reader) throw new Error('no body')
    const chunks: string[] = []
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
    // The header, then one chunk per page read from D1: never the whole file at once.
    expect(chunks.length).toBeGreaterThanOrEqual(4)
    expect(Math.max(...chunks.map((c) => c.split('\r\n').length - 1))).toBeLessThanOrEqual(
      VISITORS_PAGE_ROWS,
    )
    const lines = chunks.join('').split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('visitor,variation,first_exposure,converted,conversions,revenue')
    const visitors = lines.slice(1).map((line) => line.split(',')[0])
    expect(visitors).toHaveLength(total)
    expect(new Set(visitors).size).toBe(total)
    expect(lines[1]).toBe('v000000,control,2025-11-24T16:00:00.000Z,true,1,12.5')
    expect(lines[2]).toBe("v000001,'-treatment,2025-11-24T16:00:00.001Z,false,0,0")
  })

  it('reads a page of D1 only when the client takes one, and none after a cancel', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-cancel')
    await seedAssignments(site, 'csv-cancel', VISITORS_PAGE_ROWS * 3)
    // The real database, with its page reads (one batch each) counted.
    let reads = 0
    const counted = new Proxy(env.DB, {
      get(target, name) {
        if (name === 'batch')
          return (statements: D1PreparedStatement[]) => (reads++, target.batch(statements))
        const value = Reflect.get(target, name) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const where = { siteId: site.id, experimentKey: 'csv-cancel', phase: 1 }
    const stream = () => visitorsCsv(database(counted), where, ['control', 'treatment'], 'USD')

    const reader = stream().getReader()
    expect((await reader.read()).done).toBe(false) // the header
    expect(reads).toBe(0)
    expect((await reader.read()).done).toBe(false) // the first page
    expect(reads).toBe(1)
    await reader.cancel()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reads).toBe(1)

    // Read to the end, the same stream reads three full pages and one that ends it.
    reads = 0
    const text = await new Response(stream()).text()
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + VISITORS_PAGE_ROWS * 3)
    expect(reads).toBe(4)
  })

  it('escapes visitor ids a spreadsheet would run as formulas', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-hostile')
    await seedAssignments(site, 'csv-hostile', 1, '=cmd|calc!A')
    await seedAssignments(site, 'csv-hostile', 1, '@x')
    const text = await (await csvGet(site, '/experiments/csv-hostile/visitors.csv')).text()
    const lines = text.split('\r\n').filter(Boolean)
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
      "'=cmd|calc!A000000",
      "'@x000000",
    ])
  })

  it('refuses a bad phase and an unknown experiment in the envelope, not as a CSV', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-bad-visitors')
    await seedAssignments(site, 'csv-bad-visitors', 3)
    for (const phase of ['x', '-1', '1.5', '7']) {
      const res = await csvGet(site, `/experiments/csv-bad-visitors/visitors.csv?phase=${phase}`)
      expect(res.headers.get('content-type'), phase).toMatch(/^application\/json/)
      await expectRefused(res, 400, 'invalid_phase')
    }
    await expectRefused(await csvGet(site, '/experiments/nope/visitors.csv'), 404, 'not_found')
  })

  it('answers only the header for a phase without visitors', async () => {
    const site = await createSite()
    await formulaExperiment(site, 'csv-empty')
    const text = await (await csvGet(site, '/experiments/csv-empty/visitors.csv')).text()
    expect(text).toBe('visitor,variation,first_exposure,converted,conversions,revenue\r\n')
    expect(await rows(`SELECT 1 FROM assignments WHERE site_id = ?`, site.id)).toEqual([])
  })
})
