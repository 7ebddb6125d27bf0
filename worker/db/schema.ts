/**
 * The one drizzle schema. Every table is keyed by site first: tenancy is in the primary key, so a
 * query that forgets the site cannot use an index and stands out in review.
 * Times are epoch milliseconds; money is integer minor units.
 */

import { sql } from 'drizzle-orm'
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  publicKey: text('public_key').notNull().unique(),
  /** SHA-256 of the secret admin key, hex. The key itself is shown once and never stored. */
  adminKeyHash: text('admin_key_hash').notNull().unique(),
  /** JSON array of allowed browser origins; empty means any origin may call public routes. */
  allowedOrigins: text('allowed_origins').notNull().default('[]'),
  /**
   * JSON array of origins besides the allowed ones that product images may come from (an image
   * CDN); checked only when allowed origins are set, like product links.
   */
  imageOrigins: text('image_origins').notNull().default('[]'),
  /** The currency revenue is reported in; an event with an amount in another is refused. */
  currency: text('currency').notNull().default('USD'),
  /** JSON array of the site's gift days as `MM-DD` for the intent feature SpecialDay; null = defaults. */
  specialDays: text('special_days'),
  /** The store's origin server, e.g. https://origin.shop.example; null = no proxying. */
  originUrl: text('origin_url'),
  /**
   * Proxy mode on a store whose visitors must consent first: the edge reads an `el_vid` the
   * widget set after consent, and never sets one itself (1) or sets it for every visitor (0).
   */
  proxyConsentRequired: integer('proxy_consent_required').notNull().default(0),
  /**
   * The site's secret key (hex, 256 bits) for the opaque ids imported customers are stored under
   * (HMAC-SHA-256); made on first use, never shown, never rotated (the ids would change).
   */
  visitorIdKey: text('visitor_id_key'),
  /** Days of raw events D1 keeps; the nightly cron archives older ones to R2 (events/event-archive.ts). */
  eventRetentionDays: integer('event_retention_days').notNull().default(90),
  /**
   * The secret Shopify signs this store's order webhooks with (integrations/shopify/). Kept
   * because verifying a signature needs the secret itself, not a hash; write-only through the
   * admin API, which never answers it.
   */
  shopifyWebhookSecret: text('shopify_webhook_secret'),
  /** JSON array of `{ url, format }` alert receivers (alerts/alert-settings.ts). */
  alerts: text('alerts').notNull().default('[]'),
  createdAt: integer('created_at').notNull(),
})

export const experiments = sqliteTable(
  'experiments',
  {
    siteId: text('site_id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** draft | running | paused | stopped */
    status: text('status').notNull(),
    /** JSON `[{ key, name?, weight, url? }]`, control first. */
    variations: text('variations').notNull(),
    coverage: real('coverage').notNull(),
    /** The merchant's seed; null means the key is the seed. */
    seed: text('seed'),
    /** Current phase; 0 until first started. */
    phase: integer('phase').notNull().default(0),
    goalEvent: text('goal_event').notNull(),
    goalName: text('goal_name'),
    /** URL targeting pattern (`*` wildcards); null targets every page. */
    urlPattern: text('url_pattern'),
    /** Split-URL tests answer a 302 to the variation's url instead of rewriting the request. */
    redirect: integer('redirect', { mode: 'boolean' }).notNull().default(false),
    /** Revenue per visitor is capped at this percentile of buyers' revenue in results; null = off. */
    winsorizeAt: real('winsorize_at'),
    /** JSON `[{ key, kind, event?, name?, role, better }]`: secondary and guardrail metrics. */
    metrics: text('metrics').notNull().default('[]'),
    /** JSON `{ intentBands?, devices?, visitors?, sources? }`; null includes every visitor. */
    audience: text('audience'),
    /** ab | bandit */
    type: text('type').notNull().default('ab'),
    /** A bandit's JSON `{ objective, exploreHours, updateHours, minWeight, stopThreshold }`. */
    bandit: text('bandit'),
    /** The variation key a "stop and roll out" showed to everyone; null otherwise. */
    winner: text('winner'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.key] }),
    index('experiments_status').on(t.siteId, t.status),
  ],
)

