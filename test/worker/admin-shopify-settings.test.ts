// PUT /v1/admin/site/shopify refusals: the secret is write-only, so each refusal is shown to keep
// the saved one by its row in D1 and by GET's webhookSecretSet.
import { describe, expect, it } from 'vitest'
import { admin, call, createSite, expectRefused, rows, type TestSite } from './support/api.ts'

const SECRET = 'shpss_0123456789abcdef0123456789abcdef'

/** A site whose webhook secret is SECRET. */
async function siteWithSecret(): Promise<TestSite> {
  const site = await createSite()
  const res = await admin(site, 'PUT', '/site/shopify', { webhookSecret: SECRET })
  expect(res.status).toBe(200)
  return site
}

function putRaw(site: TestSite, body: string) {
  return call('/v1/admin/site/shopify', {
    method: 'PUT',
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
    body,
  })
}

/** The secret as stored, and what GET says of it. */
async function secretOf(site: TestSite) {
  const [row] = await rows<{ secret: string | null }>(
    'SELECT shopify_webhook_secret AS secret FROM sites WHERE id = ?',
    site.id,
  )
  const answer = (await (await admin(site, 'GET', '/site/shopify')).json()) as {
    webhookSecretSet: boolean
  }
  return { stored: row?.secret, set: answer.webhookSecretSet }
}

describe('PUT /v1/admin/site/shopify refusals keep the saved secret', () => {
  it('answers 400 malformed_json', async () => {
    const site = await siteWithSecret()
    await expectRefused(await putRaw(site, '{"webhookSecret":'), 400, 'malformed_json')
    expect(await secretOf(site)).toEqual({ stored: SECRET, set: true })
  })

  it('answers 413 body_too_large to a body over 4 KB', async () => {
    const site = await siteWithSecret()
    const body = JSON.stringify({ webhookSecret: null, pad: 'x'.repeat(5 * 1024) })
    await expectRefused(await putRaw(site, body), 413, 'body_too_large')
    expect(await secretOf(site)).toEqual({ stored: SECRET, set: true })
  })

  it('answers 400 invalid_shopify to a secret over 200 characters', async () => {
    const site = await siteWithSecret()
    const res = await admin(site, 'PUT', '/site/shopify', { webhookSecret: 's'.repeat(201) })
    const error = await expectRefused(res, 400, 'invalid_shopify')
    expect(error.message).toMatch(/^webhookSecret: .*16-200/)
    expect(await secretOf(site)).toEqual({ stored: SECRET, set: true })
  })

  it('answers 400 invalid_shopify to a null secret with an unknown field, removing nothing', async () => {
    const site = await siteWithSecret()
    const res = await admin(site, 'PUT', '/site/shopify', { webhookSecret: null, siteId: 'x' })
    await expectRefused(res, 400, 'invalid_shopify')
    expect(await secretOf(site)).toEqual({ stored: SECRET, set: true })
  })
})
