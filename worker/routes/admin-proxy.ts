/** `GET/PUT /v1/admin/site/proxy`: the origin and hostnames of edge proxy mode. */
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import {
  ownHostname,
  proxySettingsSchema,
  readProxySettings,
  writeProxySettings,
} from '../edge/proxy-settings.ts'
import { invalid } from '../http/api-error.ts'
import { readJsonBody } from '../http/read-body.ts'
import { parseOr400 } from '../http/validate.ts'
import { forgetCachedSite } from '../sites/site-store.ts'

export const adminProxyRoute = new Hono<AppEnv>()
  .get('/site/proxy', async (c) => c.json(await readProxySettings(c.var.db, c.var.site.id)))
  .put('/site/proxy', async (c) => {
    const settings = parseOr400(
      proxySettingsSchema,
      await readJsonBody(c.req.raw, 16 * 1024),
      'proxy',
    )
    const own = ownHostname(settings.hostnames, new URL(c.req.url).host)
    if (own) {
      throw invalid(
        'reserved_hostname',
        `${own} serves edgelift itself (its API and dashboard) and cannot be a store's hostname.`,
      )
    }
    await writeProxySettings(c.var.db, c.var.site.id, settings)
    // Its proxied hostnames are the site's own origins, which the public routes allow.
    forgetCachedSite(c.var.site.publicKey)
    return c.json(await readProxySettings(c.var.db, c.var.site.id))
  })