/** Each phase keeps the weights and seed it ran with, so results can be analysed per phase. */
export const experimentPhases = sqliteTable(
  'experiment_phases',
  {
    siteId: text('site_id').notNull(),
    experimentKey: text('experiment_key').notNull(),
    phase: integer('phase').notNull(),
    seed: text('seed').notNull(),
    /** JSON array of weights, one per variation. */
    weights: text('weights').notNull(),
    /** JSON array of variation keys, in bucketing order. */
    variationKeys: text('variation_keys').notNull(),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.experimentKey, t.phase] })],
)

/**
 * A bandit's allocation periods within a phase: from `startedAt` (until the next period's start)
 * new visitors are bucketed with `weights`; visitors exposed earlier keep their variation. Results
 * count each visitor in the period of their first exposure.
 */
export const banditPeriods = sqliteTable(
  'bandit_periods',
  {
    siteId: text('site_id').notNull(),
    experimentKey: text('experiment_key').notNull(),
    phase: integer('phase').notNull(),
    /** 0 for the equal split the phase opens with, then one per update. */
    period: integer('period').notNull(),
    startedAt: integer('started_at').notNull(),
    /** JSON array of weights, one per variation of the phase. */
    weights: text('weights').notNull(),
    /** Visitors exposed in the phase before this period started. */
    visitorsBefore: integer('visitors_before').notNull().default(0),
    /** JSON P(best) per variation computed by the update that opened the period; null for 0. */
    bestArmProbabilities: text('best_arm_probabilities'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.experimentKey, t.phase, t.period] })],
)

/** Every accepted event, once: the primary key is the idempotency key. */
export const events = sqliteTable(
  'events',
  {
    siteId: text('site_id').notNull(),
    id: text('id').notNull(),
    type: text('type').notNull(),
    visitorId: text('visitor_id').notNull(),
    /** The client's clock, as sent. */
    clientTs: integer('client_ts'),
    /** The server's clock when the event arrived. */
    receivedAt: integer('received_at').notNull(),
    /** The time analysis uses: server time for live events, the given time for imported history. */
    at: integer('at').notNull(),
    /** 1 when the client's clock was far from the server's. */
    clockSkewed: integer('clock_skewed', { mode: 'boolean' }).notNull().default(false),
    experiment: text('experiment'),
    /** For exposures: the phase and variation index the edge assigned when the event arrived. */
    phase: integer('phase'),
    variation: integer('variation'),
    itemId: text('item_id'),
    /** JSON `[{ itemId, quantity, price }]` with prices as given. */
    items: text('items'),
    revenueMinor: integer('revenue_minor'),
    currency: text('currency'),
    orderId: text('order_id'),
    name: text('name'),
    recId: text('rec_id'),
    props: text('props'),
    /** page_view: the page's path, title and kind (PAGE_KINDS). */
    path: text('path'),
    title: text('title'),
    pageKind: text('page_kind'),
    /** page_view on a session's first page: the referrer and JSON `{ source, medium, ... }`. */
    referrer: text('referrer'),
    utm: text('utm'),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.id] }),
    index('events_visitor').on(t.siteId, t.visitorId, t.type, t.at),
    index('events_type_at').on(t.siteId, t.type, t.at),
    // A Shopify order webhook finds the pixel's purchase of the same order (integrations/shopify/).
    index('events_order')
      .on(t.siteId, t.orderId)
      .where(sql`order_id IS NOT NULL`),
  ],
)

/**
 * One row per visitor, experiment and phase: the first exposure and, once a goal event follows it,
 * the conversion. Results are a GROUP BY over these rows.
 */
