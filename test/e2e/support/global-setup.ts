// Starts one real `wrangler dev` (own local D1 under .wrangler/e2e, demo site pk_demo / sk_demo)
// for the browser suites, and hands its URL to them with `inject('baseUrl')`; and the loopback
// DNS-over-HTTPS resolver its hostname proofs ask (test/support/doh-server.ts).
import type { Server } from 'node:http'
import type { TestProject } from 'vitest/node'
import { freePort, startDevServer, type DevServer } from '../../../bench/lib/dev-server.ts'
import { startDohServer } from '../../support/doh-server.ts'

let server: DevServer | undefined
let doh: Server | undefined

export async function setup(project: TestProject): Promise<void> {
  const resolver = await startDohServer()
  doh = resolver.server
  server = await startDevServer('e2e', await freePort(), {
    demo: true,
    vars: { DEMO: 'on', HOSTNAME_DOH_URL: `${resolver.url}/dns-query` },
  })
  project.provide('baseUrl', server.url)
  project.provide('persistTo', server.persistTo)
  project.provide('dohUrl', resolver.url)
}

export async function teardown(): Promise<void> {
  await server?.stop()
  doh?.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    persistTo: string
    dohUrl: string
  }
}
