// The isolate's cache of public-key look-ups: made-up keys, which anyone can send, must not push
// the real sites out of it.
import { env } from 'cloudflare:workers'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { findSiteByPublicKey, PUBLIC_KEY_CACHE_ENTRIES } from '../../worker/sites/site-store.ts'
import { createSite, rows } from './support/api.ts'

describe('findSiteByPublicKey', () => {
  it('keeps a real site cached through a spray of made-up keys', async () => {
    // The clock stands still, so the property is eviction alone, not the TTL running out while
    // a slow machine works through the spray.
    vi.useFakeTimers({ toFake: ['Date'] })
    onTestFinished(() => void vi.useRealTimers())
    const db = database(env.DB)
    const site = await createSite()
    expect((await findSiteByPublicKey(db, site.publicKey))?.name).not.toBe('renamed')
    for (let i = 0; i < PUBLIC_KEY_CACHE_ENTRIES + 100; i++) {
      expect(await findSiteByPublicKey(db, `pk_${i.toString(16).padStart(24, '0')}`)).toBeNull()
    }
    // Renamed behind the cache's back: a cached site still answers with the name it had.
    await rows(`UPDATE sites SET name = 'renamed' WHERE id = ?`, site.id)
    expect((await findSiteByPublicKey(db, site.publicKey))?.id).toBe(site.id)
    expect((await findSiteByPublicKey(db, site.publicKey))?.name).not.toBe('renamed')
  })

  it('answers null for a key longer than any key, without asking D1', async () => {
    const failing = database({
      prepare: () => {
        throw new Error('D1 was asked')
      },
    } as unknown as D1Database)
    expect(await findSiteByPublicKey(failing, `pk_${'a'.repeat(100)}`)).toBeNull()
  })
})
