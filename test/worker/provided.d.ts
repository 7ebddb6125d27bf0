// Values the Node-side global setups hand to the workerd suites (see test/support/).
import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    originUrl: string
    dohUrl: string
    alertReceiverUrl: string
  }
}
