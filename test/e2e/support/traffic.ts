// Drives experiment traffic through the public API, the way storefronts do: exposures and
// purchases posted to `POST /v1/events?site=pk_...` in batches of at most 100. The server picks
// each exposure's variation by hashing, so the helper runs the same bucketing (shared/bucketing.ts,
// phase 1 seeds with the experiment key) to know in advance who lands where, and can therefore
// send exact conversion rates per variation, or skew exposures to provoke a sample ratio mismatch.
import { assignVariation } from '../../../shared/bucketing.ts'

const MAX_BATCH = 100

export type TrafficPlan = {
  baseUrl: string
  publicKey: string
  experiment: string
  /** The phase-1 weights, control first (as configured on the experiment). */
  weights: number[]
  coverage?: number
  /** Visitors assigned to each variation (before `exposureShare` drops some). */
  visitorsPerVariation: number
  /** Share of each variation's exposed visitors who then purchase. */
  conversionRates: number[]
  /** Share of each variation's visitors whose exposure is sent; below 1 skews the split (SRM). */
  exposureShare?: number[]
  /** Revenue of each purchase, in the site currency's major unit. */
  revenue?: number
  /** Visitor and event id prefix, unique per call: [A-Za-z0-9_-], a few characters. */
  prefix: string
}

/** What was sent per variation: exposed visitors and converted visitors. */
export type TrafficSent = { exposed: number[]; converted: number[] }

type Event = Record<string, unknown>

/** Whether the `i`-th of a variation's visitors is in a share: spread evenly, deterministic. */
function inShare(i: number, share: number): boolean {
  return Math.floor((i + 1) * share) > Math.floor(i * share)
}

/** Visitor ids grouped by the variation the edge will assign them in phase 1. */
export function visitorsByVariation(plan: TrafficPlan): string[][] {
  const config = { seed: plan.experiment, weights: plan.weights, coverage: plan.coverage ?? 1 }
  const groups: string[][] = plan.weights.map(() => [])
  const wanted = plan.visitorsPerVariation
  for (let n = 0; groups.some((g, i) => g.length < wanted && (plan.weights[i] ?? 0) > 0); n++) {
    if (n > wanted * plan.weights.length * 50) throw new Error('bucketing never filled a variation')
    const visitor = `${plan.prefix}-v${n}`
    const index = assignVariation(config, visitor)
    const group = groups[index]
    if (group && group.length < wanted) group.push(visitor)
  }
  return groups
}

/** Posts one batch and fails loudly on anything refused: a test must know its data arrived. */
export async function postEvents(baseUrl: string, publicKey: string, events: Event[]) {
  const res = await fetch(`${baseUrl}/v1/events?site=${encodeURIComponent(publicKey)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  })
  const body = (await res.json()) as { accepted?: number; rejected?: unknown[] }
  if (res.status !== 202 || (body.rejected?.length ?? 0) > 0) {
    throw new Error(`POST /v1/events answered ${res.status}: ${JSON.stringify(body)}`)
  }
}

async function postAll(plan: TrafficPlan, events: Event[]): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_BATCH) {
    await postEvents(plan.baseUrl, plan.publicKey, events.slice(i, i + MAX_BATCH))
  }
}

/**
 * Sends the plan's exposures, then its purchases (a goal only counts after an exposure).
 * @example await driveTraffic({ baseUrl, publicKey: 'pk_demo', experiment: 'cta', weights: [0.5, 0.5],
 *   visitorsPerVariation: 300, conversionRates: [0.1, 0.2], prefix: 'cta' })
 */
export async function driveTraffic(plan: TrafficPlan): Promise<TrafficSent> {
  const groups = visitorsByVariation(plan)
  const exposures: Event[] = []
  const purchases: Event[] = []
  const sent: TrafficSent = { exposed: groups.map(() => 0), converted: groups.map(() => 0) }
  groups.forEach((visitors, v) => {
    const share = plan.exposureShare?.[v] ?? 1
    const rate = plan.conversionRates[v] ?? 0
    const exposed = visitors.filter((_, i) => inShare(i, share))
    exposed.forEach((visitorId, i) => {
      exposures.push({
        id: `${visitorId}-exposure`,
        type: 'exposure',
        visitorId,
        experiment: plan.experiment,
      })
      sent.exposed[v] = (sent.exposed[v] ?? 0) + 1
      if (!inShare(i, rate)) return
      purchases.push({
        id: `${visitorId}-purchase`,
        type: 'purchase',
        visitorId,
        revenue: plan.revenue ?? 25,
      })
      sent.converted[v] = (sent.converted[v] ?? 0) + 1
    })
  })
  await postAll(plan, exposures)
  await postAll(plan, purchases)
  return sent
}

/** A tiny admin client for test setup: JSON in and out, Bearer key, throws on failure. */
export function adminClient(baseUrl: string, adminKey: string) {
  return async function admin<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`)
    return JSON.parse(text) as T
  }
}

/** Creates and starts a 2+-variation experiment through the admin API. */
export async function startExperiment(
  baseUrl: string,
  adminKey: string,
  experiment: {
    key: string
    name: string
    variations: { key: string; weight: number; name?: string }[]
  } & Record<string, unknown>,
): Promise<void> {
  const admin = adminClient(baseUrl, adminKey)
  await admin('/v1/admin/experiments', 'POST', experiment)
  await admin(`/v1/admin/experiments/${encodeURIComponent(experiment.key)}/start`, 'POST')
}

/**
 * Waits until the dev server accepts an admin key written straight into its local D1 (by
 * `createSite`): the running Worker may take a moment to see another process's write.
 */
export async function untilAdminKeyWorks(baseUrl: string, adminKey: string): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const res = await fetch(`${baseUrl}/v1/admin/site`, {
      headers: { authorization: `Bearer ${adminKey}` },
    })
    if (res.ok) return
    if (Date.now() > deadline) throw new Error(`the new site's key still answers ${res.status}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
