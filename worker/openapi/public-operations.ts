/**
 * The public routes in the reference: the site public key, from the store's pages and servers,
 * plus the health check and the reference itself.
 */
import { z } from 'zod'
import {
  assignAnswerSchema,
  forgottenAnswerSchema,
  healthAnswerSchema,
  ingestAnswerSchema,
  recsAnswerSchema,
  shopifyWebhookAnswerSchema,
  visitorIntentAnswerSchema,
} from '../../shared/api-schemas.ts'
import { eventSchema, MAX_EVENTS } from '../events/event-schema.ts'
import { assignBody } from '../routes/assign.ts'
import { intentQuery } from '../routes/intent.ts'
import { recsQuery } from '../routes/recs.ts'
import { shopifyOrderSchema } from '../shopify/order-purchase.ts'
import { errors, json, PUBLIC_ERRORS, type Operation } from './operation.ts'

/**
 * `POST /v1/events` checks the batch around the events by hand (routes/events.ts, so a 413 can
 * name the count) and each event with `eventSchema`; this is that envelope around the real schema.
 */
const eventsBody = z.strictObject({ events: z.array(eventSchema).min(1).max(MAX_EVENTS) })

const siteParam = {
  name: 'site',
  required: true,
  description: 'The site public key, `pk_...`.',
  schema: { type: 'string', pattern: '^pk_' },
}

