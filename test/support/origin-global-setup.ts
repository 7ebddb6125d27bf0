// Starts the loopback origin (in Node) that the proxy tests put behind the Worker.
import type { TestProject } from 'vitest/node'
import { startOrigin } from './origin-server.ts'

let close: (() => void) | undefined

export async function setup(project: TestProject): Promise<void> {
  const origin = await startOrigin()
  close = () => origin.server.close()
  project.provide('originUrl', origin.url)
}

export async function teardown(): Promise<void> {
  close?.()
}

declare module 'vitest' {
  export interface ProvidedContext {
    originUrl: string
  }
}
