import { describe, expect, it } from 'vitest'
import { admin, call, createSite, errorOf, expectRefused, rows } from './support/api.ts'

const twoWay = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
]

describe('POST /v1/admin/experiments', () => {
  it('creates a draft experiment with defaults', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', { key: 'buy-button', variations: twoWay })
    expect(res.status).toBe(201)
    const exp = (await res.json()) as Record<string, unknown>
    expect(exp).toMatchObject({
      key: 'buy-button',
      name: 'buy-button',
      status: 'draft',
      phase: 0,
      coverage: 1,
      seed: null,
      goal: { event: 'purchase' },
      url: null,
      redirect: false,
      phases: [],
    })
  })

  it.each([
    [
      'weights summing to 0.7',
      {
        variations: [
          { key: 'a', weight: 0.3 },
          { key: 'b', weight: 0.4 },
        ],
      },
    ],
    ['coverage 1.5', { variations: twoWay, coverage: 1.5 }],
    ['one variation', { variations: [{ key: 'a', weight: 1 }] }],
    [
      'eleven variations',
      { variations: Array.from({ length: 11 }, (_, i) => ({ key: `v${i}`, weight: 1 / 11 })) },
    ],
    [
      'duplicate variation keys',
      {
        variations: [
          { key: 'a', weight: 0.5 },
          { key: 'a', weight: 0.5 },
        ],
      },
    ],
    [
      'a negative weight',
      {
        variations: [
          { key: 'a', weight: -0.5 },
          { key: 'b', weight: 1.5 },
        ],
      },
    ],
    ['a custom goal without a name', { variations: twoWay, goal: { event: 'custom' } }],
    ['an unknown goal event', { variations: twoWay, goal: { event: 'signup' } }],
    [
      'a javascript: split-URL target',
      {
        variations: [
          { key: 'a', weight: 0.5 },
          { key: 'b', weight: 0.5, url: 'javascript:alert(1)' },
        ],
      },
    ],
    ['an unknown field', { variations: twoWay, owner: 'me' }],
  ])('refuses %s with 400 and stores nothing', async (_, body) => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', { key: 'bad', ...body })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_experiment')
    expect(await rows('SELECT key FROM experiments WHERE site_id = ?', site.id)).toEqual([])
  })

  it('stores weights that sum to 1 within rounding as an exact split', async () => {
    const site = await createSite()
    const variations = [
      { key: 'control', weight: 0.335 },
      { key: 'b', weight: 0.335 },
      { key: 'c', weight: 0.335 },
    ]
    const res = await admin(site, 'POST', '/experiments', { key: 'thirds', variations })
    expect(res.status).toBe(201)
    const stored = ((await res.json()) as { variations: { weight: number }[] }).variations
    const sum = 0.335 + 0.335 + 0.335
    expect(stored.map((v) => v.weight)).toEqual([0.335 / sum, 0.335 / sum, 0.335 / sum])
    expect(stored.reduce((sum, v) => sum + v.weight, 0)).toBeCloseTo(1, 12)
  })

  it('refuses a key outside [A-Za-z0-9_.:-] and stores nothing', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/experiments', { key: 'no spaces', variations: twoWay })
    const error = await expectRefused(res, 400, 'invalid_experiment')
    expect(error.message).toMatch(/^key/)
    expect(await rows('SELECT key FROM experiments WHERE site_id = ?', site.id)).toEqual([])
  })

  it('answers 409 for a key the site already has', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', { key: 'dup', variations: twoWay })
    const res = await admin(site, 'POST', '/experiments', { key: 'dup', variations: twoWay })
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('experiment_exists')
  })

  it('answers 400 for malformed JSON and 415 for a form post, storing nothing', async () => {
    const site = await createSite()
    const headers = { authorization: `Bearer ${site.adminKey}` }
    const malformed = await call('/v1/admin/experiments', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"key":',
    })
    expect(malformed.status).toBe(400)
    expect((await errorOf(malformed)).code).toBe('malformed_json')
    const form = await call('/v1/admin/experiments', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'key=x',
    })
    await expectRefused(form, 415, 'unsupported_media_type')
    expect(await rows('SELECT key FROM experiments WHERE site_id = ?', site.id)).toEqual([])
  })

  it('answers 413 body_too_large for a body over 32 KB and stores nothing', async () => {
    const site = await createSite()
    // The cap is checked before the schema, so the answer is 413, not 400 for the long name.
    const res = await admin(site, 'POST', '/experiments', {
      key: 'big',
      name: 'n'.repeat(33 * 1024),
      variations: twoWay,
    })
    await expectRefused(res, 413, 'body_too_large')
    expect(await rows('SELECT key FROM experiments WHERE site_id = ?', site.id)).toEqual([])
  })
})