export const assignments = sqliteTable(
  'assignments',
  {
    siteId: text('site_id').notNull(),
    experimentKey: text('experiment_key').notNull(),
    phase: integer('phase').notNull(),
    visitorId: text('visitor_id').notNull(),
    variation: integer('variation').notNull(),
    exposedAt: integer('exposed_at').notNull(),
    convertedAt: integer('converted_at'),
    /** Goal events after the first exposure. */
    conversions: integer('conversions').notNull().default(0),
    /** Revenue after the first exposure, site currency, minor units. */
    revenueMinor: integer('revenue_minor').notNull().default(0),
    /**
     * The visitor's traits when first assigned (copied from `audience_decisions`; null for an
     * exposure no assignment decided, such as the edge proxy's): results break down by them.
     */
    intentBand: text('intent_band'),
    device: text('device'),
    returningVisitor: integer('returning_visitor', { mode: 'boolean' }),
    source: text('source'),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.experimentKey, t.phase, t.visitorId] }),
    index('assignments_visitor').on(t.siteId, t.visitorId),
    // Covers the visitors and conversions aggregate of results: read from the index alone.
    index('assignments_results').on(t.siteId, t.experimentKey, t.phase, t.variation, t.convertedAt),
    // Buyers only: revenue sums and the winsorizing percentile read a few percent of the rows.
    index('assignments_revenue')
      .on(t.siteId, t.experimentKey, t.phase, t.revenueMinor, t.variation)
      .where(sql`revenue_minor > 0`),
    // Recent traffic: new visitors of a phase per day, counted from the newest end.
    index('assignments_exposed').on(t.siteId, t.experimentKey, t.phase, t.exposedAt),
  ],
)

/**
 * Whether a visitor is in an experiment phase's audience, decided the first time `/v1/assign`
 * buckets them into it and never again (the first insert wins), with the traits it was decided
 * on. Only an included visitor's exposure makes an assignment row, so the others are not counted.
 */
export const audienceDecisions = sqliteTable(
  'audience_decisions',
  {
    siteId: text('site_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    experimentKey: text('experiment_key').notNull(),
    phase: integer('phase').notNull(),
    included: integer('included', { mode: 'boolean' }).notNull(),
    /** low | medium | high, or null when the visitor's intent could not be scored. */
    intentBand: text('intent_band'),
    /** mobile | tablet | desktop */
    device: text('device').notNull(),
    returningVisitor: integer('returning_visitor', { mode: 'boolean' }).notNull(),
    /** direct | search | social | email | paid | referral; null before a page view is stored. */
    source: text('source'),
    decidedAt: integer('decided_at').notNull(),
  },
  // Visitor first: /v1/assign reads one visitor's decisions for all experiments at once.
  (t) => [primaryKey({ columns: [t.siteId, t.visitorId, t.experimentKey, t.phase] })],
)

/**
 * Per assignment and metric of its experiment, the visitor's state after exposure, derived from
 * stored events like the assignment's conversion: only visitors who did something have a row.
 * Triggers (migration 0010; drizzle has no triggers) keep `metricTotals` in step with these rows
 * (results/metric-totals.ts explains the choice).
 */
export const assignmentMetrics = sqliteTable(
  'assignment_metrics',
  {
    siteId: text('site_id').notNull(),
    experimentKey: text('experiment_key').notNull(),
    phase: integer('phase').notNull(),
    metric: text('metric').notNull(),
    visitorId: text('visitor_id').notNull(),
    variation: integer('variation').notNull(),
    /** Events counted (conversion), revenue in minor units (revenue kinds), engaged 1/0 (bounce). */
    value: real('value').notNull(),
    /** Matching events: purchases for the revenue kinds. */
    events: integer('events').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.experimentKey, t.phase, t.metric, t.visitorId] }),
    index('assignment_metrics_visitor').on(t.siteId, t.visitorId),
  ],
)

