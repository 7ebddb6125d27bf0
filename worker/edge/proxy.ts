/**
 * Edge proxy mode: the Worker on the store's own hostname, in front of its origin. Everything
 * that is not an HTML page passes through untouched and streamed; HTML pages get their
 * experiments decided here — split-URL rewrites or redirects, the assignments and a known
 * visitor's intent band forwarded to the origin, the page rewritten to the visitor's variation,
 * the exposure recorded — and never fail because edgelift's storage did.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { Assignment } from '../../shared/api-types.ts'
import type { Experiment } from '../experiments/experiment.ts'
import { assignVisitor } from '../experiments/assign-visitor.ts'
import { servedExperimentsOrLastKnown } from '../experiments/running-experiments.ts'
import { storedBanditVariations } from '../experiments/bandit-exposures.ts'
import { urlMatches } from '../experiments/url-target.ts'
import { isBot } from '../events/bots.ts'
import { visitorIntent } from '../intent/visitor-intent.ts'
import { visitorCookie, visitorFromCookie } from '../visitors/visitor-cookie.ts'
import { newVisitorId } from '../visitors/visitor-id.ts'
import { recordPageExposures } from './edge-exposures.ts'
import { rewritePage } from './page-rewriter.ts'
import type { ProxySite } from './proxy-site.ts'
import { onOrigin, splitUrlTarget } from './split-url.ts'

/** The visitor's assignments, for an origin that renders the chosen variation itself. */
const ASSIGNMENTS_HEADER = 'x-edgelift-assignments'
/** The visitor's intent band (`low`, `medium`, `high`), for an origin that adapts the page. */
const INTENT_HEADER = 'x-edgelift-intent'
/** Marks requests this Worker sends, so a misconfigured origin pointing back here is caught. */
export const LOOP_HEADER = 'cdn-loop'
const LOOP_TOKEN = 'edgelift'
/** Headers a proxy must not forward (RFC 9110 §7.6.1), plus ones the runtime sets itself. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]

export function isLoop(request: Request): boolean {
  return (request.headers.get(LOOP_HEADER) ?? '').toLowerCase().includes(LOOP_TOKEN)
}

export async function proxyRequest(c: Context<AppEnv>, target: ProxySite): Promise<Response> {
  const request = c.req.raw
  const url = new URL(request.url)
  const isPage = request.method === 'GET' && acceptsHtml(request)
  // Global Privacy Control is a standing refusal, as in the widget: no identifier is set or read,
  // no exposure is recorded, and no variation is assigned, so the page shows every experiment's
  // first variation (the control), as to a visitor outside coverage. On a site that needs
  // consent, a visitor without the el_vid the widget sets after consent is treated the same.
  const gpc = request.headers.get('sec-gpc') === '1'
  const known = gpc ? undefined : visitorFromCookie(request.headers.get('cookie'))
  // Only a known visitor has a session to score; visitorIntent never throws.
  const [running, intent] = await Promise.all([
    isPage ? servedExperimentsOrLastKnown(c.var.db, target.site.id) : null,
    isPage && known ? visitorIntent(c.var.db, c.env, target.site, known, request) : undefined,
  ])
  const intentBand = intent?.band ?? undefined
  if (!running || running.length === 0)
    return forward(request, originUrl(url, target.origin), { intentBand })

  const refuses = gpc || (target.consentRequired && known === undefined)
  // A refusing visitor is given no id: nothing is assigned or recorded for them.
  const visitorId = known ?? (refuses ? '' : newVisitorId())
  // Audiences are decided by /v1/assign, where the visitor's intent is scored; the proxy shows
  // an experiment with an audience to nobody rather than to visitors it would not count. A
  // rolled-out winner is everybody's.
  const everybody = running.filter((e) => e.audience === null || e.winner !== null)
  const exposed = known ? await banditExposuresOrNone(c, target, known, everybody) : undefined
  const assignments = refuses ? {} : assignVisitor(everybody, visitorId, { url: url.href, exposed })
  /** The `el_vid` to set with the answer: a new visitor's, never a refusing one's. */
  const newVisitor = refuses || known ? undefined : visitorId
  const experiments = new Map(running.map((e) => [e.key, e]))
  /** Whether this visit is an exposure to record: not a bot, not a refusal of tracking. */
  const counts = !refuses && !isBot(request.headers.get('user-agent') ?? undefined)

  const destination = splitUrlDestination(
    c,
    target,
    url,
    assignments,
    experiments,
    visitorId,
    counts,
    newVisitor,
  )
  if (destination instanceof Response) return destination
  const response = await forward(request, destination, { assignments, intentBand })
  if (!isHtml(response)) return response

  if (counts) {
    c.executionCtx.waitUntil(
      recordPageExposures(c.var.db, target.site, visitorId, measuredOnly(assignments)),
    )
  }
  const rewritten = rewritePage(response, {
    assignments,
    experiments,
    widgetSrc: `${url.origin}/widget.js`,
    publicKey: target.site.publicKey,
    intentBand,
  })
  const perVisitor =
    running.some((e) => urlMatches(e.url, url.href)) ||
    destination.pathname !== originUrl(url, target.origin).pathname
  return withVisitor(withCacheScope(rewritten, perVisitor), newVisitor, request.url)
}

/**
 * Where the origin is asked for the page: the split-URL variation a visitor is assigned, or the
 * page itself. A redirecting variation on another path answers with the redirect instead.
 * Assignments to a variation URL that cannot be served here are removed: the visitor sees the
 * control, so they are left out of the experiment rather than counted in a variation they never
 * saw. The values arrive one by one, not as a record, to keep the page path free of allocations.
 */
