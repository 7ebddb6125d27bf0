/** Any /admin path the dashboard does not know. */
import { Page } from '../components/page.tsx'
import { BASE } from '../router.ts'

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        There is no dashboard page at this address. <a href={BASE}>Back to the experiments</a>.
      </p>
    </Page>
  )
}
