/**
 * The admin routes in the reference: `Authorization: Bearer sk_...`; a viewer key only reads.
 * Request schemas are the routes' own; parameters a route checks by hand are described here.
 */
import { z } from 'zod'
import {
  alertSettingsAnswerSchema,
  auditPageSchema,
  behaviourAnswerSchema,
  catalogAnswerSchema,
  catalogItemsAnswerSchema,
  catalogUploadAnswerSchema,
  createdKeySchema,
  csvSchema,
  experimentDetailSchema,
  experimentListSchema,
  importAnswerSchema,
  intentLearnAnswerSchema,
  intentStatusSchema,
  intentTrainAnswerSchema,
  proxySettingsAnswerSchema,
  recsPerformanceSchema,
  recsRulesAnswerSchema,
  recsStatusSchema,
  recsTrainAnswerSchema,
  resultsAnswerSchema,
  reweighAnswerSchema,
  rotatedKeySchema,
  sampleSizeAnswerSchema,
  shopifySettingsSchema,
  siteHealthSchema,
  siteInfoSchema,
  teamKeysSchema,
  timeseriesAnswerSchema,
  revokedKeySchema,
  visitorIdsAnswerSchema,
} from '../../shared/admin-schemas.ts'
import { recsAnswerSchema } from '../../shared/api-schemas.ts'
import { BREAKDOWNS } from '../../shared/audience.ts'
import { alertSettingsSchema } from '../alerts/alert-settings.ts'
import { catalogUploadSchema } from '../catalog/catalog-schema.ts'
import { proxySettingsSchema } from '../edge/proxy-settings.ts'
import { createExperimentSchema, patchExperimentSchema } from '../experiments/experiment-schema.ts'
import { IMPORT_FORMATS } from '../import/import-formats.ts'
import { DATE_ORDERS } from '../import/timestamps.ts'
import { rulesSchema } from '../recs/serve/rules-schema.ts'
import { customerIdsSchema } from '../routes/admin/recs.ts'
import { previewQuery } from '../routes/admin/recs-rules.ts'
import { rolloutBody, statusFilter } from '../routes/admin/experiments.ts'
import { patchIntentSchema } from '../routes/admin/intent.ts'
import { searchQuery } from '../routes/admin/catalog.ts'
import { putSchema as shopifySettingsBody } from '../routes/admin/shopify.ts'
import { patchSiteSchema } from '../routes/admin/site.ts'
import { auditQuerySchema, newKeySchema } from '../routes/admin/team.ts'
import {
  ADMIN_ERRORS,
  BODY_ERRORS,
  errors,
  json,
  type Operation,
  type ParamDoc,
} from './operation.ts'

const JSON_BODY = ['application/json']

const experimentKey: ParamDoc = {
  name: 'key',
  required: true,
  description: 'The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' },
}

const phaseParam: ParamDoc = {
  name: 'phase',
  description: 'A phase number; the current phase when absent.',
  schema: { type: 'integer', minimum: 0 },
}

const breakdownParam: ParamDoc = {
  name: 'breakdown',
  description: 'Split the results by a visitor trait.',
  schema: { type: 'string', enum: [...BREAKDOWNS] },
}

/** A read: the admin key, nothing written. */
function read(
  path: string,
  tag: string,
  summary: string,
  answer: z.ZodType,
  extra: Partial<Operation> = {},
): Operation {
  return {
    method: 'get',
    path: `/v1/admin${path}`,
    tag,
    auth: 'admin',
    summary,
    ...extra,
    responses: { 200: json(summary, answer), ...errors(...ADMIN_ERRORS), ...extra.responses },
  }
}

/** A change with a JSON body (or none), refused like every admin write. */
function write(
  method: Operation['method'],
  path: string,
  tag: string,
  summary: string,
  responses: Operation['responses'],
  extra: Partial<Operation> = {},
): Operation {
  return {
    method,
    path: `/v1/admin${path}`,
    tag,
    auth: 'admin',
    summary,
    ...extra,
    responses: { ...responses, ...errors(...ADMIN_ERRORS, ...BODY_ERRORS) },
  }
}

