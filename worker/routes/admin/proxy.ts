/**
 * `GET/PUT /v1/admin/site/proxy`: the origin and hostnames of edge proxy mode, with each
 * hostname's proof; `POST /v1/admin/site/proxy/verify` checks the proofs now.
 */
import { Hono, type Context } from 'hono'
import type { ProxySettingsAnswer } from '../../../shared/api-types.ts'
import type { AppEnv } from '../../app-env.ts'
import { ownHostnames } from '../../edge/own-hostnames.ts'
import { dohResolver } from '../../edge/hostname-proof.ts'
import { hostnameProofs, proveSiteHostnames } from '../../edge/hostname-verification.ts'
import {
  proxySettingsSchema,
  readProxySettings,
  reservedHostname,
  writeProxySettings,
} from '../../edge/proxy-settings.ts'
import { invalid } from '../../domain-error.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { forgetCachedSite } from '../../sites/site-store.ts'

/** The settings as stored, the proof of each hostname, and where the dashboard lives. */
async function proxyAnswer(c: Context<AppEnv>) {
  const [settings, verification] = await Promise.all([
    readProxySettings(c.var.db, c.var.site.id),
    hostnameProofs(c.var.db, c.var.site.id),
  ])
  const answer: ProxySettingsAnswer = {
    ...settings,
    verification,
    dashboardHostnames: [...ownHostnames(c.env)],
  }
  return c.json(answer)
}

export const adminProxyRoute = new Hono<AppEnv>()
  .get('/site/proxy', proxyAnswer)
  .put('/site/proxy', async (c) => {
    const settings = parseOr400(
      proxySettingsSchema,
      await readJsonBody(c.req.raw, 16 * 1024),
      'proxy',
    )
    const own = reservedHostname(settings.hostnames, ownHostnames(c.env))
    if (own) {
      throw invalid(
        'reserved_hostname',
        `${own} serves edgelift itself (its API and dashboard) and cannot be a store's hostname.`,
      )
    }
    await writeProxySettings(c.var.db, c.var.site.id, settings)
    // Its proxied hostnames are the site's own origins, which the public routes allow.
    forgetCachedSite(c.var.site.publicKey)
    return proxyAnswer(c)
  })
  .post('/site/proxy/verify', async (c) => {
    await proveSiteHostnames(
      c.var.db,
      dohResolver(c.env.HOSTNAME_DOH_URL),
      c.var.site.id,
      Date.now(),
    )
    // A newly proven hostname's origin is now the site's own.
    forgetCachedSite(c.var.site.publicKey)
    return proxyAnswer(c)
  })
