/** The Hono environment every route shares: the Worker's bindings and the authenticated site. */
import type { Database } from './db/database.ts'
import type { Site } from './sites/site-store.ts'

export type AppEnv = {
  Bindings: Env
  Variables: { site: Site; db: Database }
}
