// Starts the loopback origin (in Node) that the proxy tests put behind the Worker, the
// DNS-over-HTTPS resolver hostname proofs ask (on the port vitest.config.ts gave the Worker), and
// the receiver alert tests post to.
import type { TestProject } from 'vitest/node'
import { startDohServer } from './doh-server.ts'
import { startOrigin } from './origin-server.ts'
import { startAlertReceiver } from './alert-receiver.ts'

let close: (() => void) | undefined

export async function setup(project: TestProject): Promise<void> {
  const origin = await startOrigin()
  const doh = await startDohServer(Number(process.env.EDGELIFT_TEST_DOH_PORT ?? 0))
  const alerts = await startAlertReceiver()
  close = () => {
    origin.server.close()
    doh.server.close()
    alerts.server.closeAllConnections()
    alerts.server.close()
  }
  project.provide('alertReceiverUrl', alerts.url)
  project.provide('originUrl', origin.url)
  project.provide('dohUrl', doh.url)
}

export async function teardown(): Promise<void> {
  close?.()
}

declare module 'vitest' {
  export interface ProvidedContext {
    originUrl: string
    dohUrl: string
    alertReceiverUrl: string
  }
}