function splitUrlDestination(
  c: Context<AppEnv>,
  target: ProxySite,
  url: URL,
  assignments: Record<string, Assignment>,
  experiments: ReadonlyMap<string, Experiment>,
  visitorId: string,
  counts: boolean,
  newVisitor: string | undefined,
): URL | Response {
  let destination = originUrl(url, target.origin)
  for (const [key, assignment] of Object.entries(assignments)) {
    const exp = experiments.get(key)
    const variationUrl = exp?.variations[assignment.index]?.url
    if (!exp || !variationUrl) continue
    const split = splitUrlTarget(variationUrl, url, target.origin)
    if (!split) {
      delete assignments[key]
      continue
    }
    if (exp.redirect) {
      const location = onOrigin(url, split.pathname, split.search)
      if (location.pathname !== url.pathname) {
        // The visitor sees this variation from here on, and its page seldom matches the
        // experiment's pattern: the redirect is the exposure.
        if (counts && !assignment.rolledOut) {
          c.executionCtx.waitUntil(
            recordPageExposures(c.var.db, target.site, visitorId, { [key]: assignment }),
          )
        }
        return withVisitor(variationRedirect(location), newVisitor, c.req.raw.url)
      }
    } else destination = split
  }
  return destination
}

function variationRedirect(location: URL): Response {
  return new Response(null, {
    status: 302,
    headers: { location: location.href, 'cache-control': 'private, no-store' },
  })
}

function isHtml(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().includes('text/html')
}

/**
 * The rewritten page as the answer. HTML that depends on the visitor (assigned, outside
 * coverage, or refusing tracking) is marked so that no shared cache keeps one variation for
 * everyone.
 */
function withCacheScope(rewritten: Response, perVisitor: boolean): Response {
  const headers = new Headers(rewritten.headers)
  if (perVisitor) {
    headers.set('cache-control', privateCacheControl(headers.get('cache-control')))
    headers.append('vary', 'Cookie')
  }
  return new Response(rewritten.body, {
    status: rewritten.status,
    statusText: rewritten.statusText,
    headers,
  })
}

/**
 * The bandit variations stored for a returning visitor. A page must not fail because D1 does:
 * without the answer the current weights decide, and the stored exposure still wins in results.
 */
async function banditExposuresOrNone(
  c: Context<AppEnv>,
  target: ProxySite,
  visitorId: string,
  served: Parameters<typeof storedBanditVariations>[3],
): Promise<Map<string, number> | undefined> {
  try {
    return await storedBanditVariations(c.var.db, target.site.id, visitorId, served)
  } catch (err) {
    console.warn('D1 unavailable; bandit visitors assigned by the current weights', err)
    return undefined
  }
}

/** The assignments that are exposures to record: not the rolled-out winners. */
function measuredOnly(assignments: Record<string, Assignment>): Record<string, Assignment> {
  return Object.fromEntries(Object.entries(assignments).filter(([, a]) => !a.rolledOut))
}

function acceptsHtml(request: Request): boolean {
  const accept = request.headers.get('accept') ?? ''
  return accept === '' || accept.includes('text/html') || accept.includes('*/*')
}

/** The request on to `origin` as it is: no variation, no cookie, no exposure (a D1 outage). */
export function passThrough(request: Request, origin: URL): Promise<Response> {
  return forward(request, originUrl(new URL(request.url), origin))
}

function originUrl(url: URL, origin: URL): URL {
  return onOrigin(origin, url.pathname, url.search)
}

/**
 * Sends a request on to the origin, streaming both ways; redirects are the browser's business.
 * The origin hears `X-Edgelift-Assignments` and `X-Edgelift-Intent` from the edge only: a
 * visitor's own copies are dropped, or a page rendered on the server could be told which
 * variation or offer to show.
 */
async function forward(
  request: Request,
  destination: URL,
  edge: { assignments?: Record<string, unknown>; intentBand?: string | undefined } = {},
): Promise<Response> {
  const headers = new Headers(request.headers)
  for (const name of HOP_BY_HOP) headers.delete(name)
  headers.delete(ASSIGNMENTS_HEADER)
  headers.delete(INTENT_HEADER)
  if (edge.assignments) headers.set(ASSIGNMENTS_HEADER, JSON.stringify(edge.assignments))
  if (edge.intentBand) headers.set(INTENT_HEADER, edge.intentBand)
  headers.set(
    LOOP_HEADER,
    [request.headers.get(LOOP_HEADER), LOOP_TOKEN].filter(Boolean).join(', '),
  )
  headers.set('x-forwarded-host', new URL(request.url).host)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  try {
    return await fetch(destination, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: 'manual',
    })
  } catch (err) {
    console.error('origin unreachable', destination.origin, err)
    return new Response('The store’s origin server could not be reached.', {
      status: 502,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
}

function withVisitor(
  response: Response,
  newVisitor: string | undefined,
  requestUrl: string,
): Response {
  if (newVisitor) response.headers.append('set-cookie', visitorCookie(newVisitor, requestUrl))
  return response
}

/** The origin's directives, with shared caching turned off. */
function privateCacheControl(original: string | null): string {
  const kept = (original ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d && !/^(public|private|s-maxage=\d+)$/i.test(d))
  return ['private', ...kept].join(', ')
}
