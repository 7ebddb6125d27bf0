// Node-side scripts (CLIs, benchmarks, e2e helpers) reuse Worker modules that name D1's types.
// Those come from the Workers runtime types, which clash with Node's globals, so the few D1
// shapes the shared modules use are declared here for the Node type check only.
interface D1Meta {
  changes: number
  [key: string]: unknown
}
interface D1Result<T = unknown> {
  results: T[]
  success: boolean
  meta: D1Meta
}
interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement
  first<T = unknown>(column?: string): Promise<T | null>
  all<T = unknown>(): Promise<D1Result<T>>
  run<T = unknown>(): Promise<D1Result<T>>
  raw<T = unknown[]>(): Promise<T[]>
}
interface D1Database {
  prepare(query: string): D1PreparedStatement
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]>
  exec(query: string): Promise<unknown>
}
