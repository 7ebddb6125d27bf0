/**
 * `POST /v1/webhooks/shopify?site=pk_...`: a store's Shopify order webhooks. The public key names
 * the site; what authenticates the request is the signature, checked against the site's webhook
 * secret. A missing, wrong or replayed signature is a 401 and stores nothing; a delivery that
 * fails to store leaves nothing behind, so Shopify's retry is taken. `orders/create`
 * becomes a purchase, deduplicated with the pixel's purchase of the same order; other topics are
 * acknowledged and ignored, so a store subscribing to more does not see failed deliveries.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ingestEvents } from '../events/ingest.ts'
import { tallyRejected } from '../health/refusals.ts'
import { markStandIn } from '../events/stand-in-purchases.ts'
import { ApiError } from '../http/api-error.ts'
import { readBodyBytes } from '../http/read-body.ts'
import { parseOr400 } from '../http/validate.ts'
import { invalid } from '../domain-error.ts'
import { siteOfPublicKey } from '../middleware/auth.ts'
import { isPublicKey } from '../sites/keys.ts'
import { customerVisitorIds } from '../visitors/customer-visitor-id.ts'
import {
  orderPurchaseEvent,
  orderVisitorId,
  shopifyOrderSchema,
  type ShopifyOrder,
} from '../shopify/order-purchase.ts'
import { shopifyWebhookSecret } from '../shopify/shopify-settings.ts'
import { shopifySignatureValid } from '../shopify/webhook-signature.ts'
import { claimWebhook, orderPurchaser, webhookTaken } from '../shopify/webhook-deliveries.ts'
import { batch, type Database } from '../db/database.ts'
import type { Site } from '../sites/site-store.ts'

/** An order with a thousand line items stays well under this. */
const MAX_BODY_BYTES = 1024 * 1024
const WEBHOOK_ID = /^[A-Za-z0-9_-]{1,100}$/
const PURCHASE_TOPIC = 'orders/create'

export const webhooksRoute = new Hono<AppEnv>().post('/v1/webhooks/shopify', async (c) => {
  const site = await siteOf(c, c.req.query('site'))
  const secret = await shopifyWebhookSecret(c.var.db, site.id)
  if (secret === null) {
    throw unauthorized(
      'webhook_not_configured',
      'This site has no Shopify webhook secret: set it with PUT /v1/admin/site/shopify.',
    )
  }
  const body = await readBodyBytes(c.req.raw, MAX_BODY_BYTES, ['application/json'])
  const signature = c.req.header('x-shopify-hmac-sha256')
  if (!signature) throw unauthorized('missing_signature', 'Send X-Shopify-Hmac-Sha256.')
  if (!(await shopifySignatureValid(secret, body, signature))) {
    throw unauthorized('invalid_signature', 'X-Shopify-Hmac-Sha256 does not match the body.')
  }
  const webhookId = c.req.header('x-shopify-webhook-id') ?? ''
  if (!WEBHOOK_ID.test(webhookId)) {
    throw invalid('invalid_webhook_id', 'Send X-Shopify-Webhook-Id, as Shopify does.')
  }
  const topic = c.req.header('x-shopify-topic') ?? ''
  const order =
    topic === PURCHASE_TOPIC ? parseOr400(shopifyOrderSchema, json(body), 'order') : null

  if (await webhookTaken(c.var.db, site.id, webhookId)) {
    throw unauthorized('replayed_webhook', 'This webhook delivery was already received.')
  }
  const claim = claimWebhook(site.id, webhookId, topic.slice(0, 100), Date.now())
  if (order === null) {
    await batch(c.var.db, [claim])
    return c.json({ ignored: topic })
  }
  const { visitorId, standIn } = await purchaser(c.var.db, site, order)
  const event = orderPurchaseEvent(order, visitorId)
  // The claim, and a stand-in's mark (so the pixel's purchase can take its place), go in the
  // purchase's batch: stored together or not at all. An order refused as a whole (another
  // currency) stores nothing, claim included, and a replay of it is refused the same way.
  const result = await ingestEvents(
    c.var.db,
    site,
    [event],
    { now: Date.now(), timeSource: 'server' },
    (stored) => [
      claim,
      ...(standIn ? stored.map((row) => markStandIn(site.id, row, Date.now())) : []),
    ],
  )
  tallyRejected(c.executionCtx, c.var.db, site.id, [event], result.rejected)
  return c.json(result)
})

/**
 * Who bought: the `el_vid` the theme put on the cart; without it, the visitor of the pixel's
 * purchase of this order (so the two still meet as one), else a stand-in until the pixel's
 * purchase arrives (events/stand-in-purchases.ts): the customer under their opaque id
 * (visitors/customer-visitor-id.ts, as an import of Shopify's customers would store them), else
 * the order itself.
 */
async function purchaser(
  db: Database,
  site: Site,
  order: ShopifyOrder,
): Promise<{ visitorId: string; standIn: boolean }> {
  const fromCart = orderVisitorId(order)
  if (fromCart) return { visitorId: fromCart, standIn: false }
  const fromPixel = await orderPurchaser(db, site.id, order.id)
  if (fromPixel) return { visitorId: fromPixel, standIn: false }
  const visitorId = order.customer
    ? await (
        await customerVisitorIds(db, site.id)
      )(order.customer.id)
    : `shopify_order_${order.id}`
  return { visitorId, standIn: true }
}

/** The site named by `?site=`, located on its own database, which becomes the request's `db`. */
async function siteOf(c: Context<AppEnv>, publicKey: string | undefined): Promise<Site> {
  if (!publicKey) throw unauthorized('missing_key', 'Send the site public key as `?site=pk_...`.')
  const site = isPublicKey(publicKey) ? await siteOfPublicKey(c, publicKey) : null
  if (!site) throw unauthorized('unknown_key', 'This site key is not valid.')
  return site
}

function json(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body))
  } catch {
    throw invalid('malformed_json', 'The body is not valid UTF-8 JSON.')
  }
}

function unauthorized(code: string, message: string): ApiError {
  return new ApiError(401, code, message)
}