const lifecycle = (action: 'start' | 'pause' | 'stop', description: string): Operation =>
  write(
    'post',
    `/experiments/{key}/${action}`,
    'Experiments',
    `${action[0]?.toUpperCase()}${action.slice(1)} an experiment`,
    { 200: json('The experiment.', experimentDetailSchema), ...errors(404, 409) },
    { pathParams: [experimentKey], description },
  )

export const adminOperations: Operation[] = [
  read(
    '/experiments',
    'Experiments',
    'The site’s experiments, with their phases',
    experimentListSchema,
    {
      queryParams: [
        {
          name: 'status',
          description: 'Only experiments in this status.',
          schema: z.toJSONSchema(statusFilter.unwrap()),
        },
      ],
      responses: errors(400),
    },
  ),
  write(
    'post',
    '/experiments',
    'Experiments',
    'Create an experiment (a draft)',
    { 201: json('The new experiment.', experimentDetailSchema), ...errors(409) },
    {
      body: { schema: createExperimentSchema, contentTypes: JSON_BODY },
      description:
        'An A/B test (`type: "ab"`, fixed weights) or a bandit (`type: "bandit"`, Thompson sampling reweighed every `updateHours` by the cron). `audience` limits who is included (intent bands, devices, new/returning, traffic sources), decided when `POST /v1/assign` first buckets the visitor, and kept. `metrics`: up to 10 secondary and guardrail metrics.',
    },
  ),
  read('/experiments/{key}', 'Experiments', 'One experiment', experimentDetailSchema, {
    pathParams: [experimentKey],
    responses: errors(404),
  }),
  write(
    'patch',
    '/experiments/{key}',
    'Experiments',
    'Change an experiment',
    {
      200: json('The experiment; `newPhase` when the change opened one.', experimentDetailSchema),
      ...errors(404, 409),
    },
    {
      pathParams: [experimentKey],
      body: { schema: patchExperimentSchema, contentTypes: JSON_BODY },
      description:
        'Changing the weights or variations of a running experiment opens a new phase (results are per phase). A new goal or new metrics recompute them.',
    },
  ),
  lifecycle('start', 'draft or paused → running (opens phase 1 on the first start).'),
  lifecycle('pause', 'running → paused: visitors keep seeing nothing new; exposures stop.'),
  lifecycle('stop', 'running or paused → stopped, for good.'),
  write(
    'post',
    '/experiments/{key}/reweigh',
    'Experiments',
    'Reweigh a bandit now',
    {
      200: json('The new weights, or why they did not move.', reweighAnswerSchema),
      ...errors(404, 409),
    },
    { pathParams: [experimentKey] },
  ),
  write(
    'post',
    '/experiments/{key}/rollout',
    'Experiments',
    'Stop and roll out a variation to everyone',
    {
      200: json('The stopped experiment with its `winner`.', experimentDetailSchema),
      ...errors(404, 409),
    },
    { pathParams: [experimentKey], body: { schema: rolloutBody, contentTypes: JSON_BODY } },
  ),
  read('/experiments/{key}/results', 'Results', 'An experiment’s results', resultsAnswerSchema, {
    pathParams: [experimentKey],
    queryParams: [phaseParam, breakdownParam],
    description:
      'Sample-ratio check (`srm`), the test of independence, each variation against the control (Holm-adjusted, sequential), revenue, power, the secondary and guardrail `metrics`, the plan’s `duration`, `bandit` for a bandit and `breakdown` when asked. Reading results may send alerts (PUT /v1/admin/site/alerts).',
    responses: errors(400, 404),
  }),
  read(
    '/experiments/{key}/timeseries',
    'Results',
    'Visitors and conversions per day',
    timeseriesAnswerSchema,
    {
      pathParams: [experimentKey],
      queryParams: [phaseParam],
      responses: errors(400, 404),
    },
  ),
  read('/experiments/{key}/results.csv', 'Results', 'Results as CSV', csvSchema, {
    pathParams: [experimentKey],
    queryParams: [phaseParam, breakdownParam],
    description:
      'One row per variation of the goal and of each metric and, with `breakdown`, per variation of each breakdown cell (`segment` such as `intent=high`, with the cell’s own interval, lift and unadjusted `p_value`) and, for a bandit, per variation of its period-weighted goal (`goal_period_weighted`, with `probability_of_being_best`); cells that begin with `=`, `+`, `-` or `@` are escaped so a spreadsheet never runs them.',
    responses: {
      200: { description: 'The CSV.', schema: csvSchema, contentType: 'text/csv' },
      ...errors(400, 404),
    },
  }),
  read('/experiments/{key}/visitors.csv', 'Results', 'Exposed visitors as CSV', csvSchema, {
    pathParams: [experimentKey],
    queryParams: [phaseParam],
    description:
      'visitor, variation, first exposure, converted, revenue: streamed, memory flat for any number of visitors.',
    responses: {
      200: { description: 'The CSV.', schema: csvSchema, contentType: 'text/csv' },
      ...errors(400, 404),
    },
  }),
  read('/sample-size', 'Results', 'Visitors needed to detect a lift', sampleSizeAnswerSchema, {
    queryParams: [
      {
        name: 'baseline',
        required: true,
        description: 'The control conversion rate, e.g. 0.05.',
        schema: { type: 'number' },
      },
      {
        name: 'mde',
        required: true,
        description: 'The relative lift to detect, e.g. 0.1 for +10%.',
        schema: { type: 'number' },
      },
      {
        name: 'alpha',
        description: 'Significance level (default 0.05).',
        schema: { type: 'number' },
      },
      { name: 'power', description: 'Power (default 0.8).', schema: { type: 'number' } },
      {
        name: 'variations',
        description: 'Variations including the control (default 2).',
        schema: { type: 'integer' },
      },
      {
        name: 'experiment',
        description: 'An experiment whose recent traffic gives `duration` in days.',
        schema: { type: 'string' },
      },
    ],
    responses: errors(400, 404),
  }),
  write(
    'put',
    '/catalog',
    'Catalog',
    'Upload catalog items, or a Google Merchant feed',
    {
      200: json(
        'Items upserted, feed rows skipped, and the catalog’s size.',
        catalogUploadAnswerSchema,
      ),
    },
    {
      body: {
        schema: catalogUploadSchema,
        contentTypes: [
          'application/json',
          'text/tab-separated-values',
          'application/rss+xml',
          'application/xml',
          'text/xml',
        ],
        description:
          'JSON `{ items }` (up to 1,000, 2 MiB), or a Google Merchant Center feed as TSV or RSS/XML (id, title, link, image_link, price, availability, item_group_id; up to 10,000 rows, 8 MiB) whose invalid rows are skipped and reported.',
      },
    },
  ),
  read('/catalog', 'Catalog', 'The catalog’s size', catalogAnswerSchema),
  read('/catalog/items', 'Catalog', 'Search the catalog', catalogItemsAnswerSchema, {
    query: searchQuery,
    responses: errors(400),
  }),
  read('/site', 'Site', 'The site’s settings', siteInfoSchema),
  write(
    'patch',
    '/site',
    'Site',
    'Change the site’s settings',
    { 200: json('The settings.', siteInfoSchema) },
    {
      body: { schema: patchSiteSchema, contentTypes: JSON_BODY },
      description:
        '`name`, `allowedOrigins` (the pages that may call the public API), `imageOrigins` (an image CDN for recommendation images), `eventRetentionDays` (raw events kept in D1 before the nightly archive moves them to R2).',
    },
  ),
  write(
    'post',
    '/site/rotate-key',
    'Site',
    'Rotate the admin key in use',
    { 200: json('The new key, shown once.', rotatedKeySchema), ...errors(409) },
    {
      description:
        'Replaces the key that authenticated this request (the site key or a named team key); the old one stops working at once. Two concurrent rotations cannot both succeed (`key_rotated`, 409).',
    },
  ),
  read('/site/proxy', 'Site', 'Proxy-mode settings and hostname proofs', proxySettingsAnswerSchema),
  write(
    'put',
    '/site/proxy',
    'Site',
    'Set proxy mode',
    { 200: json('The settings and proofs.', proxySettingsAnswerSchema) },
    {
      body: { schema: proxySettingsSchema, contentTypes: JSON_BODY },
      description:
        'edgelift serves the store’s `hostnames` from `originUrl`, assigning and rewriting pages at the edge (no flicker). A hostname serves only once its DNS TXT record proves the claim (POST /v1/admin/site/proxy/verify). edgelift’s own hostnames are refused (`reserved_hostname`). A request that already passed through edgelift is refused with 508 `proxy_loop`.',
    },
  ),
  write('post', '/site/proxy/verify', 'Site', 'Check the hostnames’ DNS proofs now', {
    200: json('The settings and proofs.', proxySettingsAnswerSchema),
  }),
  read(
    '/site/shopify',
    'Integrations',
    'The Shopify webhook URL and whether a secret is set',
    shopifySettingsSchema,
  ),
  write(
    'put',
    '/site/shopify',
    'Integrations',
    'Set the Shopify webhook secret',
    { 200: json('The webhook URL and whether a secret is set.', shopifySettingsSchema) },
    { body: { schema: shopifySettingsBody, contentTypes: JSON_BODY } },
  ),
  read('/site/alerts', 'Integrations', 'Where alerts are posted', alertSettingsAnswerSchema),
  write(
    'put',
    '/site/alerts',
    'Integrations',
    'Set the alert webhooks',
    { 200: json('The receivers.', alertSettingsAnswerSchema) },
    {
      body: { schema: alertSettingsSchema(false), contentTypes: JSON_BODY },
      description:
        'Up to 5 https receivers (Slack, Discord or plain JSON bodies), never private addresses. edgelift posts once per change of state: a failed sample-ratio check, a treatment crossing the sequential threshold, a bandit recommending a stop, a failed training run.',
    },
  ),
  write(
    'post',
    '/recs/train',
    'Recommendations',
    'Train the recommendation model',
    {
      200: json('With `?wait=true`: the run’s outcome and the new status.', recsTrainAnswerSchema),
      202: json('Training started in the background.', recsTrainAnswerSchema),
      ...errors(409),
    },
    {
      queryParams: [
        {
          name: 'wait',
          description:
            '`true`: answer when the run is done (a failed run is a 409 with its reason).',
          schema: { type: 'string', enum: ['true'] },
        },
      ],
    },
  ),
  read(
    '/recs/status',
    'Recommendations',
    'The active model and any run under way',
    recsStatusSchema,
  ),
  read(
    '/recs/performance',
    'Recommendations',
    'Impressions, clicks and revenue per slot',
    recsPerformanceSchema,
  ),
  read(
    '/recs/rules',
    'Recommendations',
    'The merchant’s pin and boost rules',
    recsRulesAnswerSchema,
  ),
  write(
    'put',
    '/recs/rules',
    'Recommendations',
    'Replace the rules',
    { 200: json('The rules.', recsRulesAnswerSchema) },
    { body: { schema: rulesSchema, contentTypes: JSON_BODY } },
  ),
  read('/recs/preview', 'Recommendations', 'A list as a visitor would get it', recsAnswerSchema, {
    query: previewQuery,
    responses: errors(400),
  }),
  write(
    'post',
    '/import/visitor-ids',
    'Import',
    'The visitor ids of customers (as imports store them)',
    { 200: json('Each customer’s visitor id.', visitorIdsAnswerSchema) },
    { body: { schema: customerIdsSchema, contentTypes: JSON_BODY } },
  ),
  write(
    'post',
    '/import/events',
    'Import',
    'Import past events',
    { 200: json('Imported, duplicates and skipped lines.', importAnswerSchema) },
    {
      queryParams: [
        {
          name: 'format',
          description: 'Default: `online-retail` for text/csv, else `ndjson`.',
          schema: { type: 'string', enum: [...IMPORT_FORMATS] },
        },
        {
          name: 'dates',
          description: 'How the CSV writes dates (default `month-first`).',
          schema: { type: 'string', enum: [...DATE_ORDERS] },
        },
      ],
      body: {
        contentTypes: ['application/x-ndjson', 'application/json', 'text/csv', 'text/plain'],
        description:
          'NDJSON events, an Online Retail CSV or an R2 event archive, up to 10 MiB. Bad lines are skipped, listed (`skipped`, the first 1,000) and counted by reason (`skippedByReason`).',
      },
    },
  ),
  read('/health', 'Site', 'When data last arrived, and what was refused', siteHealthSchema),
  read(
    '/behaviour',
    'Intent',
    'The store’s funnel and the intent model’s recent quality',
    behaviourAnswerSchema,
    {
      queryParams: [
        {
          name: 'days',
          description: '1-90 (default 30).',
          schema: { type: 'integer', minimum: 1, maximum: 90 },
        },
      ],
      responses: errors(400),
    },
  ),
  read('/intent', 'Intent', 'The intent model', intentStatusSchema),
  write(
    'patch',
    '/intent',
    'Intent',
    'Set where the intent bands start',
    { 200: json('The intent model.', intentStatusSchema) },
    { body: { schema: patchIntentSchema, contentTypes: JSON_BODY } },
  ),
  write(
    'post',
    '/intent/train',
    'Intent',
    'Train the intent model now',
    { 200: json('The run’s outcome and the model that now scores.', intentTrainAnswerSchema) },
    {
      description:
        'What the nightly cron does for this site, now (after an import, say): refreshes the pages’ bounce, exit and value statistics, then trains boosted trees on the site’s ended sessions of the last year (of a large site, those of the visitors one pass of 200,000 events reads; at most the latest 50,000). Below 50 purchases the starter model keeps scoring, and `reason` says so. A new model restarts the online layer.',
    },
  ),
  write(
    'post',
    '/intent/learn',
    'Intent',
    'Learn from ended sessions now',
    { 200: json('The run’s outcome and the model that now scores.', intentLearnAnswerSchema) },
    {
      description:
        'What the 15-minute cron does for this site, now: scores each session of the last two days that ended over 30 minutes ago and was not learnt from (oldest first, at most 500 a call; `remaining` says how many wait), logs the score with its outcome for the Behaviour page, and takes one SGD step of the online layer on it.',
    },
  ),
  read('/keys', 'Team', 'The site’s admin keys', teamKeysSchema),
  write(
    'post',
    '/keys',
    'Team',
    'Create a named admin key',
    { 201: json('The key, its secret shown once.', createdKeySchema), ...errors(409) },
    { body: { schema: newKeySchema, contentTypes: JSON_BODY } },
  ),
  write(
    'delete',
    '/keys/{id}',
    'Team',
    'Revoke a named admin key',
    { 200: json('Revoked.', revokedKeySchema), ...errors(404, 409) },
    {
      pathParams: [
        {
          name: 'id',
          required: true,
          description: '`key_` and 16 hex digits.',
          schema: { type: 'string' },
        },
      ],
    },
  ),
  read('/audit', 'Team', 'The log of changes, newest first', auditPageSchema, {
    query: auditQuerySchema,
    responses: errors(400),
  }),
]