export const publicOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/health',
    tag: 'Reference',
    auth: 'none',
    summary: 'Liveness',
    responses: { 200: json('The Worker answers.', healthAnswerSchema) },
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    tag: 'Reference',
    auth: 'none',
    summary: 'This document',
    description: 'OpenAPI 3.1, generated from the zod schemas the routes validate with. Cacheable.',
    responses: { 200: json('The OpenAPI document.', z.looseObject({ openapi: z.string() })) },
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'Reference',
    auth: 'none',
    summary: 'This reference as a web page',
    description: 'Plain HTML rendered by the Worker from this document; no script, no CDN.',
    responses: {
      200: { description: 'The reference.', schema: z.string(), contentType: 'text/html' },
    },
  },
  {
    method: 'post',
    path: '/v1/assign',
    tag: 'Public',
    auth: 'public',
    summary: 'A visitor’s variations',
    description: [
      'The visitor’s variation in every running experiment that includes them (URL targeting,',
      'coverage and audience), and the winner of every rolled-out one (`rolledOut: true`: nothing',
      'to record). Deterministic per visitor and phase. Without `visitorId` the `el_vid` cookie is',
      'read, and a new visitor gets one (Set-Cookie). `intent` is the session’s purchase intent',
      'unless the body says `"intent": false`. An empty body (`content-length: 0`) is `{}`;',
      '`text/plain` is read as JSON so `sendBeacon`-style calls need no preflight. Body at most 16 KiB.',
    ].join(' '),
    queryParams: [siteParam],
    body: { schema: assignBody, contentTypes: ['application/json', 'text/plain'] },
    responses: {
      200: json('The assignments, keyed by experiment.', assignAnswerSchema),
      ...errors(400, 413, 415, ...PUBLIC_ERRORS),
    },
  },
  {
    method: 'post',
    path: '/v1/events',
    tag: 'Public',
    auth: 'public',
    summary: 'Record events, exactly once',
    description: [
      `Up to ${MAX_EVENTS} events (64 KiB). Each is validated on its own: a bad one is listed in`,
      '`rejected` (by index, with a code) and the rest are stored. An event id already stored is a',
      '`duplicate`, never counted twice. A `view` may carry `product` (title, url, image, price,',
      'currency, inStock) describing its `itemId`: that fills the catalog with no setup. Purchases',
      'in another currency than the site’s are rejected (`currency_mismatch`). A known bot’s batch',
      'is acknowledged with `ignored` and not stored.',
    ].join(' '),
    queryParams: [siteParam],
    body: { schema: eventsBody, contentTypes: ['application/json', 'text/plain'] },
    responses: {
      202: json('Accepted, duplicates and rejected events.', ingestAnswerSchema),
      ...errors(400, 413, 415, ...PUBLIC_ERRORS),
    },
  },
  {
    method: 'get',
    path: '/v1/recs',
    tag: 'Public',
    auth: 'public',
    summary: 'A recommendation list',
    description: [
      'Slots: `personal` (the visitor’s SVD vector, folded in online), `similar` and `cart`',
      '(`item=SKU[,SKU]`), `trending`. Every slot falls back to trending items in stock, and',
      '`fallback` says why the slot’s own source did not serve (`no_model_yet`, `no_visitor`,',
      '`visitor_unknown`, `no_item`, `item_not_in_model`, `item_not_in_catalog`,',
      '`no_candidates_in_stock`). `similar`/`cart` without `item`',
      'is still answered, with an `X-Edgelift-Warning` header. Report clicks with the `recId`.',
    ].join(' '),
    query: recsQuery,
    responses: {
      200: json('The list.', recsAnswerSchema),
      ...errors(400, ...PUBLIC_ERRORS),
    },
  },
  {
    method: 'get',
    path: '/v1/intent',
    tag: 'Public',
    auth: 'public',
    summary: 'A visitor’s purchase intent (for the store’s servers)',
    description:
      'The purchase probability of the visitor’s current session and its band (`low`, `medium`, `high`), with the model that scored it (`site` or `starter`), or `score: null` and a reason. The caller’s own user agent and location are not the visitor’s: pass the visitor’s as `userAgent` (their browser’s User-Agent header, at most 1,024 characters) and `region` (Cloudflare’s `request.cf.region` of their request, at most 128); without them those features are unknown.',
    query: intentQuery,
    responses: {
      200: json('The intent.', visitorIntentAnswerSchema),
      ...errors(400, ...PUBLIC_ERRORS),
    },
  },
  {
    method: 'delete',
    path: '/v1/visitors/{visitorId}',
    tag: 'Public',
    auth: 'public-or-admin',
    summary: 'Forget a visitor',
    description: [
      'Deletes the visitor’s events and assignments. With the public key only an edgelift-made',
      'random id (32 lower-case hex digits) can be forgotten (only its browser knows it); a merchant’s own user ids',
      'need the admin key (`admin_key_required`, 403).',
    ].join(' '),
    pathParams: [
      {
        name: 'visitorId',
        required: true,
        description: '1-128 printable ASCII characters.',
        schema: { type: 'string' },
      },
    ],
    queryParams: [{ ...siteParam, required: false, description: 'With the public key.' }],
    responses: {
      200: json('What was deleted.', forgottenAnswerSchema),
      ...errors(400, ...PUBLIC_ERRORS),
    },
  },
  {
    method: 'post',
    path: '/v1/webhooks/shopify',
    tag: 'Integrations',
    auth: 'signature',
    summary: 'Shopify order webhooks',
    description: [
      'Verifies `X-Shopify-Hmac-Sha256` against the site’s webhook secret (PUT',
      '/v1/admin/site/shopify); needs `X-Shopify-Webhook-Id` and `X-Shopify-Topic`. A wrong,',
      'missing or replayed signature is a 401 and stores nothing. `orders/create` becomes one',
      'purchase, deduplicated with the pixel’s purchase of the same order; other topics are',
      'acknowledged and ignored. No origin check or public rate limit: server to server.',
    ].join(' '),
    queryParams: [siteParam],
    body: {
      schema: shopifyOrderSchema,
      contentTypes: ['application/json'],
      description: 'Shopify’s order (for `orders/create`; other topics are not read).',
    },
    responses: {
      200: json('The purchase as stored, or the ignored topic.', shopifyWebhookAnswerSchema),
      ...errors(400, 401, 413, 415, 503),
    },
  },
]
