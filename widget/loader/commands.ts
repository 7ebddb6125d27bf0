/**
 * The public command API, `window.edgelift`. A page may push commands before the loader arrives:
 *
 *   window.edgelift = window.edgelift || []
 *   edgelift.push(['track', 'add_to_cart', { itemId: 'SKU1', quantity: 1, price: 9.5 }])
 *   edgelift.push(['track', 'purchase', { orderId: 'o-1', revenue: 19, currency: 'EUR', items }])
 *   edgelift.push(['consent', true])
 *   edgelift.push(['page', { path: '/cart', title: 'Cart', kind: 'cart' }])  // a new SPA route
 *
 * The loader runs them in order, then replaces `push` so that later commands run at once. The
 * `loaded` mark on the queue tells a second copy of the loader on the page to do nothing.
 */
import type { EventFields } from './tracker.ts'

export type Command = [name: string, ...args: unknown[]]
export type CommandQueue = Command[] & { loaded?: true }

/** Takes the page's queue (or makes one); undefined when another copy of the loader has it. */
export function claimQueue(win: { edgelift?: CommandQueue }): CommandQueue | undefined {
  const queue = (win.edgelift ||= [])
  if (!queue.loaded) return (queue.loaded = true) && queue
}

/** Runs the waiting commands in order, then every later push at once. */
export function runQueue(queue: CommandQueue, run: (command: Command) => void): void {
  const waiting = queue.splice(0)
  queue.push = (...commands) => {
    commands.forEach(run)
    return queue.length
  }
  queue.push(...waiting)
}

/**
 * The event of `['track', name, data]`: `add_to_cart`, `purchase`, `view` and `click` carry their
 * fields as the API names them (`itemId`, `orderId`, `revenue`, `currency`, `items`, `recId`...);
 * any other name becomes `{ type: 'custom', name, props: data }`.
 */
export function trackedEvent(name: string, data?: object): EventFields {
  return /^(view|click|add_to_cart|purchase)$/.test(name)
    ? { ...data, type: name }
    : { type: 'custom', name, props: data }
}
