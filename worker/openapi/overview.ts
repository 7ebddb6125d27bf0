/**
 * What holds for every route, in Markdown: the OpenAPI document's `info.description`, the top of
 * /docs and of docs/api.md. Each route's own rules are in its operation (public-operations.ts,
 * admin-operations.ts).
 */
export const API_OVERVIEW = `
All routes are under \`/v1\`, take and answer JSON unless said otherwise, and are served by one
Cloudflare Worker. The document at \`GET /v1/openapi.json\` is generated from the zod schemas the
routes validate with; \`/docs\` renders it.

## Keys

- **Public key** \`pk_...\`, sent as \`?site=pk_...\`: safe in pages. \`POST /v1/assign\`,
  \`POST /v1/events\`, \`GET /v1/recs\`, \`GET /v1/intent\` and \`DELETE /v1/visitors/{visitorId}\`
  (edgelift's own random ids only). A browser call must come from one of the site's
  \`allowedOrigins\` (or its proxied hostnames); another origin gets 403 \`origin_not_allowed\`
  and is counted in \`GET /v1/admin/health\`.
- **Admin key** \`sk_...\`, sent as \`Authorization: Bearer sk_...\`: servers and the dashboard
  only. A secret key anywhere in a URL is refused with 403 \`secret_key_in_url\` (rotate it). Named
  team keys (\`POST /v1/admin/keys\`) have a role: a \`viewer\` key only reads (403 on writes).
  \`POST /v1/admin/site/rotate-key\` replaces the key in use and shows the new one once.

## Identifiers

- Visitor ids: 1-128 printable ASCII characters without spaces (a merchant's user id, or the
  32-hex-digit random id edgelift puts in the \`el_vid\` cookie).
- Experiment, variation and item keys: 1-64 characters of \`A-Z a-z 0-9 _ . : -\`.
- Event ids: 8-64 characters of \`A-Z a-z 0-9 _ -\`, made by the client; the idempotency key of
  exactly-once ingestion (a repeated id is a \`duplicate\`, never counted twice).

## Errors

Every refusal is \`{ "error": { "code": "...", "message": "..." } }\` with a 4xx/5xx status.
Branch on \`code\`; \`message\` is for people and names the offending field. Common codes:
\`invalid_*\` and \`malformed_json\` (400), \`missing_key\`/\`unknown_key\` (401),
\`wrong_key_kind\`/\`origin_not_allowed\`/\`secret_key_in_url\` (403), \`not_found\` (404), \`conflict\`-kind codes such as
\`training_in_progress\` or \`key_rotated\` (409), \`body_too_large\`/\`too_many_events\` (413),
\`unsupported_media_type\` (415), \`rate_limited\` (429, with Retry-After),
\`storage_unavailable\` (503, with Retry-After) and \`internal_error\` (500, no details).

## Rate limits

Public routes: 600 requests a minute per site and client IP; admin routes: 600 a minute per
site (Cloudflare's Rate Limiting binding, counted per location). Over the limit: 429
\`rate_limited\` with \`Retry-After: 60\`, before anything is read or written.

## What the product adds to the first contract

- **Events**: a \`view\` may carry \`product\` (\`title\`, \`url\`, \`image\`, \`price\`, \`currency\`,
  \`inStock\`) describing its \`itemId\`, which fills the catalog with no upload; \`page_view\`
  events (path, title, page kind, referrer, UTM) feed purchase intent.
- **Recommendations**: every slot falls back to trending items in stock and says why in
  \`fallback\`; merchants pin and boost items (\`PUT /v1/admin/recs/rules\`);
  \`POST /v1/admin/recs/train?wait=true\` answers when the run is done.
- **Imports**: \`POST /v1/admin/import/events\` lists skipped lines and counts them all by reason
  in \`skippedByReason\`; \`PUT /v1/admin/catalog\` also takes a Google Merchant feed.
- **Site settings** (\`PATCH /v1/admin/site\`): name, allowed origins, image origins and event
  retention; key rotation; team keys and the audit log.
- **Proxy mode** (\`PUT /v1/admin/site/proxy\`): edgelift serves the store's hostnames from its
  origin and assigns at the edge, with no flicker. A request that already passed through
  edgelift (a misconfigured origin pointing back at it) is refused with 508 \`proxy_loop\`.
- **Purchase intent**: \`intent\` in \`POST /v1/assign\` and \`GET /v1/intent\` for servers;
  \`GET|PATCH /v1/admin/intent\` for the model and its bands.
- **Bandits and audiences**: \`type: "bandit"\` experiments reweighed by the cron
  (\`POST .../reweigh\` does it now), stop and roll out (\`POST .../rollout\`); an \`audience\`
  limits an experiment to intent bands, devices, new or returning visitors, traffic sources.
- **Exports**: \`results.csv\` and \`visitors.csv\` per experiment, streamed, with formula cells
  escaped.
- **Webhooks and alerts**: Shopify order webhooks (\`POST /v1/webhooks/shopify\`, signed);
  alerts posted to Slack, Discord or JSON webhooks (\`PUT /v1/admin/site/alerts\`).
`.trim()