/** Sums of `assignmentMetrics` per variation, kept by triggers: what results read for a metric. */
export const metricTotals = sqliteTable(
  'metric_totals',
  {
    siteId: text('site_id').notNull(),
    experimentKey: text('experiment_key').notNull(),
    phase: integer('phase').notNull(),
    metric: text('metric').notNull(),
    variation: integer('variation').notNull(),
    /** Visitors with a row; `engaged` of them with a value above 0. */
    rows: integer('rows').notNull().default(0),
    engaged: integer('engaged').notNull().default(0),
    value: real('value').notNull().default(0),
    valueSq: real('value_sq').notNull().default(0),
    events: integer('events').notNull().default(0),
    eventsSq: integer('events_sq').notNull().default(0),
    valueEvents: real('value_events').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.experimentKey, t.phase, t.metric, t.variation] })],
)

/** Hashes of forgotten visitor ids, so late events for them are dropped rather than stored. */
export const forgottenVisitors = sqliteTable(
  'forgotten_visitors',
  {
    siteId: text('site_id').notNull(),
    visitorHash: text('visitor_hash').notNull(),
    forgottenAt: integer('forgotten_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.visitorHash] })],
)

/** The store's products: uploaded by the admin, learned from product-page views, or imported. */
export const catalogItems = sqliteTable(
  'catalog_items',
  {
    siteId: text('site_id').notNull(),
    itemId: text('item_id').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    image: text('image'),
    priceMinor: integer('price_minor'),
    currency: text('currency'),
    category: text('category'),
    inStock: integer('in_stock', { mode: 'boolean' }).notNull().default(true),
    /** catalog | view | import: an admin upload is never overwritten by what a page claims. */
    source: text('source').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.itemId] })],
)

/** One trained recommendation model per version; the site's status row names the active one. */
export const recModels = sqliteTable(
  'rec_models',
  {
    siteId: text('site_id').notNull(),
    version: text('version').notNull(),
    trainedAt: integer('trained_at').notNull(),
    rank: integer('rank').notNull(),
    items: integer('items').notNull(),
    visitors: integer('visitors').notNull(),
    /** JSON of the training metrics. */
    metrics: text('metrics').notNull(),
    /** JSON of the fold-in target per interaction type. */
    foldInTargets: text('fold_in_targets').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.version] })],
)

/** Item factors in chunks: a few rows load a whole model, and no row nears D1's 2 MB limit. */
export const recFactorChunks = sqliteTable(
  'rec_factor_chunks',
  {
    siteId: text('site_id').notNull(),
    version: text('version').notNull(),
    chunk: integer('chunk').notNull(),
    /** JSON array of the chunk's item ids, in factor order. */
    itemIds: text('item_ids').notNull(),
    /** Float32 little-endian, items x rank, row-major. */
    factors: blob('factors', { mode: 'buffer' }).notNull(),
    /** Float32 little-endian, one score multiplier per item; null (models before 0005): all 1. */
    itemScales: blob('item_scales', { mode: 'buffer' }),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.version, t.chunk] })],
)

/** Precomputed lists: personal (per visitor), similar (per item), trending (subject ''). */
export const recLists = sqliteTable(
  'rec_lists',
  {
    siteId: text('site_id').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    version: text('version').notNull(),
    /** JSON `[[itemId, score], ...]`, best first. */
    items: text('items').notNull(),
  },
  // Keyed by version: a new model is written beside the active one and switched on at the end.
  (t) => [primaryKey({ columns: [t.siteId, t.version, t.kind, t.subject] })],
)

/**
 * Each trained visitor's factor vector, written by training: the start of their online refinement,
 * which folds in what they did since when recommendations are read (recs/serve/online-vector.ts).
 */
export const visitorVectors = sqliteTable(
  'visitor_vectors',
  {
    siteId: text('site_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    version: text('version').notNull(),
    /** JSON array of the factors (rank numbers). */
    vector: text('vector').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.visitorId] })],
)