describe('admin authentication', () => {
  it('answers 401 without a key and for an unknown key', async () => {
    const missing = await call('/v1/admin/experiments')
    expect(missing.status).toBe(401)
    expect((await errorOf(missing)).code).toBe('missing_key')
    const unknown = await call('/v1/admin/experiments', {
      headers: { authorization: 'Bearer sk_nope' },
    })
    expect(unknown.status).toBe(401)
    expect((await errorOf(unknown)).code).toBe('unknown_key')
  })

  it('answers 403 for a public key on an admin route', async () => {
    const site = await createSite()
    const res = await call('/v1/admin/experiments', {
      headers: { authorization: `Bearer ${site.publicKey}` },
    })
    expect(res.status).toBe(403)
    expect((await errorOf(res)).code).toBe('wrong_key_kind')
  })

  it('answers 403 for a secret key in the query string, even a valid one', async () => {
    const site = await createSite()
    const res = await call(`/v1/admin/experiments?key=${site.adminKey}`, {
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(res.status).toBe(403)
    expect((await errorOf(res)).code).toBe('secret_key_in_url')
  })

  it("never lets site A's admin key see or change site B's experiment", async () => {
    const a = await createSite()
    const b = await createSite()
    await admin(b, 'POST', '/experiments', { key: 'b-only', variations: twoWay })
    for (const [method, path, body] of [
      ['GET', '/experiments/b-only', undefined],
      ['PATCH', '/experiments/b-only', { name: 'hijacked' }],
      ['POST', '/experiments/b-only/start', undefined],
      ['POST', '/experiments/b-only/stop', undefined],
    ] as const) {
      const res = await admin(a, method, path, body)
      expect(res.status, `${method} ${path}`).toBe(404)
      expect((await errorOf(res)).code).toBe('not_found')
    }
    const list = (await (await admin(a, 'GET', '/experiments')).json()) as {
      experiments: unknown[]
    }
    expect(list.experiments).toEqual([])
    const stored = await rows<{ name: string; status: string }>(
      'SELECT name, status FROM experiments WHERE site_id = ?',
      b.id,
    )
    expect(stored).toEqual([{ name: 'b-only', status: 'draft' }])
  })
})

describe('experiment lifecycle', () => {
  it('starts, pauses, resumes and stops, opening phase 1 once', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', { key: 'life', variations: twoWay })
    const started = (await (await admin(site, 'POST', '/experiments/life/start')).json()) as Record<
      string,
      unknown
    >
    expect(started).toMatchObject({ status: 'running', phase: 1 })
    expect(started.phases).toMatchObject([
      { phase: 1, seed: 'life', weights: [0.5, 0.5], endedAt: null },
    ])
    expect((await admin(site, 'POST', '/experiments/life/start')).status).toBe(409)
    expect(await (await admin(site, 'POST', '/experiments/life/pause')).json()).toMatchObject({
      status: 'paused',
    })
    expect(await (await admin(site, 'POST', '/experiments/life/start')).json()).toMatchObject({
      status: 'running',
      phase: 1,
    })
    const stopped = (await (await admin(site, 'POST', '/experiments/life/stop')).json()) as {
      status: string
      phases: { endedAt: number | null }[]
    }
    expect(stopped.status).toBe('stopped')
    expect(stopped.phases[0]?.endedAt).toEqual(expect.any(Number))
    const restart = await admin(site, 'POST', '/experiments/life/start')
    expect(restart.status).toBe(409)
    expect((await errorOf(restart)).code).toBe('experiment_stopped')
  })

  it('opens a new phase with a derived seed when weights of a running experiment change', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', { key: 'reweigh', variations: twoWay, seed: 's1' })
    await admin(site, 'POST', '/experiments/reweigh/start')
    const res = await admin(site, 'PATCH', '/experiments/reweigh', {
      variations: [
        { key: 'control', weight: 0.8 },
        { key: 'treatment', weight: 0.2 },
      ],
    })
    const body = (await res.json()) as {
      phase: number
      newPhase: boolean
      phases: { phase: number; seed: string; weights: number[]; endedAt: number | null }[]
    }
    expect(body.phase).toBe(2)
    expect(body.newPhase).toBe(true)
    expect(body.phases.map((p) => [p.phase, p.seed, p.weights])).toEqual([
      [1, 's1', [0.5, 0.5]],
      [2, 's1:phase-2', [0.8, 0.2]],
    ])
    expect(body.phases[0]?.endedAt).toEqual(expect.any(Number))
  })

  it('keeps the phase when only coverage or name change', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', { key: 'cover', variations: twoWay, coverage: 0.2 })
    await admin(site, 'POST', '/experiments/cover/start')
    const res = await admin(site, 'PATCH', '/experiments/cover', { coverage: 0.6, name: 'Wider' })
    expect(await res.json()).toMatchObject({
      phase: 1,
      coverage: 0.6,
      name: 'Wider',
      newPhase: false,
    })
  })

  it('refuses a patch that breaks the rules and leaves the experiment as it was', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', { key: 'keep', variations: twoWay })
    const res = await admin(site, 'PATCH', '/experiments/keep', { coverage: 1.5 })
    expect(res.status).toBe(400)
    const after = (await (await admin(site, 'GET', '/experiments/keep')).json()) as {
      coverage: number
    }
    expect(after.coverage).toBe(1)
  })

  it('lists experiments filtered by status', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', { key: 'one', variations: twoWay })
    await admin(site, 'POST', '/experiments', { key: 'two', variations: twoWay })
    await admin(site, 'POST', '/experiments/two/start')
    const running = (await (await admin(site, 'GET', '/experiments?status=running')).json()) as {
      experiments: { key: string }[]
    }
    expect(running.experiments.map((e) => e.key)).toEqual(['two'])
    const bogus = await admin(site, 'GET', '/experiments?status=bogus')
    const error = await expectRefused(bogus, 400, 'invalid_status')
    expect(error.message).toMatch(/running/)
  })

  it('lists each experiment with its phases, as GET of one experiment does', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', { key: 'draft', variations: twoWay })
    await admin(site, 'POST', '/experiments', { key: 'live', variations: twoWay })
    await admin(site, 'POST', '/experiments/live/start')
    await admin(site, 'PATCH', '/experiments/live', {
      variations: [
        { key: 'control', weight: 0.7 },
        { key: 'treatment', weight: 0.3 },
      ],
    })
    const listed = (await (await admin(site, 'GET', '/experiments')).json()) as {
      experiments: { key: string; phases: { phase: number }[] }[]
    }
    const one = await (await admin(site, 'GET', '/experiments/live')).json()
    expect(listed.experiments.find((e) => e.key === 'live')).toEqual(one)
    expect(listed.experiments.find((e) => e.key === 'live')?.phases.map((p) => p.phase)).toEqual([
      1, 2,
    ])
    expect(listed.experiments.find((e) => e.key === 'draft')?.phases).toEqual([])
  })
})
