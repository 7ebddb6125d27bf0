/**
 * `/admin/settings`: the site's name and origins, its keys, the install snippet, the hostnames
 * (where the dashboard lives, which store hostnames serve), key rotation, and the team's named
 * keys with the audit log (a chunk of its own).
 */
import { useApi } from '../api/use-api.ts'
import type { SiteInfo } from '../api/types.ts'
import { ErrorDisplay } from '../components/error-display.tsx'
import { Loading, Page } from '../components/page.tsx'
import { HealthCard } from '../health/health-card.tsx'
import { HostnamesCard } from '../settings/hostnames-card.tsx'
import { InstallCard } from '../settings/install-card.tsx'
import { RotateKey } from '../settings/rotate-key.tsx'
import { SiteForm } from '../settings/site-form.tsx'
import { TeamLoader } from '../settings/team-loader.tsx'
import { useSite } from '../site-context.ts'

export function SettingsPage() {
  const loaded = useApi<SiteInfo>('/v1/admin/site')
  const { setSite } = useSite()
  const site = loaded.data
  return (
    <Page title="Settings and install">
      <ErrorDisplay failure={loaded.error} />
      {loaded.loading && !site && <Loading what="the site" />}
      {site && (
        <>
          <HealthCard />
          <SiteForm key={site.siteId} site={site} onSaved={setSite} />
          <section class="card" aria-labelledby="keys-title">
            <h2 id="keys-title">Keys</h2>
            <dl class="facts">
              <div>
                <dt>Site id</dt>
                <dd>
                  <code>{site.siteId}</code>
                </dd>
              </div>
              <div>
                <dt>Public key (safe in page source)</dt>
                <dd>
                  <code data-public-key>{site.publicKey}</code>
                </dd>
              </div>
              <div>
                <dt>Currency</dt>
                <dd>{site.currency}</dd>
              </div>
            </dl>
          </section>
          <InstallCard publicKey={site.publicKey} />
          <HostnamesCard />
          <RotateKey />
          <TeamLoader />
        </>
      )}
    </Page>
  )
}