/** Per site: the active model and whether a training run is under way. */
export const recStatus = sqliteTable('rec_status', {
  siteId: text('site_id').primaryKey(),
  activeVersion: text('active_version'),
  trainingStartedAt: integer('training_started_at'),
  lastError: text('last_error'),
  updatedAt: integer('updated_at').notNull(),
})

/**
 * Edge proxy mode: the store hostnames (host[:port]) sites claim. A claim serves only once proven
 * (`verifiedAt`, see edge/hostname-proof.ts); several sites may claim one name, so a claim by the
 * wrong site never blocks the owner, and at most one claim of a name is proven at a time.
 */
export const siteHostnames = sqliteTable(
  'site_hostnames',
  {
    hostname: text('hostname').notNull(),
    siteId: text('site_id').notNull(),
    /** When the hostname's DNS last proved this site's claim; null: not (or no longer) proven. */
    verifiedAt: integer('verified_at'),
    /** The last proof attempt, successful or not. */
    checkedAt: integer('checked_at'),
    /** Why the last attempt failed; null after a success. */
    checkError: text('check_error'),
    /** Failed attempts in a row; a proven claim stops serving at PROOF_FAILURES_ALLOWED. */
    failedChecks: integer('failed_checks').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.hostname, t.siteId] }),
    uniqueIndex('site_hostnames_proven')
      .on(t.hostname)
      .where(sql`verified_at IS NOT NULL`),
    index('site_hostnames_site').on(t.siteId),
  ],
)

/**
 * Named admin keys of a team, beside the site's own key (`sites.admin_key_hash`), which stays an
 * editor and cannot be revoked. A revoked key's row is deleted: its hash is gone at once.
 */
export const adminKeys = sqliteTable(
  'admin_keys',
  {
    siteId: text('site_id').notNull(),
    /** `key_` and 64 random bits: what the dashboard and the audit log name a key by. */
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** viewer | editor */
    role: text('role').notNull(),
    /** SHA-256 of the secret key, hex, like `sites.admin_key_hash`. */
    keyHash: text('key_hash').notNull().unique(),
    /** The id of the key that created this one. */
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.id] }),
    uniqueIndex('admin_keys_name').on(t.siteId, t.name),
  ],
)

/**
 * One row per change made through the admin API. The row is written before the change and
 * confirmed after it (`confirmed` 0 → 1), so no change exists without its row.
 * `seq` is SQLite's rowid, which orders rows and pages them; tenancy is in the index.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').notNull(),
    at: integer('at').notNull(),
    keyId: text('key_id').notNull(),
    /** The key's name when it acted: a revoked key's entries keep it. */
    keyName: text('key_name').notNull(),
    method: text('method').notNull(),
    /** The route pattern, e.g. `/v1/admin/experiments/:key`. */
    route: text('route').notNull(),
    /** The route's parameters, e.g. the experiment key; null when it has none. */
    target: text('target'),
    summary: text('summary'),
    /** 0 while the change runs (or when its outcome could not be recorded), 1 once it succeeded. */
    confirmed: integer('confirmed').notNull().default(0),
  },
  (t) => [index('audit_log_site').on(t.siteId, t.seq)],
)

/**
 * A merchant's steering of recommendations: pin, exclude or boost one item in one slot, or in
 * every slot (`slot = 'all'`). Replaced as a whole set (recs/serve/rules-store.ts), so it is never half
 * written.
 */
export const recRules = sqliteTable(
  'rec_rules',
  {
    siteId: text('site_id').notNull(),
    /** A slot (`personal`, `similar`, …) or `all`. */
    slot: text('slot').notNull(),
    itemId: text('item_id').notNull(),
    /** pin | exclude | boost */
    action: text('action').notNull(),
    /** A boost's multiplier; null for pins and exclusions. */
    factor: real('factor'),
    /** The rule's place in the merchant's list: pins are shown in this order. */
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.slot, t.itemId] })],
)

