/**
 * The widget runs on someone else's page: it never throws into it. Entry points (commands, event
 * listeners, timers, promise callbacks) go through `guard`, and only the first problem of a page
 * view is logged, so a broken setup cannot flood the merchant's console.
 */
let warned = false

/** Logs the first problem with the `edgelift:` prefix; later ones are dropped. */
export function warn(problem: unknown): void {
  if (!warned) console.warn('edgelift:', problem)
  warned = true
}

/** Wraps an entry point so that a throw becomes (at most) one warning. */
export function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args)
    } catch (problem) {
      warn(problem)
    }
  }
}

/** Parses JSON that comes from the page or storage, where anything may be; undefined if broken. */
export function parseJson(text: string | null | undefined): unknown {
  try {
    return JSON.parse(text ?? '')
  } catch {
    return undefined
  }
}
