// Starts one real `wrangler dev` (own local D1 under .wrangler/e2e, demo site pk_demo / sk_demo)
// for the browser suites, and hands its URL to them with `inject('baseUrl')`.
import type { TestProject } from 'vitest/node'
import { freePort, startDevServer, type DevServer } from '../../../bench/lib/dev-server.ts'

let server: DevServer | undefined

export async function setup(project: TestProject): Promise<void> {
  server = await startDevServer('e2e', await freePort(), { demo: true, vars: { DEMO: 'on' } })
  project.provide('baseUrl', server.url)
  project.provide('persistTo', server.persistTo)
}

export async function teardown(): Promise<void> {
  await server?.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    persistTo: string
  }
}
