/**
 * The edgelift API's paths and shapes, generated from its OpenAPI document by openapi-typescript
 * (`npm run api:docs`); do not edit. test/unit/api-docs.test.ts fails while it is stale.
 */
export interface paths {
  '/v1/health': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Liveness */
    get: operations['getHealth']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/openapi.json': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * This document
     * @description OpenAPI 3.1, generated from the zod schemas the routes validate with. Cacheable.
     */
    get: operations['getOpenapiJson']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/docs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * This reference as a web page
     * @description Plain HTML rendered by the Worker from this document; no script, no CDN.
     */
    get: operations['getDocs']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/assign': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A visitor’s variations
     * @description The visitor’s variation in every running experiment that includes them (URL targeting, coverage and audience), and the winner of every rolled-out one (`rolledOut: true`: nothing to record). Deterministic per visitor and phase. Without `visitorId` the `el_vid` cookie is read, and a new visitor gets one (Set-Cookie). `intent` is the session’s purchase intent unless the body says `"intent": false`. An empty body (`content-length: 0`) is `{}`; `text/plain` is read as JSON so `sendBeacon`-style calls need no preflight. Body at most 16 KiB.
     */
    post: operations['postAssign']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Record events, exactly once
     * @description Up to 100 events (64 KiB). Each is validated on its own: a bad one is listed in `rejected` (by index, with a code) and the rest are stored. An event id already stored is a `duplicate`, never counted twice. A `view` may carry `product` (title, url, image, price, currency, inStock) describing its `itemId`: that fills the catalog with no setup. Purchases in another currency than the site’s are rejected (`currency_mismatch`). A known bot’s batch is acknowledged with `ignored` and not stored.
     */
    post: operations['postEvents']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/recs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A recommendation list
     * @description Slots: `personal` (the visitor’s SVD vector, folded in online), `similar` and `cart` (`item=SKU[,SKU]`), `trending`. Every slot falls back to trending items in stock, and `fallback` says why the slot’s own source did not serve (`no_model_yet`, `no_visitor`, `visitor_unknown`, `no_item`, `item_not_in_model`, `item_not_in_catalog`, `no_candidates_in_stock`). `similar`/`cart` without `item` is still answered, with an `X-Edgelift-Warning` header. Report clicks with the `recId`.
     */
    get: operations['getRecs']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/intent': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A visitor’s purchase intent (for the store’s servers)
     * @description The purchase probability of the visitor’s current session and its band (`low`, `medium`, `high`), with the model that scored it (`site` or `starter`), or `score: null` and a reason. The caller’s own user agent and location are not the visitor’s: pass the visitor’s as `userAgent` (their browser’s User-Agent header, at most 1,024 characters) and `region` (Cloudflare’s `request.cf.region` of their request, at most 128); without them those features are unknown.
     */
    get: operations['getIntent']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/visitors/{visitorId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Forget a visitor
     * @description Deletes the visitor’s events and assignments. With the public key only an edgelift-made random id (32 lower-case hex digits) can be forgotten (only its browser knows it); a merchant’s own user ids need the admin key (`admin_key_required`, 403).
     */
    delete: operations['deleteVisitorsVisitorId']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks/shopify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Shopify order webhooks
     * @description Verifies `X-Shopify-Hmac-Sha256` against the site’s webhook secret (PUT /v1/admin/site/shopify); needs `X-Shopify-Webhook-Id` and `X-Shopify-Topic`. A wrong, missing or replayed signature is a 401 and stores nothing. `orders/create` becomes one purchase, deduplicated with the pixel’s purchase of the same order; other topics are acknowledged and ignored. No origin check or public rate limit: server to server.
     */
    post: operations['postWebhooksShopify']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The site’s experiments, with their phases */
    get: operations['getAdminExperiments']
    put?: never
    /**
     * Create an experiment (a draft)
     * @description An A/B test (`type: "ab"`, fixed weights) or a bandit (`type: "bandit"`, Thompson sampling reweighed every `updateHours` by the cron). `audience` limits who is included (intent bands, devices, new/returning, traffic sources), decided when `POST /v1/assign` first buckets the visitor, and kept. `metrics`: up to 10 secondary and guardrail metrics.
     */
    post: operations['postAdminExperiments']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One experiment */
    get: operations['getAdminExperimentsKey']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change an experiment
     * @description Changing the weights or variations of a running experiment opens a new phase (results are per phase). A new goal or new metrics recompute them.
     */
    patch: operations['patchAdminExperimentsKey']
    trace?: never
  }
  '/v1/admin/experiments/{key}/start': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Start an experiment
     * @description draft or paused → running (opens phase 1 on the first start).
     */
    post: operations['postAdminExperimentsKeyStart']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/pause': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Pause an experiment
     * @description running → paused: visitors keep seeing nothing new; exposures stop.
     */
    post: operations['postAdminExperimentsKeyPause']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/stop': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Stop an experiment
     * @description running or paused → stopped, for good.
     */
    post: operations['postAdminExperimentsKeyStop']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/reweigh': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Reweigh a bandit now */
    post: operations['postAdminExperimentsKeyReweigh']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/rollout': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Stop and roll out a variation to everyone */
    post: operations['postAdminExperimentsKeyRollout']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/results': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * An experiment’s results
     * @description Sample-ratio check (`srm`), the test of independence, each variation against the control (Holm-adjusted, sequential), revenue, power, the secondary and guardrail `metrics`, the plan’s `duration`, `bandit` for a bandit and `breakdown` when asked. Reading results may send alerts (PUT /v1/admin/site/alerts).
     */
    get: operations['getAdminExperimentsKeyResults']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/timeseries': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Visitors and conversions per day */
    get: operations['getAdminExperimentsKeyTimeseries']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/results.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Results as CSV
     * @description One row per variation of the goal and of each metric and, with `breakdown`, per variation of each breakdown cell (`segment` such as `intent=high`, with the cell’s own interval, lift and unadjusted `p_value`) and, for a bandit, per variation of its period-weighted goal (`goal_period_weighted`, with `probability_of_being_best`); cells that begin with `=`, `+`, `-` or `@` are escaped so a spreadsheet never runs them.
     */
    get: operations['getAdminExperimentsKeyResultsCsv']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/experiments/{key}/visitors.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Exposed visitors as CSV
     * @description visitor, variation, first exposure, converted, revenue: streamed, memory flat for any number of visitors.
     */
    get: operations['getAdminExperimentsKeyVisitorsCsv']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/sample-size': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Visitors needed to detect a lift */
    get: operations['getAdminSampleSize']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/catalog': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The catalog’s size */
    get: operations['getAdminCatalog']
    /** Upload catalog items, or a Google Merchant feed */
    put: operations['putAdminCatalog']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/catalog/items': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Search the catalog */
    get: operations['getAdminCatalogItems']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/site': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The site’s settings */
    get: operations['getAdminSite']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change the site’s settings
     * @description `name`, `allowedOrigins` (the pages that may call the public API), `imageOrigins` (an image CDN for recommendation images), `eventRetentionDays` (raw events kept in D1 before the nightly archive moves them to R2).
     */
    patch: operations['patchAdminSite']
    trace?: never
  }
  '/v1/admin/site/rotate-key': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Rotate the admin key in use
     * @description Replaces the key that authenticated this request (the site key or a named team key); the old one stops working at once. Two concurrent rotations cannot both succeed (`key_rotated`, 409).
     */
    post: operations['postAdminSiteRotateKey']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/site/proxy': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Proxy-mode settings and hostname proofs */
    get: operations['getAdminSiteProxy']
    /**
     * Set proxy mode
     * @description edgelift serves the store’s `hostnames` from `originUrl`, assigning and rewriting pages at the edge (no flicker). A hostname serves only once its DNS TXT record proves the claim (POST /v1/admin/site/proxy/verify). edgelift’s own hostnames are refused (`reserved_hostname`). A request that already passed through edgelift is refused with 508 `proxy_loop`.
     */
    put: operations['putAdminSiteProxy']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/site/proxy/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Check the hostnames’ DNS proofs now */
    post: operations['postAdminSiteProxyVerify']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/site/shopify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The Shopify webhook URL and whether a secret is set */
    get: operations['getAdminSiteShopify']
    /** Set the Shopify webhook secret */
    put: operations['putAdminSiteShopify']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/site/alerts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Where alerts are posted */
    get: operations['getAdminSiteAlerts']
    /**
     * Set the alert webhooks
     * @description Up to 5 https receivers (Slack, Discord or plain JSON bodies), never private addresses. edgelift posts once per change of state: a failed sample-ratio check, a treatment crossing the sequential threshold, a bandit recommending a stop, a failed training run.
     */
    put: operations['putAdminSiteAlerts']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/recs/train': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Train the recommendation model */
    post: operations['postAdminRecsTrain']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/recs/status': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The active model and any run under way */
    get: operations['getAdminRecsStatus']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/recs/performance': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Impressions, clicks and revenue per slot */
    get: operations['getAdminRecsPerformance']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/recs/rules': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The merchant’s pin and boost rules */
    get: operations['getAdminRecsRules']
    /** Replace the rules */
    put: operations['putAdminRecsRules']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/recs/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A list as a visitor would get it */
    get: operations['getAdminRecsPreview']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/import/visitor-ids': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The visitor ids of customers (as imports store them) */
    post: operations['postAdminImportVisitorIds']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/import/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Import past events */
    post: operations['postAdminImportEvents']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/health': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** When data last arrived, and what was refused */
    get: operations['getAdminHealth']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/behaviour': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The store’s funnel and the intent model’s recent quality */
    get: operations['getAdminBehaviour']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/intent': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The intent model */
    get: operations['getAdminIntent']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Set where the intent bands start */
    patch: operations['patchAdminIntent']
    trace?: never
  }
  '/v1/admin/intent/train': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Train the intent model now
     * @description What the nightly cron does for this site, now (after an import, say): refreshes the pages’ bounce, exit and value statistics, then trains boosted trees on the site’s ended sessions of the last year (of a large site, those of the visitors one pass of 200,000 events reads; at most the latest 50,000). Below 50 purchases the starter model keeps scoring, and `reason` says so. A new model restarts the online layer.
     */
    post: operations['postAdminIntentTrain']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/intent/learn': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Learn from ended sessions now
     * @description What the 15-minute cron does for this site, now: scores each session of the last two days that ended over 30 minutes ago and was not learnt from (oldest first, at most 500 a call; `remaining` says how many wait), logs the score with its outcome for the Behaviour page, and takes one SGD step of the online layer on it.
     */
    post: operations['postAdminIntentLearn']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/keys': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The site’s admin keys */
    get: operations['getAdminKeys']
    put?: never
    /** Create a named admin key */
    post: operations['postAdminKeys']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/keys/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Revoke a named admin key */
    delete: operations['deleteAdminKeysId']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/admin/audit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The log of changes, newest first */
    get: operations['getAdminAudit']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: never
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export interface operations {
  getHealth: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The Worker answers. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @constant */
            ok: true
          }
        }
      }
    }
  }
  getOpenapiJson: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The OpenAPI document. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            openapi: string
          } & {
            [key: string]: unknown
          }
        }
      }
    }
  }
  getDocs: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The reference. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/html': string
        }
      }
    }
  }
  postAssign: {
    parameters: {
      query: {
        /** @description The site public key, `pk_...`. */
        site: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          visitorId?: string
          experiments?: string[]
          url?: string
          attributes?: unknown
          intent?: boolean
        }
        'text/plain': {
          visitorId?: string
          experiments?: string[]
          url?: string
          attributes?: unknown
          intent?: boolean
        }
      }
    }
    responses: {
      /** @description The assignments, keyed by experiment. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            visitorId: string
            assignments: {
              [key: string]: {
                variation: string
                index: number
                phase: number
                /** @constant */
                rolledOut?: true
              }
            }
            intent?:
              | {
                  score: number
                  /** @enum {string} */
                  band: 'low' | 'medium' | 'high'
                  /** @enum {string} */
                  model: 'site' | 'starter'
                }
              | {
                  score: null
                  band: null
                  reason: string
                }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postEvents: {
    parameters: {
      query: {
        /** @description The site public key, `pk_...`. */
        site: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          events: {
            id: string
            /** @enum {string} */
            type:
              'exposure' | 'view' | 'click' | 'add_to_cart' | 'purchase' | 'custom' | 'page_view'
            visitorId: string
            ts?: number
            experiment?: string
            itemId?: string
            items?: {
              itemId: string
              quantity: number
              price: number
            }[]
            revenue?: number
            currency?: string
            orderId?: string
            name?: string
            recId?: string
            props?: unknown
            product?: {
              title: string
              url: string
              image?: string
              price?: number
              currency?: string
              inStock?: boolean
            }
            /** Format: starts_with */
            path?: string
            title?: string
            /** @enum {string} */
            pageKind?: 'product' | 'category' | 'cart' | 'checkout' | 'account' | 'content' | 'home'
            referrer?: string
            utm?: {
              source?: string
              medium?: string
              campaign?: string
              term?: string
              content?: string
            }
          }[]
        }
        'text/plain': {
          events: {
            id: string
            /** @enum {string} */
            type:
              'exposure' | 'view' | 'click' | 'add_to_cart' | 'purchase' | 'custom' | 'page_view'
            visitorId: string
            ts?: number
            experiment?: string
            itemId?: string
            items?: {
              itemId: string
              quantity: number
              price: number
            }[]
            revenue?: number
            currency?: string
            orderId?: string
            name?: string
            recId?: string
            props?: unknown
            product?: {
              title: string
              url: string
              image?: string
              price?: number
              currency?: string
              inStock?: boolean
            }
            /** Format: starts_with */
            path?: string
            title?: string
            /** @enum {string} */
            pageKind?: 'product' | 'category' | 'cart' | 'checkout' | 'account' | 'content' | 'home'
            referrer?: string
            utm?: {
              source?: string
              medium?: string
              campaign?: string
              term?: string
              content?: string
            }
          }[]
        }
      }
    }
    responses: {
      /** @description Accepted, duplicates and rejected events. */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            accepted: number
            duplicates: number
            rejected: {
              index: number
              code: string
              message: string
            }[]
            ignored?: number
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getRecs: {
    parameters: {
      query: {
        site?: string
        slot: 'personal' | 'similar' | 'trending' | 'cart'
        visitorId?: string
        item?: string
        exclude?: string
        n?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The list. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            recId: string
            /** @enum {string} */
            slot: 'personal' | 'similar' | 'trending' | 'cart'
            source: string
            modelVersion: string | null
            items: {
              itemId: string
              title: string
              url: string | null
              image: string | null
              price: number | null
              currency: string | null
              score: number
              /** @enum {string} */
              rule?: 'pin' | 'boost'
            }[]
            /** @description Why the slot’s own source did not serve. */
            fallback?: string
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getIntent: {
    parameters: {
      query: {
        site?: string
        visitorId: string
        userAgent?: string
        region?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The intent. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            visitorId: string
            intent:
              | {
                  score: number
                  /** @enum {string} */
                  band: 'low' | 'medium' | 'high'
                  /** @enum {string} */
                  model: 'site' | 'starter'
                }
              | {
                  score: null
                  band: null
                  reason: string
                }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  deleteVisitorsVisitorId: {
    parameters: {
      query?: {
        /** @description With the public key. */
        site?: string
      }
      header?: never
      path: {
        /** @description 1-128 printable ASCII characters. */
        visitorId: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description What was deleted. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            visitorId: string
            deleted: {
              events: number
              assignments: number
            }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postWebhooksShopify: {
    parameters: {
      query: {
        /** @description The site public key, `pk_...`. */
        site: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    /** @description Shopify’s order (for `orders/create`; other topics are not read). */
    requestBody: {
      content: {
        'application/json': {
          id: number | string
          currency: string
          total_price: string | number
          /** @default [] */
          note_attributes?: {
            name: string
            value: unknown
          }[]
          line_items?: {
            product_id?: (number | string) | null
            quantity: number
            price: string | number
          }[]
          customer?: {
            id: number | string
          } | null
        }
      }
    }
    responses: {
      /** @description The purchase as stored, or the ignored topic. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json':
            | {
                accepted: number
                duplicates: number
                rejected: {
                  index: number
                  code: string
                  message: string
                }[]
                ignored?: number
              }
            | {
                /** @description The topic, acknowledged and not stored. */
                ignored: string
              }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminExperiments: {
    parameters: {
      query?: {
        /** @description Only experiments in this status. */
        status?: 'draft' | 'running' | 'paused' | 'stopped'
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The site’s experiments, with their phases */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            experiments: ({
              key: string
              name: string
              /** @enum {string} */
              status: 'draft' | 'running' | 'paused' | 'stopped'
              phase: number
              variations: {
                key: string
                name?: string
                weight: number
                url?: string
              }[]
              coverage: number
              seed: string | null
              goal: {
                event: string
                name?: string
              }
              url: string | null
              redirect: boolean
              winsorize: number | null
              metrics: ({
                key: string
                kind: string
                role: string
              } & {
                [key: string]: unknown
              })[]
              audience: {
                [key: string]: unknown
              } | null
              /** @enum {string} */
              type: 'ab' | 'bandit'
              bandit: {
                [key: string]: unknown
              } | null
              winner: string | null
              /** @description Milliseconds since the Unix epoch. */
              createdAt: number
              /** @description Milliseconds since the Unix epoch. */
              updatedAt: number
              phases: {
                phase: number
                seed: string
                weights: number[]
                variationKeys: string[]
                /** @description Milliseconds since the Unix epoch. */
                startedAt: number
                endedAt: number | null
              }[]
              newPhase?: boolean
            } & {
              [key: string]: unknown
            })[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminExperiments: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          key: string
          name?: string
          variations: {
            key: string
            name?: string
            weight: number
            url?: string
          }[]
          /** @default 1 */
          coverage?: number
          seed?: string | null
          /**
           * @default {
           *       "event": "purchase"
           *     }
           */
          goal?: {
            /** @enum {string} */
            event: 'purchase' | 'add_to_cart' | 'click' | 'custom'
            name?: string
          }
          url?: string | null
          /** @default false */
          redirect?: boolean
          /** @default null */
          winsorize?: number | null
          metrics?: {
            key: string
            /** @enum {string} */
            kind: 'conversion' | 'revenue_per_visitor' | 'average_order_value' | 'bounce'
            /** @enum {string} */
            event?: 'view' | 'click' | 'add_to_cart' | 'purchase' | 'custom'
            name?: string
            /**
             * @default secondary
             * @enum {string}
             */
            role?: 'secondary' | 'guardrail'
            /** @enum {string} */
            better?: 'higher' | 'lower'
          }[]
          audience?: {
            intentBands?: ('low' | 'medium' | 'high')[]
            devices?: ('mobile' | 'tablet' | 'desktop')[]
            /** @enum {string} */
            visitors?: 'new' | 'returning'
            sources?: ('direct' | 'search' | 'social' | 'email' | 'paid' | 'referral')[]
          } | null
          /**
           * @default ab
           * @enum {string}
           */
          type?: 'ab' | 'bandit'
          bandit?: {
            /**
             * @default maximize
             * @enum {string}
             */
            objective?: 'maximize' | 'identify'
            /** @default 24 */
            exploreHours?: number
            /** @default 1 */
            updateHours?: number
            /** @default 0.01 */
            minWeight?: number
            /** @default 0.95 */
            stopThreshold?: number
          }
        }
      }
    }
    responses: {
      /** @description The new experiment. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @enum {string} */
            status: 'draft' | 'running' | 'paused' | 'stopped'
            phase: number
            variations: {
              key: string
              name?: string
              weight: number
              url?: string
            }[]
            coverage: number
            seed: string | null
            goal: {
              event: string
              name?: string
            }
            url: string | null
            redirect: boolean
            winsorize: number | null
            metrics: ({
              key: string
              kind: string
              role: string
            } & {
              [key: string]: unknown
            })[]
            audience: {
              [key: string]: unknown
            } | null
            /** @enum {string} */
            type: 'ab' | 'bandit'
            bandit: {
              [key: string]: unknown
            } | null
            winner: string | null
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            /** @description Milliseconds since the Unix epoch. */
            updatedAt: number
            phases: {
              phase: number
              seed: string
              weights: number[]
              variationKeys: string[]
              /** @description Milliseconds since the Unix epoch. */
              startedAt: number
              endedAt: number | null
            }[]
            newPhase?: boolean
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminExperimentsKey: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description One experiment */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @enum {string} */
            status: 'draft' | 'running' | 'paused' | 'stopped'
            phase: number
            variations: {
              key: string
              name?: string
              weight: number
              url?: string
            }[]
            coverage: number
            seed: string | null
            goal: {
              event: string
              name?: string
            }
            url: string | null
            redirect: boolean
            winsorize: number | null
            metrics: ({
              key: string
              kind: string
              role: string
            } & {
              [key: string]: unknown
            })[]
            audience: {
              [key: string]: unknown
            } | null
            /** @enum {string} */
            type: 'ab' | 'bandit'
            bandit: {
              [key: string]: unknown
            } | null
            winner: string | null
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            /** @description Milliseconds since the Unix epoch. */
            updatedAt: number
            phases: {
              phase: number
              seed: string
              weights: number[]
              variationKeys: string[]
              /** @description Milliseconds since the Unix epoch. */
              startedAt: number
              endedAt: number | null
            }[]
            newPhase?: boolean
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  patchAdminExperimentsKey: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string
          variations?: {
            key: string
            name?: string
            weight: number
            url?: string
          }[]
          coverage?: number
          seed?: string | null
          goal?: {
            /** @enum {string} */
            event: 'purchase' | 'add_to_cart' | 'click' | 'custom'
            name?: string
          }
          url?: string | null
          redirect?: boolean
          winsorize?: number | null
          metrics?: {
            key: string
            /** @enum {string} */
            kind: 'conversion' | 'revenue_per_visitor' | 'average_order_value' | 'bounce'
            /** @enum {string} */
            event?: 'view' | 'click' | 'add_to_cart' | 'purchase' | 'custom'
            name?: string
            /**
             * @default secondary
             * @enum {string}
             */
            role?: 'secondary' | 'guardrail'
            /** @enum {string} */
            better?: 'higher' | 'lower'
          }[]
          audience?: {
            intentBands?: ('low' | 'medium' | 'high')[]
            devices?: ('mobile' | 'tablet' | 'desktop')[]
            /** @enum {string} */
            visitors?: 'new' | 'returning'
            sources?: ('direct' | 'search' | 'social' | 'email' | 'paid' | 'referral')[]
          } | null
          bandit?: {
            /**
             * @default maximize
             * @enum {string}
             */
            objective?: 'maximize' | 'identify'
            /** @default 24 */
            exploreHours?: number
            /** @default 1 */
            updateHours?: number
            /** @default 0.01 */
            minWeight?: number
            /** @default 0.95 */
            stopThreshold?: number
          }
        }
      }
    }
    responses: {
      /** @description The experiment; `newPhase` when the change opened one. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @enum {string} */
            status: 'draft' | 'running' | 'paused' | 'stopped'
            phase: number
            variations: {
              key: string
              name?: string
              weight: number
              url?: string
            }[]
            coverage: number
            seed: string | null
            goal: {
              event: string
              name?: string
            }
            url: string | null
            redirect: boolean
            winsorize: number | null
            metrics: ({
              key: string
              kind: string
              role: string
            } & {
              [key: string]: unknown
            })[]
            audience: {
              [key: string]: unknown
            } | null
            /** @enum {string} */
            type: 'ab' | 'bandit'
            bandit: {
              [key: string]: unknown
            } | null
            winner: string | null
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            /** @description Milliseconds since the Unix epoch. */
            updatedAt: number
            phases: {
              phase: number
              seed: string
              weights: number[]
              variationKeys: string[]
              /** @description Milliseconds since the Unix epoch. */
              startedAt: number
              endedAt: number | null
            }[]
            newPhase?: boolean
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminExperimentsKeyStart: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The experiment. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @enum {string} */
            status: 'draft' | 'running' | 'paused' | 'stopped'
            phase: number
            variations: {
              key: string
              name?: string
              weight: number
              url?: string
            }[]
            coverage: number
            seed: string | null
            goal: {
              event: string
              name?: string
            }
            url: string | null
            redirect: boolean
            winsorize: number | null
            metrics: ({
              key: string
              kind: string
              role: string
            } & {
              [key: string]: unknown
            })[]
            audience: {
              [key: string]: unknown
            } | null
            /** @enum {string} */
            type: 'ab' | 'bandit'
            bandit: {
              [key: string]: unknown
            } | null
            winner: string | null
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            /** @description Milliseconds since the Unix epoch. */
            updatedAt: number
            phases: {
              phase: number
              seed: string
              weights: number[]
              variationKeys: string[]
              /** @description Milliseconds since the Unix epoch. */
              startedAt: number
              endedAt: number | null
            }[]
            newPhase?: boolean
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminExperimentsKeyPause: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The experiment. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @enum {string} */
            status: 'draft' | 'running' | 'paused' | 'stopped'
            phase: number
            variations: {
              key: string
              name?: string
              weight: number
              url?: string
            }[]
            coverage: number
            seed: string | null
            goal: {
              event: string
              name?: string
            }
            url: string | null
            redirect: boolean
            winsorize: number | null
            metrics: ({
              key: string
              kind: string
              role: string
            } & {
              [key: string]: unknown
            })[]
            audience: {
              [key: string]: unknown
            } | null
            /** @enum {string} */
            type: 'ab' | 'bandit'
            bandit: {
              [key: string]: unknown
            } | null
            winner: string | null
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            /** @description Milliseconds since the Unix epoch. */
            updatedAt: number
            phases: {
              phase: number
              seed: string
              weights: number[]
              variationKeys: string[]
              /** @description Milliseconds since the Unix epoch. */
              startedAt: number
              endedAt: number | null
            }[]
            newPhase?: boolean
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminExperimentsKeyStop: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The experiment. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @enum {string} */
            status: 'draft' | 'running' | 'paused' | 'stopped'
            phase: number
            variations: {
              key: string
              name?: string
              weight: number
              url?: string
            }[]
            coverage: number
            seed: string | null
            goal: {
              event: string
              name?: string
            }
            url: string | null
            redirect: boolean
            winsorize: number | null
            metrics: ({
              key: string
              kind: string
              role: string
            } & {
              [key: string]: unknown
            })[]
            audience: {
              [key: string]: unknown
            } | null
            /** @enum {string} */
            type: 'ab' | 'bandit'
            bandit: {
              [key: string]: unknown
            } | null
            winner: string | null
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            /** @description Milliseconds since the Unix epoch. */
            updatedAt: number
            phases: {
              phase: number
              seed: string
              weights: number[]
              variationKeys: string[]
              /** @description Milliseconds since the Unix epoch. */
              startedAt: number
              endedAt: number | null
            }[]
            newPhase?: boolean
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminExperimentsKeyReweigh: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The new weights, or why they did not move. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            updated: boolean
            /** @enum {string} */
            reason?: 'exploring' | 'not_enough_visitors'
            weights: number[]
            bestArmProbabilities: number[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminExperimentsKeyRollout: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          variation: string
        }
      }
    }
    responses: {
      /** @description The stopped experiment with its `winner`. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @enum {string} */
            status: 'draft' | 'running' | 'paused' | 'stopped'
            phase: number
            variations: {
              key: string
              name?: string
              weight: number
              url?: string
            }[]
            coverage: number
            seed: string | null
            goal: {
              event: string
              name?: string
            }
            url: string | null
            redirect: boolean
            winsorize: number | null
            metrics: ({
              key: string
              kind: string
              role: string
            } & {
              [key: string]: unknown
            })[]
            audience: {
              [key: string]: unknown
            } | null
            /** @enum {string} */
            type: 'ab' | 'bandit'
            bandit: {
              [key: string]: unknown
            } | null
            winner: string | null
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            /** @description Milliseconds since the Unix epoch. */
            updatedAt: number
            phases: {
              phase: number
              seed: string
              weights: number[]
              variationKeys: string[]
              /** @description Milliseconds since the Unix epoch. */
              startedAt: number
              endedAt: number | null
            }[]
            newPhase?: boolean
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminExperimentsKeyResults: {
    parameters: {
      query?: {
        /** @description A phase number; the current phase when absent. */
        phase?: number
        /** @description Split the results by a visitor trait. */
        breakdown?: 'intent' | 'device'
      }
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description An experiment’s results */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            experiment: string
            phase: number
            status: string
            srm: {
              [key: string]: unknown
            }
            test: {
              [key: string]: unknown
            }
            variations: ({
              key: string
              visitors: number
            } & {
              [key: string]: unknown
            })[]
            power: {
              [key: string]: unknown
            }
            settings: {
              [key: string]: unknown
            }
            phases: number[]
            metrics: ({
              key: string
            } & {
              [key: string]: unknown
            })[]
            duration: {
              visitorsPerDay: number | null
              windowDays: number
            } & {
              [key: string]: unknown
            }
            bandit?: {
              weights: number[]
            } & {
              [key: string]: unknown
            }
            breakdown?: {
              [key: string]: unknown
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminExperimentsKeyTimeseries: {
    parameters: {
      query?: {
        /** @description A phase number; the current phase when absent. */
        phase?: number
      }
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Visitors and conversions per day */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            experiment: string
            phase: number
            days: {
              date: string
              variations: {
                key: string
                visitors: number
                conversions: number
                revenue: number
                cumulativeVisitors: number
                cumulativeConversions: number
                cumulativeRate: number | null
              }[]
            }[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminExperimentsKeyResultsCsv: {
    parameters: {
      query?: {
        /** @description A phase number; the current phase when absent. */
        phase?: number
        /** @description Split the results by a visitor trait. */
        breakdown?: 'intent' | 'device'
      }
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The CSV. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': string
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminExperimentsKeyVisitorsCsv: {
    parameters: {
      query?: {
        /** @description A phase number; the current phase when absent. */
        phase?: number
      }
      header?: never
      path: {
        /** @description The experiment key: 1-64 characters of A-Z a-z 0-9 _ . : -. */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The CSV. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': string
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminSampleSize: {
    parameters: {
      query: {
        /** @description The control conversion rate, e.g. 0.05. */
        baseline: number
        /** @description The relative lift to detect, e.g. 0.1 for +10%. */
        mde: number
        /** @description Significance level (default 0.05). */
        alpha?: number
        /** @description Power (default 0.8). */
        power?: number
        /** @description Variations including the control (default 2). */
        variations?: number
        /** @description An experiment whose recent traffic gives `duration` in days. */
        experiment?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Visitors needed to detect a lift */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            baselineRate: number
            minimumDetectableEffect: number
            alpha: number
            power: number
            variations: number
            visitorsPerVariation: number
            totalVisitors: number
            experiment?: string
            duration?: {
              visitorsPerDay: number | null
              windowDays: number
            } & {
              [key: string]: unknown
            }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminCatalog: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The catalog’s size */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            catalog: {
              items: number
              inStock: number
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  putAdminCatalog: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** @description JSON `{ items }` (up to 1,000, 2 MiB), or a Google Merchant Center feed as TSV or RSS/XML (id, title, link, image_link, price, availability, item_group_id; up to 10,000 rows, 8 MiB) whose invalid rows are skipped and reported. */
    requestBody: {
      content: {
        'application/json': {
          items: {
            itemId: string
            title: string
            url: string
            image?: string
            price?: number
            currency?: string
            category?: string
            /** @default true */
            inStock?: boolean
          }[]
        }
        'text/tab-separated-values': {
          items: {
            itemId: string
            title: string
            url: string
            image?: string
            price?: number
            currency?: string
            category?: string
            /** @default true */
            inStock?: boolean
          }[]
        }
        'application/rss+xml': {
          items: {
            itemId: string
            title: string
            url: string
            image?: string
            price?: number
            currency?: string
            category?: string
            /** @default true */
            inStock?: boolean
          }[]
        }
        'application/xml': {
          items: {
            itemId: string
            title: string
            url: string
            image?: string
            price?: number
            currency?: string
            category?: string
            /** @default true */
            inStock?: boolean
          }[]
        }
        'text/xml': {
          items: {
            itemId: string
            title: string
            url: string
            image?: string
            price?: number
            currency?: string
            category?: string
            /** @default true */
            inStock?: boolean
          }[]
        }
      }
    }
    responses: {
      /** @description Items upserted, feed rows skipped, and the catalog’s size. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            upserted: number
            skippedCount?: number
            skipped?: {
              [key: string]: unknown
            }[]
            catalog: {
              items: number
              inStock: number
            }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminCatalogItems: {
    parameters: {
      query?: {
        q?: string
        limit?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Search the catalog */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: {
              itemId: string
              title: string
              url: string | null
              image: string | null
              price: number | null
              currency: string | null
              inStock: boolean
            }[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminSite: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The site’s settings */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            siteId: string
            name: string
            publicKey: string
            allowedOrigins: string[]
            imageOrigins: string[]
            ownOrigins: string[]
            currency: string
            eventRetentionDays: number
            specialDays: string[] | null
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  patchAdminSite: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string
          allowedOrigins?: string[]
          imageOrigins?: string[]
          eventRetentionDays?: number
          specialDays?: string[] | null
        }
      }
    }
    responses: {
      /** @description The settings. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            siteId: string
            name: string
            publicKey: string
            allowedOrigins: string[]
            imageOrigins: string[]
            ownOrigins: string[]
            currency: string
            eventRetentionDays: number
            specialDays: string[] | null
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminSiteRotateKey: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The new key, shown once. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            adminKey: string
            message: string
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminSiteProxy: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Proxy-mode settings and hostname proofs */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            originUrl: string | null
            hostnames: string[]
            consentRequired: boolean
            verification: {
              hostname: string
              record: {
                name: string
                value: string
              }
              verified: boolean
              verifiedAt: number | null
              checkedAt: number | null
              error: string | null
            }[]
            dashboardHostnames: string[]
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  putAdminSiteProxy: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          originUrl: string | null
          hostnames: string[]
          /** @default false */
          consentRequired?: boolean
        }
      }
    }
    responses: {
      /** @description The settings and proofs. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            originUrl: string | null
            hostnames: string[]
            consentRequired: boolean
            verification: {
              hostname: string
              record: {
                name: string
                value: string
              }
              verified: boolean
              verifiedAt: number | null
              checkedAt: number | null
              error: string | null
            }[]
            dashboardHostnames: string[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminSiteProxyVerify: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The settings and proofs. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            originUrl: string | null
            hostnames: string[]
            consentRequired: boolean
            verification: {
              hostname: string
              record: {
                name: string
                value: string
              }
              verified: boolean
              verifiedAt: number | null
              checkedAt: number | null
              error: string | null
            }[]
            dashboardHostnames: string[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminSiteShopify: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The Shopify webhook URL and whether a secret is set */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            webhookUrl: string
            webhookSecretSet: boolean
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  putAdminSiteShopify: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          webhookSecret: string | null
        }
      }
    }
    responses: {
      /** @description The webhook URL and whether a secret is set. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            webhookUrl: string
            webhookSecretSet: boolean
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminSiteAlerts: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Where alerts are posted */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            alerts: {
              url: string
              /** @enum {string} */
              format: 'json' | 'slack' | 'discord'
            }[]
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  putAdminSiteAlerts: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          alerts: {
            url: string
            /**
             * @default json
             * @enum {string}
             */
            format?: 'slack' | 'discord' | 'json'
          }[]
        }
      }
    }
    responses: {
      /** @description The receivers. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            alerts: {
              url: string
              /** @enum {string} */
              format: 'json' | 'slack' | 'discord'
            }[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminRecsTrain: {
    parameters: {
      query?: {
        /** @description `true`: answer when the run is done (a failed run is a 409 with its reason). */
        wait?: 'true'
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description With `?wait=true`: the run’s outcome and the new status. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json':
            | {
                /** @constant */
                training: true
                message: string
              }
            | ({
                status: {
                  modelVersion: string | null
                  trainedAt: number | null
                  training: boolean
                  trainingStartedAt: number | null
                  items: number
                  visitors: number
                  metrics: {
                    [key: string]: number
                  } | null
                  lastError: string | null
                }
              } & {
                [key: string]: unknown
              })
        }
      }
      /** @description Training started in the background. */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json':
            | {
                /** @constant */
                training: true
                message: string
              }
            | ({
                status: {
                  modelVersion: string | null
                  trainedAt: number | null
                  training: boolean
                  trainingStartedAt: number | null
                  items: number
                  visitors: number
                  metrics: {
                    [key: string]: number
                  } | null
                  lastError: string | null
                }
              } & {
                [key: string]: unknown
              })
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminRecsStatus: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The active model and any run under way */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            modelVersion: string | null
            trainedAt: number | null
            training: boolean
            trainingStartedAt: number | null
            items: number
            visitors: number
            metrics: {
              [key: string]: number
            } | null
            lastError: string | null
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminRecsPerformance: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Impressions, clicks and revenue per slot */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            windowMinutes: number
            periodDays: number
            catalog: {
              items: number
              inStock: number
            }
            coverage: number | null
            slots: {
              slot: string
              impressions: number
              clicks: number
              ctr: number | null
              addToCarts: number
              revenue: number
            }[]
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminRecsRules: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The merchant’s pin and boost rules */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            rules: ({
              slot: string
              itemId: string
              item:
                | ({
                    itemId: string
                  } & {
                    [key: string]: unknown
                  })
                | null
            } & {
              [key: string]: unknown
            })[]
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  putAdminRecsRules: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          rules: (
            | {
                /** @enum {string} */
                slot: 'all' | 'personal' | 'similar' | 'trending' | 'cart'
                itemId: string
                /** @constant */
                action: 'pin'
              }
            | {
                /** @enum {string} */
                slot: 'all' | 'personal' | 'similar' | 'trending' | 'cart'
                itemId: string
                /** @constant */
                action: 'exclude'
              }
            | {
                /** @enum {string} */
                slot: 'all' | 'personal' | 'similar' | 'trending' | 'cart'
                itemId: string
                /** @constant */
                action: 'boost'
                factor: number
              }
          )[]
        }
      }
    }
    responses: {
      /** @description The rules. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            rules: ({
              slot: string
              itemId: string
              item:
                | ({
                    itemId: string
                  } & {
                    [key: string]: unknown
                  })
                | null
            } & {
              [key: string]: unknown
            })[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminRecsPreview: {
    parameters: {
      query: {
        slot: 'personal' | 'similar' | 'trending' | 'cart'
        visitorId?: string
        item?: string
        exclude?: string
        n?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A list as a visitor would get it */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            recId: string
            /** @enum {string} */
            slot: 'personal' | 'similar' | 'trending' | 'cart'
            source: string
            modelVersion: string | null
            items: {
              itemId: string
              title: string
              url: string | null
              image: string | null
              price: number | null
              currency: string | null
              score: number
              /** @enum {string} */
              rule?: 'pin' | 'boost'
            }[]
            /** @description Why the slot’s own source did not serve. */
            fallback?: string
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminImportVisitorIds: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          customerIds: string[]
        }
      }
    }
    responses: {
      /** @description Each customer’s visitor id. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            visitorIds: {
              customerId: string
              visitorId: string
            }[]
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminImportEvents: {
    parameters: {
      query?: {
        /** @description Default: `online-retail` for text/csv, else `ndjson`. */
        format?: 'ndjson' | 'online-retail' | 'archive'
        /** @description How the CSV writes dates (default `month-first`). */
        dates?: 'month-first' | 'day-first'
      }
      header?: never
      path?: never
      cookie?: never
    }
    /** @description NDJSON events, an Online Retail CSV or an R2 event archive, up to 10 MiB. Bad lines are skipped, listed (`skipped`, the first 1,000) and counted by reason (`skippedByReason`). */
    requestBody: {
      content: {
        'application/x-ndjson': unknown
        'application/json': unknown
        'text/csv': unknown
        'text/plain': unknown
      }
    }
    responses: {
      /** @description Imported, duplicates and skipped lines. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            imported: number
            duplicates: number
            skipped: {
              line: number
              reason: string
            }[]
            skippedCount: number
            skippedByReason: {
              [key: string]: number
            }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminHealth: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description When data last arrived, and what was refused */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description Milliseconds since the Unix epoch. */
            now: number
            lastExposureAt: number | null
            lastPurchaseAt: number | null
            refusals: ({
              code: string
              count: number
            } & {
              [key: string]: unknown
            })[]
            warnings: {
              code: string
              message: string
            }[]
            experiments: ({
              key: string
              status: string
            } & {
              [key: string]: unknown
            })[]
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminBehaviour: {
    parameters: {
      query?: {
        /** @description 1-90 (default 30). */
        days?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The store’s funnel and the intent model’s recent quality */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            days: number
            funnel: ({
              day: string
              sessions: number
            } & {
              [key: string]: unknown
            })[]
            intent: {
              /** @enum {string} */
              model: 'site' | 'starter'
              sessions: number
            } & {
              [key: string]: unknown
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminIntent: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The intent model */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @enum {string} */
            model: 'site' | 'starter'
            version: string | null
            trainedAt: string | null
            trainedOn: {
              sessions: number
              purchases: number
            }
            importances: {
              feature: string
              importance: number
            }[]
            onlineUpdates: number
            onlineTrust: number
            bands: {
              medium: number
              high: number
            }
            cuts: {
              medium: number
              high: number
            }
            lastError: string | null
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  patchAdminIntent: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          bands: {
            medium: number
            high: number
          }
        }
      }
    }
    responses: {
      /** @description The intent model. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @enum {string} */
            model: 'site' | 'starter'
            version: string | null
            trainedAt: string | null
            trainedOn: {
              sessions: number
              purchases: number
            }
            importances: {
              feature: string
              importance: number
            }[]
            onlineUpdates: number
            onlineTrust: number
            bands: {
              medium: number
              high: number
            }
            cuts: {
              medium: number
              high: number
            }
            lastError: string | null
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminIntentTrain: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The run’s outcome and the model that now scores. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            training: {
              trained: boolean
              version?: string
              reason?: string
              sessions: number
              purchases: number
              pages: number
            }
            status: {
              /** @enum {string} */
              model: 'site' | 'starter'
              version: string | null
              trainedAt: string | null
              trainedOn: {
                sessions: number
                purchases: number
              }
              importances: {
                feature: string
                importance: number
              }[]
              onlineUpdates: number
              onlineTrust: number
              bands: {
                medium: number
                high: number
              }
              cuts: {
                medium: number
                high: number
              }
              lastError: string | null
            }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminIntentLearn: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The run’s outcome and the model that now scores. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            learning: {
              learnt: number
              skipped: number
              remaining: number
              reason?: string
            }
            status: {
              /** @enum {string} */
              model: 'site' | 'starter'
              version: string | null
              trainedAt: string | null
              trainedOn: {
                sessions: number
                purchases: number
              }
              importances: {
                feature: string
                importance: number
              }[]
              onlineUpdates: number
              onlineTrust: number
              bands: {
                medium: number
                high: number
              }
              cuts: {
                medium: number
                high: number
              }
              lastError: string | null
            }
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminKeys: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The site’s admin keys */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            you: string
            maxKeys: number
            keys: {
              id: string
              name: string
              /** @enum {string} */
              role: 'viewer' | 'editor'
              site?: boolean
            }[]
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  postAdminKeys: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @enum {string} */
          role: 'viewer' | 'editor'
        }
      }
    }
    responses: {
      /** @description The key, its secret shown once. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            id: string
            name: string
            /** @enum {string} */
            role: 'viewer' | 'editor'
            site?: boolean
            createdBy: string
            /** @description Milliseconds since the Unix epoch. */
            createdAt: number
            adminKey: string
            message: string
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  deleteAdminKeysId: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `key_` and 16 hex digits. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Revoked. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            id: string
            /** @constant */
            revoked: true
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Not found (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Conflicts with the current state (an illegal transition, a run in progress, ...). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description The body, or the batch, is larger than the route takes (`body_too_large`, `too_many_events`). */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description A content type the route does not read (`unsupported_media_type`). */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
  getAdminAudit: {
    parameters: {
      query?: {
        cursor?: string
        limit?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The log of changes, newest first */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            entries: {
              id: number
              /** @description Milliseconds since the Unix epoch. */
              at: number
              keyId: string
              keyName: string
              summary: string | null
              confirmed: boolean
              method: string
              route: string
              target: string | null
            }[]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid input: the code names the problem (`invalid_body`, `malformed_json`, ...). */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description No key or an unknown key (`missing_key`, `unknown_key`). */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Refused: the wrong kind of key (`wrong_key_kind`), an origin the site does not allow (`origin_not_allowed`), or a viewer key writing. */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Rate limited (`rate_limited`); Retry-After says when to come back. */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
      /** @description Storage unavailable (`storage_unavailable`); retry after Retry-After. */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            error: {
              /** @description Stable, machine-readable: branch on this. */
              code: string
              /** @description For people: what was wrong and how to fix it. */
              message: string
            }
          }
        }
      }
    }
  }
}