/**
 * Per site and reason, what it refused to take from browsers (an origin it does not allow, an
 * amount in another currency): one row each, so the dashboard can say that data is being lost
 * and why. `last_detail` is the latest refused origin or currency.
 */
export const siteRefusals = sqliteTable(
  'site_refusals',
  {
    siteId: text('site_id').notNull(),
    code: text('code').notNull(),
    count: integer('count').notNull().default(0),
    lastAt: integer('last_at').notNull(),
    lastDetail: text('last_detail'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.code] })],
)

/**
 * Purchase-intent models trained on a site's own sessions, one per version; the site's
 * intent_status row names the active one (none: the starter model serves). `model` is the JSON
 * document of worker/intent/model.ts, at most 256 KB.
 */
export const intentModels = sqliteTable(
  'intent_models',
  {
    siteId: text('site_id').notNull(),
    version: text('version').notNull(),
    trainedAt: integer('trained_at').notNull(),
    sessions: integer('sessions').notNull(),
    purchases: integer('purchases').notNull(),
    model: text('model').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.version] })],
)

/**
 * Per site: the active intent model, the online layer learnt since it was trained, the band
 * settings (quantiles of recent scores) and the score cuts last computed from them.
 */
export const intentStatus = sqliteTable('intent_status', {
  siteId: text('site_id').primaryKey(),
  /** The active site model's version; null while the starter model serves. */
  activeVersion: text('active_version'),
  /** JSON of the online layer (online-layer.ts) for the active model; null = the model's own. */
  onlineLayer: text('online_layer'),
  /** Sessions the online layer has learnt from; each update checks it, so two runs never race. */
  onlineUpdates: integer('online_updates').notNull().default(0),
  /** Quantile of recent scores where `medium` starts. */
  bandMedium: real('band_medium').notNull().default(0.5),
  /** Quantile of recent scores where `high` starts. */
  bandHigh: real('band_high').notNull().default(0.85),
  /** The scores at those quantiles, from the last processed sessions; null until computed. */
  cutMedium: real('cut_medium'),
  cutHigh: real('cut_high'),
  /** When the site's model was last trained (or training last decided to keep the starter). */
  trainedAt: integer('trained_at'),
  lastError: text('last_error'),
  updatedAt: integer('updated_at').notNull(),
})

/**
 * The progressive validation log: each ended session's intent score *before* the online layer
 * learnt from it, with its band, the model that scored it (`site` | `starter`) and whether it
 * bought. Its presence also marks the session as learnt from.
 */
export const intentOutcomes = sqliteTable(
  'intent_outcomes',
  {
    siteId: text('site_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    sessionStart: integer('session_start').notNull(),
    sessionEnd: integer('session_end').notNull(),
    score: real('score').notNull(),
    /** low | medium | high */
    band: text('band').notNull(),
    /** site | starter */
    model: text('model').notNull(),
    bought: integer('bought').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.visitorId, t.sessionStart] }),
    index('intent_outcomes_end').on(t.siteId, t.sessionEnd),
  ],
)

/**
 * Per site and page path, its history as Google Analytics reports it, for the intent features
 * (intent/page-stats.ts): page views, sessions that viewed it (unique views), sessions that
 * entered on it, of those the one-page sessions (bounces), views that ended their session
 * (exits), and the purchase revenue of sessions that bought after viewing it. The path `*` holds
 * the site's pages taken together, for a page with no history yet.
 */
