/**
 * The dashboard's shell: signed out it shows the sign-in form; signed in, the header, the
 * navigation and the page the URL names. A 401 from any call signs out with the reason shown.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiFailure, onUnauthorized, request } from './api/client.ts'
import type { SiteInfo } from './api/types.ts'
import { focusPageTitle, lazyPage, preloadPages } from './lazy-page.tsx'
import { ExperimentsList } from './pages/experiments-list.tsx'
import { NotFoundPage } from './pages/not-found.tsx'
import { SignIn } from './pages/sign-in.tsx'
import { BASE, matchRoute, useLocation, type Location, type Route } from './router.ts'
import { clearKey, currentKey, saveKey } from './session.ts'
import { SiteContext } from './site-context.ts'

const NAV: { href: string; label: string; pages: Route['page'][] }[] = [
  {
    href: BASE,
    label: 'Experiments',
    pages: ['experiments', 'experiment', 'new-experiment', 'edit-experiment'],
  },
  { href: `${BASE}/sample-size`, label: 'Sample size', pages: ['sample-size'] },
  { href: `${BASE}/recommendations`, label: 'Recommendations', pages: ['recommendations'] },
  { href: `${BASE}/behaviour`, label: 'Behaviour', pages: ['behaviour'] },
  { href: `${BASE}/settings`, label: 'Settings', pages: ['settings'] },
]

export function App() {
  const [signedIn, setSignedIn] = useState(currentKey() !== null)
  const [notice, setNotice] = useState<ApiFailure | null>(null)
  const [site, setSite] = useState<SiteInfo | null>(null)

  // Registered during the first render, not in an effect: pages' requests start in their own
  // effects, which run before this component's, and a fast 401 must already find the handler.
  const registered = useRef(false)
  if (!registered.current) {
    registered.current = true
    onUnauthorized((failure) => {
      clearKey()
      setSite(null)
      setNotice(new ApiFailure(401, failure.code, 'This admin key is not valid. Sign in again.'))
      setSignedIn(false)
    })
  }

  if (!signedIn) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(key, info) => {
          saveKey(key)
          setSite(info)
          setNotice(null)
          setSignedIn(true)
        }}
      />
    )
  }
  const signOut = () => {
    clearKey()
    setSite(null)
    setNotice(null)
    setSignedIn(false)
  }
  return (
    <SiteContext.Provider value={{ site, setSite }}>
      <Shell site={site} setSite={setSite} onSignOut={signOut} />
    </SiteContext.Provider>
  )
}

type ShellProps = {
  site: SiteInfo | null
  setSite: (site: SiteInfo) => void
  onSignOut: () => void
}

function Shell({ site, setSite, onSignOut }: ShellProps) {
  const location = useLocation()
  const route = matchRoute(location.pathname)
  useFocusOnNavigation(location)
  // The other pages' chunks, once this one is up: navigating then seldom waits.
  useEffect(() => {
    const idle = setTimeout(preloadPages, 500)
    return () => clearTimeout(idle)
  }, [])

  useEffect(() => {
    if (site) return
    request<SiteInfo>('/v1/admin/site')
      .then(setSite)
      .catch(() => {
        // A 401 already signed out; other failures only leave the header without a site name.
      })
  }, [site, setSite])

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◆
          </span>{' '}
          edgelift <span class="site-name">{site ? site.name : ''}</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  aria-current={item.pages.includes(route.page) ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="button secondary sign-out" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <RoutePage route={route} location={location} />
      </main>
    </>
  )
}

const NewExperimentPage = lazyPage(() =>
  import('./pages/experiment-edit.tsx').then((m) => m.NewExperimentPage),
)
const ExperimentEditPage = lazyPage(() =>
  import('./pages/experiment-edit.tsx').then((m) => m.ExperimentEditPage),
)
const ExperimentPage = lazyPage(() =>
  import('./pages/experiment-page.tsx').then((m) => m.ExperimentPage),
)
const SampleSizePage = lazyPage(() =>
  import('./pages/sample-size.tsx').then((m) => m.SampleSizePage),
)
const RecommendationsPage = lazyPage(() =>
  import('./pages/recommendations.tsx').then((m) => m.RecommendationsPage),
)
const BehaviourPage = lazyPage(() => import('./pages/behaviour.tsx').then((m) => m.BehaviourPage))
const SettingsPage = lazyPage(() => import('./pages/settings.tsx').then((m) => m.SettingsPage))

function RoutePage({ route, location }: { route: Route; location: Location }) {
  switch (route.page) {
    case 'experiments':
      return <ExperimentsList location={location} />
    case 'new-experiment':
      return <NewExperimentPage />
    case 'experiment':
      return <ExperimentPage key={route.key} experimentKey={route.key} location={location} />
    case 'edit-experiment':
      return <ExperimentEditPage key={route.key} experimentKey={route.key} />
    case 'sample-size':
      return <SampleSizePage />
    case 'recommendations':
      return <RecommendationsPage />
    case 'behaviour':
      return <BehaviourPage />
    case 'settings':
      return <SettingsPage />
    case 'not-found':
      return <NotFoundPage />
  }
}

/** Moves focus to the new page's heading after in-app navigation (not on the first load). */
function useFocusOnNavigation(location: Location): void {
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    focusPageTitle()
  }, [location.pathname])
}
