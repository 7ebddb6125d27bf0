/** The Hono environment every route shares: the Worker's bindings, the authenticated site and admin. */
import type { Database } from './db/database.ts'
import type { Site } from './sites/site-store.ts'
import type { AdminCaller } from './team/admin-keys.ts'

export type AppEnv = {
  Bindings: Env
  Variables: {
    site: Site
    db: Database
    /** Set on admin requests: who holds the key. */
    admin: AdminCaller
    /** What an admin change adds to its audit entry (e.g. a created key's name and role). */
    auditNote: string | undefined
  }
}
