/**
 * What online refinement learns from, and how hard: the interactions among newly stored events
 * (a purchase's line items count one each), and the SGD settings from the Worker's variables
 * (RECS_SGD_STEPS, RECS_SGD_LEARNING_RATE, RECS_SGD_L2), falling back to fold-in's defaults.
 */
import type { StoredEvent } from '../events/stored-event.ts'
import type { FoldInOptions } from './fold-in.ts'
import type { OnlineInteraction } from './online-update.ts'
import type { InteractionType } from './types.ts'

const LEARNED_FROM: ReadonlySet<string> = new Set(['view', 'click', 'add_to_cart', 'purchase'])

export function interactionsOf(events: StoredEvent[]): OnlineInteraction[] {
  const out: OnlineInteraction[] = []
  for (const e of events) {
    if (!LEARNED_FROM.has(e.type)) continue
    const type = e.type as InteractionType
    if (e.itemId) out.push({ visitorId: e.visitorId, itemId: e.itemId, type })
    else if (e.items) {
      for (const line of JSON.parse(e.items) as { itemId: string }[]) {
        out.push({ visitorId: e.visitorId, itemId: line.itemId, type })
      }
    }
  }
  return out
}

export function sgdOptions(env: {
  RECS_SGD_STEPS?: string
  RECS_SGD_LEARNING_RATE?: string
  RECS_SGD_L2?: string
}): FoldInOptions {
  const read = (raw: string | undefined, min: number, max: number) => {
    const n = Number(raw)
    return raw !== undefined && raw !== '' && Number.isFinite(n) && n >= min && n <= max
      ? n
      : undefined
  }
  const steps = read(env.RECS_SGD_STEPS, 1, 100)
  const learningRate = read(env.RECS_SGD_LEARNING_RATE, 1e-6, 1.99)
  const l2 = read(env.RECS_SGD_L2, 0, 10)
  return {
    ...(steps !== undefined && { steps: Math.round(steps) }),
    ...(learningRate !== undefined && { learningRate }),
    ...(l2 !== undefined && { l2 }),
  }
}
