import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { admin, call, createSite, expectRefused, rows, startExperiment } from './support/api.ts'
import { as, createKey } from './support/team.ts'

type Entry = {
  id: number
  at: number
  keyId: string
  keyName: string
  method: string
  route: string
  target: string | null
  summary: string | null
  confirmed: boolean
}
type Page = { entries: Entry[]; nextCursor: string | null }

async function audit(site: Parameters<typeof admin>[0], query = ''): Promise<Page> {
  const res = await admin(site, 'GET', `/audit${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Page
}

describe('the audit log', () => {
  it('records which key changed what and when, newest first', async () => {
    const site = await createSite()
    const editor = await createKey(site, 'editor', 'Ana')
    const before = Date.now()
    await startExperiment(as(site, editor), 'checkout')
    expect((await admin(as(site, editor), 'PATCH', '/site', { name: 'Shop' })).status).toBe(200)
    const { entries } = await audit(site)
    expect(entries.slice(0, 3)).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(Number),
        keyId: editor.id,
        keyName: 'Ana',
        method: 'PATCH',
        route: '/v1/admin/site',
        target: null,
        summary: 'set name',
        confirmed: true,
      },
      expect.objectContaining({
        keyName: 'Ana',
        method: 'POST',
        route: '/v1/admin/experiments/:key/:action{start|pause|stop}',
        target: 'checkout/start',
        confirmed: true,
      }),
      expect.objectContaining({
        keyName: 'Ana',
        method: 'POST',
        route: '/v1/admin/experiments',
        summary: 'set key, variations',
      }),
    ])
    expect(entries[0]?.at).toBeGreaterThanOrEqual(before)
  })

  it('names created and revoked keys, and never holds a secret', async () => {
    const site = await createSite()
    const key = await createKey(site, 'viewer', 'intern')
    await admin(site, 'DELETE', `/keys/${key.id}`)
    const { entries } = await audit(site)
    expect(entries.map((e) => [e.keyName, e.summary])).toEqual([
      ['Site key', `revoked ${key.id} "intern" (viewer)`],
      ['Site key', `created ${key.id} "intern" (viewer)`],
    ])
    expect(entries[0]?.target).toBe(key.id)
    expect(JSON.stringify(entries)).not.toContain(key.adminKey)
    expect(JSON.stringify(entries)).not.toContain(site.adminKey)
  })

  it('records nothing for reads, refused writes or a viewer', async () => {
    const site = await createSite()
    const viewer = as(site, await createKey(site, 'viewer'))
    const { entries: start } = await audit(site)
    await admin(site, 'GET', '/experiments')
    await admin(site, 'PATCH', '/site', { name: '' })
    await admin(site, 'POST', '/experiments/missing/start')
    await admin(viewer, 'PATCH', '/site', { name: 'x' })
    expect((await audit(site)).entries).toEqual(start)
  })

  it("records a visitor's erasure without the visitor's id", async () => {
    const site = await createSite()
    const res = await call('/v1/visitors/user-42', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(res.status).toBe(200)
    const [entry] = (await audit(site)).entries
    expect(entry).toMatchObject({ route: '/v1/visitors/:visitorId', target: '(withheld)' })
    expect(JSON.stringify(entry)).not.toContain('user-42')
  })

  it("shows a site only its own entries, also to another site's editor", async () => {
    const a = await createSite()
    const b = await createSite()
    await admin(a, 'PATCH', '/site', { name: 'A' })
    expect((await audit(b)).entries).toEqual([])
    const { entries } = await audit(a)
    expect(entries).toHaveLength(1)
    // A's cursor gives B nothing of A's either.
    expect((await audit(b, `?cursor=${(entries[0]?.id ?? 0) + 1}`)).entries).toEqual([])
  })
})

describe('no change without its entry', () => {
  /** Makes D1 refuse one kind of write to this site's audit rows, as an outage would. */
  async function failAuditWrites(
    siteId: string,
    kind: 'INSERT' | 'UPDATE',
  ): Promise<() => Promise<void>> {
    const name = `fail_audit_${kind}_${siteId}`.replace(/\W/g, '_')
    await env.DB.exec(
      `CREATE TRIGGER ${name} BEFORE ${kind} ON audit_log WHEN NEW.site_id = '${siteId}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
    )
    return async () => {
      await env.DB.exec(`DROP TRIGGER ${name}`)
    }
  }

  it('makes no change when its entry cannot be written', async () => {
    const site = await createSite()
    const restore = await failAuditWrites(site.id, 'INSERT')
    try {
      // A storage failure, though drizzle wraps D1's error in its own: 503, retry shortly.
      const res = await admin(site, 'PATCH', '/site', { name: 'Unlogged' })
      await expectRefused(res, 503, 'storage_unavailable')
      expect(res.headers.get('retry-after')).toBe('2')
    } finally {
      await restore()
    }
    const [row] = await rows<{ name: string }>('SELECT name FROM sites WHERE id = ?', site.id)
    expect(row?.name).not.toBe('Unlogged')
  })

  it('keeps a change whose success could not be recorded, shown as unconfirmed', async () => {
    const site = await createSite()
    const restore = await failAuditWrites(site.id, 'UPDATE')
    try {
      expect((await admin(site, 'PATCH', '/site', { name: 'Logged' })).status).toBe(200)
    } finally {
      await restore()
    }
    const { entries } = await audit(site)
    expect(entries).toEqual([
      expect.objectContaining({ route: '/v1/admin/site', confirmed: false }),
    ])
  })
})

describe('GET /v1/admin/audit', () => {
  it('keeps a change that failed on our side as unconfirmed: it may have been stored', async () => {
    const site = await createSite()
    const name = `fail_site_${site.id}`.replace(/\W/g, '_')
    await env.DB.exec(
      `CREATE TRIGGER ${name} BEFORE UPDATE ON sites WHEN NEW.id = '${site.id}' BEGIN SELECT RAISE(ABORT, 'sites unavailable'); END`,
    )
    try {
      const res = await admin(site, 'PATCH', '/site', { name: 'Maybe' })
      await expectRefused(res, 503, 'storage_unavailable')
    } finally {
      await env.DB.exec(`DROP TRIGGER ${name}`)
    }
    expect((await audit(site)).entries).toEqual([
      expect.objectContaining({ route: '/v1/admin/site', confirmed: false }),
    ])
  })

  it('pages with the cursor it answers until there is none', async () => {
    const site = await createSite()
    for (const name of ['a', 'b', 'c', 'd', 'e']) await admin(site, 'PATCH', '/site', { name })
    const first = await audit(site, '?limit=2')
    expect(first.entries).toHaveLength(2)
    const second = await audit(site, `?limit=2&cursor=${first.nextCursor}`)
    const third = await audit(site, `?limit=2&cursor=${second.nextCursor}`)
    expect(third.nextCursor).toBeNull()
    const ids = [...first.entries, ...second.entries, ...third.entries].map((e) => e.id)
    expect(ids).toHaveLength(5)
    expect([...ids].sort((x, y) => y - x)).toEqual(ids)
  })

  it.each([
    ['a cursor that is not a number', '?cursor=abc'],
    ['a negative cursor', '?cursor=-1'],
    ['an oversized cursor', `?cursor=${'9'.repeat(30)}`],
    ['a limit of 0', '?limit=0'],
    ['a limit over 100', '?limit=101'],
    ['an unknown parameter', '?before=1'],
  ])('refuses %s with 400', async (_, query) => {
    const site = await createSite()
    await expectRefused(await admin(site, 'GET', `/audit${query}`), 400, 'invalid_audit_query')
  })
})
