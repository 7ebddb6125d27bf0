import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { admin, call, createSite, expectRefused, rows, startExperiment } from './support/api.ts'
import { as, createKey } from './support/team.ts'

describe('POST /v1/admin/keys', () => {
  it('answers the secret once and stores only its hash', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/keys', { name: 'Ana marketing', role: 'viewer' })
    expect(res.status).toBe(201)
    const created = (await res.json()) as { id: string; adminKey: string; role: string }
    expect(created).toMatchObject({
      id: expect.stringMatching(/^key_[0-9a-f]{16}$/),
      role: 'viewer',
    })
    expect(created.adminKey).toMatch(/^sk_[0-9a-f]{48}$/)
    const stored = await rows<Record<string, unknown>>(
      'SELECT * FROM admin_keys WHERE site_id = ?',
      site.id,
    )
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toContain(created.adminKey)
    const listed = await (await admin(site, 'GET', '/keys')).json()
    expect(JSON.stringify(listed)).not.toContain(created.adminKey)
    expect(listed).toMatchObject({
      you: 'site',
      keys: [
        { id: 'site', role: 'editor', site: true },
        { id: created.id, name: 'Ana marketing', role: 'viewer' },
      ],
    })
  })

  it('lets the new key sign in and names it as the caller', async () => {
    const site = await createSite()
    const key = await createKey(site, 'editor')
    const res = await admin(as(site, key), 'GET', '/keys')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ you: key.id })
  })

  it.each([
    ['a blank name', { name: '  ', role: 'viewer' }, 'name: is required'],
    ['a long name', { name: 'x'.repeat(41), role: 'viewer' }, 'name: is at most 40 characters'],
    ['markup in the name', { name: '<b>x</b>', role: 'viewer' }, expect.stringMatching(/^name:/)],
    ['an unknown role', { name: 'ok', role: 'owner' }, expect.stringMatching(/^role:/)],
    ['an unknown field', { name: 'ok', role: 'viewer', keyHash: 'x' }, expect.any(String)],
    ['no object', ['ok'], expect.any(String)],
  ])('refuses %s with 400 and writes nothing', async (_, body, message) => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/keys', body)
    const error = await expectRefused(res, 400, 'invalid_key')
    expect(error.message).toEqual(message)
    expect(await rows('SELECT 1 FROM admin_keys WHERE site_id = ?', site.id)).toEqual([])
    expect(await rows('SELECT 1 FROM audit_log WHERE site_id = ?', site.id)).toEqual([])
  })

  it('refuses an oversized body with 413 and another media type with 415', async () => {
    const site = await createSite()
    const big = await admin(site, 'POST', '/keys', {
      name: 'ok',
      role: 'viewer',
      pad: 'x'.repeat(5000),
    })
    await expectRefused(big, 413, 'body_too_large')
    const text = await call('/v1/admin/keys', {
      method: 'POST',
      headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'text/plain' },
      body: '{"name":"ok","role":"viewer"}',
    })
    await expectRefused(text, 415, 'unsupported_media_type')
    expect(await rows('SELECT 1 FROM admin_keys WHERE site_id = ?', site.id)).toEqual([])
  })

  it('refuses malformed JSON with 400 and writes nothing', async () => {
    const site = await createSite()
    const res = await call('/v1/admin/keys', {
      method: 'POST',
      headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
      body: '{"name":"ok","role":',
    })
    await expectRefused(res, 400, 'malformed_json')
    expect(await rows('SELECT 1 FROM admin_keys WHERE site_id = ?', site.id)).toEqual([])
    expect(await rows('SELECT 1 FROM audit_log WHERE site_id = ?', site.id)).toEqual([])
  })

  it('refuses a name the site already uses with 409', async () => {
    const site = await createSite()
    await createKey(site, 'viewer', 'ci')
    await expectRefused(
      await admin(site, 'POST', '/keys', { name: 'ci', role: 'editor' }),
      409,
      'key_name_taken',
    )
  })

  it('refuses a 21st key with 409', async () => {
    const site = await createSite()
    await createKey(site, 'viewer', 'k0')
    // The other 19 straight into D1: twenty requests would make this test slow on a busy machine.
    const insert = env.DB.prepare(
      `INSERT INTO admin_keys (site_id, id, name, role, key_hash, created_by, created_at)
       VALUES (?, ?, ?, 'viewer', ?, 'site', 0)`,
    )
    await env.DB.batch(
      Array.from({ length: 19 }, (_, i) =>
        insert.bind(
          site.id,
          `key_${String(i + 1).padStart(16, '0')}`,
          `k${i + 1}`,
          `${site.id}-${i}`,
        ),
      ),
    )
    const res = await admin(site, 'POST', '/keys', { name: 'one more', role: 'viewer' })
    await expectRefused(res, 409, 'too_many_keys')
    expect(await rows('SELECT 1 FROM admin_keys WHERE site_id = ?', site.id)).toHaveLength(20)
  })
})

