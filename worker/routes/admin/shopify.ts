/**
 * `GET/PUT /v1/admin/site/shopify`: the address to give Shopify's order webhook and its secret.
 * The secret is write-only: answers say whether one is set, never what it is.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { setShopifyWebhookSecret, shopifyWebhookSecret } from '../../shopify/shopify-settings.ts'

export const putSchema = z.strictObject({
  /** Shopify's "Your webhooks will be signed with ..." value; null removes it. */
  webhookSecret: z
    .string()
    .regex(/^[\x21-\x7e]{16,200}$/, 'must be 16-200 printable characters without spaces')
    .nullable(),
})

export const adminShopifyRoute = new Hono<AppEnv>()
  .get('/site/shopify', async (c) => {
    const secret = await shopifyWebhookSecret(c.var.db, c.var.site.id)
    return c.json(describe(c.req.url, c.var.site.publicKey, secret !== null))
  })
  .put('/site/shopify', async (c) => {
    const { webhookSecret } = parseOr400(
      putSchema,
      await readJsonBody(c.req.raw, 4 * 1024),
      'shopify',
    )
    await setShopifyWebhookSecret(c.var.db, c.var.site.id, webhookSecret)
    return c.json(describe(c.req.url, c.var.site.publicKey, webhookSecret !== null))
  })

function describe(requestUrl: string, publicKey: string, secretSet: boolean) {
  const webhookUrl = new URL(`/v1/webhooks/shopify?site=${publicKey}`, requestUrl).toString()
  return { webhookUrl, webhookSecretSet: secretSet }
}