export const pageStats = sqliteTable(
  'page_stats',
  {
    siteId: text('site_id').notNull(),
    path: text('path').notNull(),
    views: integer('views').notNull(),
    uniqueViews: integer('unique_views').notNull(),
    entrances: integer('entrances').notNull(),
    bounces: integer('bounces').notNull(),
    exits: integer('exits').notNull(),
    valueMinor: integer('value_minor').notNull(),
    refreshedAt: integer('refreshed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.path] })],
)

/**
 * Which D1 database (its binding name in wrangler.toml) holds each site's rows. Read and written on
 * the primary database (`DB`) only (db/site-databases.ts); a site without a row is on `DB`.
 */
export const siteDatabases = sqliteTable('site_databases', {
  siteId: text('site_id').primaryKey(),
  binding: text('binding').notNull(),
  placedAt: integer('placed_at').notNull(),
})

/**
 * Shopify webhook deliveries already taken, by `X-Shopify-Webhook-Id`: a delivery sent again
 * (a replayed request) is refused instead of stored twice.
 */
export const shopifyWebhooks = sqliteTable(
  'shopify_webhooks',
  {
    siteId: text('site_id').notNull(),
    webhookId: text('webhook_id').notNull(),
    topic: text('topic').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.webhookId] })],
)

/**
 * The last known state of each thing alerts watch (an experiment's sample ratio, a treatment's
 * sequential test, a bandit, training): an alert goes out only when a state changes into one
 * worth telling (alerts/alert-states.ts).
 */
export const alertStates = sqliteTable(
  'alert_states',
  {
    siteId: text('site_id').notNull(),
    /** What is watched, e.g. `srm:checkout-button:1` or `training`. */
    subject: text('subject').notNull(),
    state: text('state').notNull(),
    changedAt: integer('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.subject] })],
)

/**
 * One row per alert and receiver: written when the state changes, marked delivered once the
 * receiver answers 2xx, so a retry after a failed delivery sends only what has not arrived.
 */
export const alertDeliveries = sqliteTable(
  'alert_deliveries',
  {
    siteId: text('site_id').notNull(),
    alertId: text('alert_id').notNull(),
    url: text('url').notNull(),
    /** slack | discord | json */
    format: text('format').notNull(),
    /** JSON of the alert (alerts/alert.ts), rendered for the receiver's format when sent. */
    alert: text('alert').notNull(),
    createdAt: integer('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Set while one sender holds it, so two crons or reads never post it twice at once. */
    claimedAt: integer('claimed_at'),
    deliveredAt: integer('delivered_at'),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.alertId, t.url] }),
    index('alert_deliveries_pending')
      .on(t.siteId, t.createdAt)
      .where(sql`delivered_at IS NULL`),
  ],
)

/**
 * Where a cron job that walks many sites stopped (the last site id it looked at), so the next run
 * goes on from there and every site is reached however many there are (alerts/watch.ts).
 */
export const cronCursors = sqliteTable('cron_cursors', {
  job: text('job').primaryKey(),
  cursor: text('cursor').notNull(),
  updatedAt: integer('updated_at').notNull(),
})

/**
 * Orders the Shopify webhook stored under a stand-in visitor (the customer's opaque id, or the
 * order's), having no `el_vid` on the cart and no pixel purchase yet: the pixel's purchase of the
 * same order and total takes its place when it arrives (events/stand-in-purchases.ts).
 */
export const orderStandIns = sqliteTable(
  'order_stand_ins',
  {
    siteId: text('site_id').notNull(),
    orderId: text('order_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    revenueMinor: integer('revenue_minor').notNull(),
    currency: text('currency').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.orderId] })],
)

/**
 * What the archive took of a visitor's past (events/visitor-history.ts): when they were first
 * seen, their orders and the last one's time, folded in as their events leave D1 for R2, so
 * `VisitorType`, past purchases and days since the last one, and the `returning` audience still
 * see a visitor who comes back after the site's retention.
 */
export const visitorHistory = sqliteTable(
  'visitor_history',
  {
    siteId: text('site_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    firstAt: integer('first_at').notNull(),
    purchases: integer('purchases').notNull(),
    lastPurchaseAt: integer('last_purchase_at'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.visitorId] })],
)
