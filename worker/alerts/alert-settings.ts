/**
 * A site's alert receivers (`sites.alerts`): up to five webhook URLs, each with the body format it
 * takes. Validated when set and again when read, so a row written by hand or under looser rules
 * never receives anything it should not.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../db/database.ts'
import { sites } from '../db/schema.ts'
import { ALERT_FORMATS, type AlertFormat } from './alert.ts'
import { alertUrlProblem } from './alert-url.ts'

export type AlertReceiver = { url: string; format: AlertFormat }

export const MAX_ALERT_RECEIVERS = 5

/** The schema of `PUT /v1/admin/site/alerts`; loopback only when the Worker allows it. */
export function alertSettingsSchema(allowLoopback: boolean) {
  const receiver = z.strictObject({
    url: z
      .string()
      .max(2048)
      .superRefine((url, ctx) => {
        const problem = alertUrlProblem(url, allowLoopback)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
    format: z.enum(ALERT_FORMATS).default('json'),
  })
  return z.strictObject({
    alerts: z
      .array(receiver)
      .max(MAX_ALERT_RECEIVERS, `at most ${MAX_ALERT_RECEIVERS} receivers`)
      .refine((list) => new Set(list.map((r) => r.url)).size === list.length, 'URLs must differ'),
  })
}

/** The site's receivers that pass today's rules. */
export async function alertReceivers(
  db: Database,
  siteId: string,
  allowLoopback: boolean,
): Promise<AlertReceiver[]> {
  const row = await db
    .select({ alerts: sites.alerts })
    .from(sites)
    .where(eq(sites.id, siteId))
    .get()
  let stored: unknown
  try {
    stored = JSON.parse(row?.alerts ?? '[]')
  } catch {
    return []
  }
  const parsed = alertSettingsSchema(allowLoopback).safeParse({ alerts: stored })
  return parsed.success ? parsed.data.alerts : []
}

export async function setAlertReceivers(
  db: Database,
  siteId: string,
  receivers: AlertReceiver[],
): Promise<void> {
  await db
    .update(sites)
    .set({ alerts: JSON.stringify(receivers) })
    .where(eq(sites.id, siteId))
}

/** Whether this Worker may post alerts to http://127.0.0.1 (tests, local development). */
export function loopbackAllowed(env: { ALERTS_ALLOW_LOOPBACK?: string }): boolean {
  return env.ALERTS_ALLOW_LOOPBACK === 'on'
}
