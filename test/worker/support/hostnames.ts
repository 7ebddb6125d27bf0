// Hostname proofs in the workerd suites: TXT records published on the loopback DoH resolver
// (test/support/doh-server.ts), then checked through the admin API like a store owner would.
import { expect, inject } from 'vitest'
import { proofRecordName, proofToken } from '../../../worker/edge/hostname-proof.ts'
import { admin, type TestSite } from './api.ts'

/** Publishes TXT `texts` at `name` on the test resolver (none: the name has no records). */
export async function publishTxt(name: string, texts: string[]): Promise<void> {
  const res = await fetch(`${inject('dohUrl')}/records/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: JSON.stringify(texts),
  })
  expect(res.status).toBe(200)
}

/** Publishes the sites' proofs of `hostname` (several: the owner's DNS names them all). */
export async function publishProof(hostname: string, ...sites: TestSite[]): Promise<void> {
  await publishTxt(
    proofRecordName(hostname),
    await Promise.all(sites.map((site) => proofToken(site.id))),
  )
}

export type ProofAnswer = {
  hostname: string
  verified: boolean
  error: string | null
  record: { name: string; value: string }
}

/** `POST /site/proxy/verify`: the site's hostnames with their proof after the check. */
export async function verifyHostnames(site: TestSite): Promise<ProofAnswer[]> {
  const res = await admin(site, 'POST', '/site/proxy/verify')
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { verification: ProofAnswer[] }).verification
}

/** Claims `hostname` for the site with `originUrl`, publishes its proof and checks it. */
export async function proveHostname(site: TestSite, hostname: string, originUrl: string) {
  const res = await admin(site, 'PUT', '/site/proxy', { originUrl, hostnames: [hostname] })
  expect(res.status, await res.clone().text()).toBe(200)
  await publishProof(hostname, site)
  const proofs = await verifyHostnames(site)
  expect(proofs.find((p) => p.hostname === hostname)?.verified).toBe(true)
}
