// Named admin keys for tests: created through the API, used like the site's own key.
import { admin, type TestSite } from './api.ts'

export type TestKey = { id: string; name: string; role: string; adminKey: string }

/** A new named key of the site, created with the site's own key. */
export async function createKey(
  site: TestSite,
  role: 'viewer' | 'editor',
  name = `${role} ${Math.random().toString(36).slice(2, 8)}`,
): Promise<TestKey> {
  const res = await admin(site, 'POST', '/keys', { name, role })
  if (res.status !== 201) throw new Error(`key creation failed: ${await res.text()}`)
  return (await res.json()) as TestKey
}

/** The site as seen through another of its keys. */
export function as(site: TestSite, key: { adminKey: string }): TestSite {
  return { ...site, adminKey: key.adminKey }
}
