// A D1 binding that counts what reaches D1, for tests that pin how many queries a path makes.

export type D1Counts = {
  /** Statements run, in or out of a batch. */
  statements: number
  /** Calls to D1, each one round trip: a statement's all/first/run/raw, or a whole batch. */
  roundTrips: number
}

const RUNS = new Set(['all', 'first', 'run', 'raw'])

/**
 * `d1` with every statement and round trip counted in `counts` (reset it between steps).
 *
 * @example
 * const { d1, counts } = countingD1(env.DB)
 * await visitorIntent(database(d1), ...)
 * expect(counts).toEqual({ statements: 1, roundTrips: 1 })
 */
export function countingD1(d1: D1Database): { d1: D1Database; counts: D1Counts } {
  const counts: D1Counts = { statements: 0, roundTrips: 0 }
  // batch() needs D1's own statement objects back, not the counting wrappers.
  const unwrapped = new WeakMap<object, D1PreparedStatement>()
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapper = new Proxy(statement, {
      get(target, name) {
        const value: unknown = Reflect.get(target, name, target)
        if (typeof value !== 'function') return value
        if (name === 'bind') return (...params: unknown[]) => wrap(target.bind(...params))
        if (typeof name === 'string' && RUNS.has(name))
          return (...args: unknown[]) => {
            counts.statements++
            counts.roundTrips++
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        return (value as (...a: unknown[]) => unknown).bind(target)
      },
    })
    unwrapped.set(wrapper, statement)
    return wrapper
  }
  const counted = new Proxy(d1, {
    get(target, name) {
      if (name === 'prepare') return (query: string) => wrap(target.prepare(query))
      if (name === 'batch')
        return (statements: D1PreparedStatement[]) => {
          counts.statements += statements.length
          counts.roundTrips++
          return target.batch(statements.map((s) => unwrapped.get(s) ?? s))
        }
      const value: unknown = Reflect.get(target, name, target)
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value
    },
  })
  return { d1: counted, counts }
}