describe('roles', () => {
  it('lets a viewer read and refuses its changes with 403, changing nothing', async () => {
    const site = await createSite()
    await startExperiment(site, 'checkout')
    const viewer = as(site, await createKey(site, 'viewer'))
    expect((await admin(viewer, 'GET', '/experiments/checkout/results')).status).toBe(200)
    await expectRefused(
      await admin(viewer, 'POST', '/experiments/checkout/stop'),
      403,
      'read_only_key',
    )
    await expectRefused(
      await admin(viewer, 'PATCH', '/site', { name: 'Mine' }),
      403,
      'read_only_key',
    )
    await expectRefused(
      await admin(viewer, 'POST', '/keys', { name: 'x', role: 'editor' }),
      403,
      'read_only_key',
    )
    const [experiment] = await rows<{ status: string }>(
      'SELECT status FROM experiments WHERE site_id = ?',
      site.id,
    )
    expect(experiment?.status).toBe('running')
    expect(
      await rows('SELECT 1 FROM admin_keys WHERE site_id = ? AND name = ?', site.id, 'x'),
    ).toEqual([])
  })

  it('lets an editor change things, including the team', async () => {
    const site = await createSite()
    await startExperiment(site, 'checkout')
    const editor = as(site, await createKey(site, 'editor'))
    expect((await admin(editor, 'POST', '/experiments/checkout/pause')).status).toBe(200)
    expect((await admin(editor, 'POST', '/keys', { name: 'intern', role: 'viewer' })).status).toBe(
      201,
    )
  })

  it('refuses a viewer forgetting a visitor by the admin key', async () => {
    const site = await createSite()
    const viewer = as(site, await createKey(site, 'viewer'))
    await expectRefused(await forget(viewer.adminKey, 'user-42'), 403, 'read_only_key')
    const editor = await createKey(site, 'editor')
    expect((await forget(editor.adminKey, 'user-42')).status).toBe(200)
  })
})

describe('DELETE /v1/admin/keys/{id}', () => {
  it('refuses the revoked key with the very next request', async () => {
    const site = await createSite()
    const key = await createKey(site, 'editor')
    expect((await admin(as(site, key), 'GET', '/site')).status).toBe(200)
    const res = await admin(site, 'DELETE', `/keys/${key.id}`)
    expect(await res.json()).toEqual({ id: key.id, revoked: true })
    await expectRefused(await admin(as(site, key), 'GET', '/site'), 401, 'unknown_key')
  })

  it('never revokes the site key, so a site always keeps an editor', async () => {
    const site = await createSite()
    const editor = as(site, await createKey(site, 'editor'))
    await expectRefused(await admin(editor, 'DELETE', '/keys/site'), 409, 'site_key_not_revocable')
    expect((await admin(site, 'GET', '/site')).status).toBe(200)
  })

  it("cannot see or revoke another site's keys", async () => {
    const a = await createSite()
    const b = await createSite()
    const bKey = await createKey(b, 'editor', 'b-only')
    const listed = await (await admin(a, 'GET', '/keys')).json()
    expect(JSON.stringify(listed)).not.toContain(bKey.id)
    await expectRefused(await admin(a, 'DELETE', `/keys/${bKey.id}`), 404, 'not_found')
    expect((await admin(as(b, bKey), 'GET', '/site')).status).toBe(200)
  })

  it('refuses a malformed id with 400', async () => {
    const site = await createSite()
    await expectRefused(await admin(site, 'DELETE', '/keys/key_%27%3B--'), 400, 'invalid_key_id')
  })
})

describe('POST /v1/admin/site/rotate-key with a named key', () => {
  it("rotates the caller's own key and leaves the site key alone", async () => {
    const site = await createSite()
    const key = await createKey(site, 'editor')
    const res = await admin(as(site, key), 'POST', '/site/rotate-key')
    const { adminKey } = (await res.json()) as { adminKey: string }
    await expectRefused(await admin(as(site, key), 'GET', '/site'), 401, 'unknown_key')
    expect(await (await admin(as(site, { adminKey }), 'GET', '/keys')).json()).toMatchObject({
      you: key.id,
    })
    expect((await admin(site, 'GET', '/site')).status).toBe(200)
  })
})

function forget(adminKey: string, visitorId: string): Promise<Response> {
  return call(`/v1/visitors/${visitorId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${adminKey}` },
  })
}
