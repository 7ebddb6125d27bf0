// A store hostname proven the way a store owner proves it: the site's TXT record published on the
// loopback DNS-over-HTTPS resolver, then "Check now" (POST /v1/admin/site/proxy/verify).
import { inject } from 'vitest'
import { proofRecordName, proofToken } from '../../../worker/edge/hostname-proof.ts'
import type { CreatedSite } from '../../../scripts/lib/sites.ts'

export async function proveStoreHostname(
  site: CreatedSite,
  hostname: string,
  originUrl: string,
): Promise<void> {
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${inject('baseUrl')}/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const set = await admin('PUT', '/site/proxy', { originUrl, hostnames: [hostname] })
  if (!set.ok) throw new Error(`proxy settings: ${set.status} ${await set.text()}`)
  const name = proofRecordName(hostname)
  await fetch(`${inject('dohUrl')}/records/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: JSON.stringify([await proofToken(site.siteId)]),
  })
  const checked = await admin('POST', '/site/proxy/verify')
  const { verification } = (await checked.json()) as {
    verification: { hostname: string; verified: boolean; error: string | null }[]
  }
  const proof = verification.find((v) => v.hostname === hostname)
  if (!proof?.verified) throw new Error(`${hostname} was not proven: ${proof?.error}`)
}
